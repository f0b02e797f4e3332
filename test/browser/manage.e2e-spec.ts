import type { Browser, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
import { apiCall, apiLogin, join, newPerson, openCohort } from '../support/cohort-api';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function withPage<T>(js: boolean, lang: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe.each([false, true])('a trainer creates a cohort (JavaScript %s)', (js) => {
  it('says what is wrong next to each field, keeps the questions typed, then creates a draft and opens it', () =>
    withPage(js, 'en', async (page) => {
      await signIn(page, 'en', 'trainer@example.org');
      await page.goto(`${WEB_URL()}/en/manage`);
      await page.getByRole('link', { name: 'New cohort' }).click();
      await page.locator('h1', { hasText: 'New cohort' }).waitFor();

      await page.locator('input[name="q1En"]').fill('Why do you want to join?');
      await page.locator('input[name="q1Required"]').check();
      await page.locator('input[name="startsOn"]').fill('2027-04-10');
      await page.locator('input[name="endsOn"]').fill('2027-04-01');
      await submit(page, page.locator('main form[method="post"] button[type="submit"]'));
      await page.locator('#new-cohort-nameAr-error').waitFor();
      expect(await page.locator('#new-cohort-nameAr-error').innerText()).toBe('Enter the name in at least one language.');
      expect(await page.locator('#new-cohort-endsOn-error').innerText()).toBe('The last day cannot be before the first day.');
      expect(await page.locator('#new-cohort-courseSlug-error').innerText()).toBe('This field is required.');
      expect(await page.locator('input[name="nameAr"]').getAttribute('aria-invalid')).toBe('true');
      // What was typed is still there, including the question rows.
      expect(await page.locator('input[name="q1En"]').inputValue()).toBe('Why do you want to join?');
      expect(await page.locator('input[name="q1Required"]').isChecked()).toBe(true);

      const name = `Ramallah evenings ${js ? 'js' : 'nojs'} ${Date.now().toString(36)}`;
      await page.locator('select[name="courseSlug"]').selectOption({ index: 1 });
      await page.locator('input[name="nameEn"]').fill(name);
      await page.locator('input[name="nameAr"]').fill('أمسيات رام الله');
      await page.locator('input[name="endsOn"]').fill('2027-06-30');
      await page.locator('input[name="cityEn"]').fill('Ramallah');
      await page.locator('input[name="capacity"]').fill('12');
      await page.locator('input[name="enrollmentMode"][value="application"]').check();
      await page.locator('main form[method="post"] button[type="submit"]').click();
      await page.waitForURL((url) => /\/en\/manage\/cohorts\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByText('The cohort is created as a draft.').waitFor();
      expect(await page.locator('h1').innerText()).toBe(name);
      expect(await page.locator('#status-title + p').innerText()).toContain('Draft');
      expect(await page.locator('input[name="q1En"]').inputValue()).toBe('Why do you want to join?');
      expect(await page.locator('input[name="q2En"]').inputValue()).toBe('');

      await submit(page, page.getByRole('button', { name: 'Open for enrollment' }));
      await page.getByText('The status is changed.').waitFor();
      // With JavaScript the notice can show a moment before the page's data is reloaded: wait for the new status.
      await page.locator('#status-title + p', { hasText: 'Open' }).waitFor();
      await page.getByRole('button', { name: 'Mark as started' }).waitFor();

      // The cohort is on the trainer's list with its numbers.
      await page.goto(`${WEB_URL()}/en/manage`);
      const card = page.locator('.cohort-card', { hasText: name });
      await card.waitFor();
      expect(await card.innerText()).toContain('0 of 12');
      expect(await horizontalOverflow(page)).toBe(0);
    }),
  );
});

it('a lead trainer adds a coach, gives seats to an organization and creates an invitation code shown once (Arabic, no JavaScript)', () =>
  withPage(false, 'ar', async (page) => {
    const cohortId = await openCohort({ name: `Tunis invite ${Date.now().toString(36)}`, capacity: 10, mode: 'invite', city: 'Tunis' });
    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}`);

    await page.locator('#add-staff-email').fill('coach@example.org');
    await page.locator('#add-staff-role').selectOption('coach');
    await submit(page, page.locator('form[action*="addStaff"] button[type="submit"]'));
    await page.getByText('أُضيف الشخص إلى الطاقم.').waitFor();
    expect(await page.locator('section[aria-labelledby="staff-title"] .member-list').innerText()).toContain('coach@example.org');

    await page.locator('#add-staff-email').fill('nobody-here@example.org');
    await submit(page, page.locator('form[action*="addStaff"] button[type="submit"]'));
    expect(await page.locator('#add-staff-email').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#add-seats-organizationId').selectOption({ index: 1 });
    await page.locator('#add-seats-seats').fill('3');
    await submit(page, page.locator('form[action*="intent=seats"].form button[type="submit"]'));
    await page.getByText('حُفظت المقاعد.').waitFor();
    expect(await page.locator('section[aria-labelledby="seats-title"] .member-list').innerText()).toContain('0 من 3');

    await page.locator('#new-code-maxUses').fill('1');
    await submit(page, page.locator('form[action*="createCode"] button[type="submit"]'));
    const code = await page.locator('#created-code').inputValue();
    expect(code.length).toBeGreaterThanOrEqual(6);
    expect(await page.locator('section[aria-labelledby="codes-title"]').innerText()).toContain('لن يظهر إلا هذه المرة');
    await screenshot(page, 'manage-cohort-code-ar-nojs');

    // Shown once: a fresh visit lists the code without it.
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}`);
    expect(await page.locator('#created-code').count()).toBe(0);
    expect(await page.content()).not.toContain(code);
    const codes = page.locator('section[aria-labelledby="codes-title"] .member-list li');
    expect(await codes.innerText()).toContain('صالح');
    await submit(page, codes.getByRole('button', { name: 'ألغِ' }));
    await page.getByText('أُلغي الرمز؛ لم يعد يُدخل أحدًا.').waitFor();
    expect(await page.locator('section[aria-labelledby="codes-title"] .member-list li').innerText()).toContain('ملغى');
    expect(await horizontalOverflow(page)).toBe(0);
  }));

it('edits an open cohort with people in it: a capacity below the places taken is refused next to the field, a new question is kept with its key', () =>
  withPage(false, 'en', async (page) => {
    const cohortId = await openCohort({ name: `Edit ${Date.now().toString(36)}`, capacity: 5, mode: 'application', city: 'Irbid' });
    for (const label of ['edit-a', 'edit-b']) {
      const person = await newPerson(label, { nameLatin: label });
      const enrollment = await join(cohortId, person.token, { motivation: 'to learn' });
      await apiCall('POST', `/api/cohorts/${cohortId}/decisions`, await apiLogin('trainer@example.org'), { decision: 'accept', enrollmentIds: [enrollment.id] });
    }
    await signIn(page, 'en', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}`);
    expect(await page.locator('input[name="q1En"]').inputValue()).toBe('Why do you want to join?');

    // The long form is folded on a phone until asked for.
    expect(await page.locator('#edit-cohort-capacity').isVisible()).toBe(false);
    await page.getByText('Change the name, dates, place, capacity, way to join or questions').click();
    await page.locator('#edit-cohort-capacity').fill('1');
    await submit(page, page.locator('form[action*="intent=update"] button[type="submit"]'));
    await page.locator('#edit-cohort-capacity-error').waitFor();
    expect(await page.locator('#edit-cohort-capacity-error').innerText()).toContain('2 places are already taken');
    // The page opens at the form that was sent, where its messages are.
    expect(new URL(page.url()).hash).toBe('#edit-title');

    expect(await page.locator('#edit-cohort-capacity').isVisible()).toBe(true);
    await page.locator('#edit-cohort-capacity').fill('6');
    await page.locator('input[name="q2En"]').fill('Which neighbourhood do you organize in?');
    await submit(page, page.locator('form[action*="intent=update"] button[type="submit"]'));
    await page.getByText('The changes are saved.').waitFor();
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}`);
    expect(await page.locator('#edit-cohort-capacity').inputValue()).toBe('6');
    expect(await page.locator('input[name="q1Key"]').inputValue()).toBe('motivation');
    expect(await page.locator('input[name="q2En"]').inputValue()).toBe('Which neighbourhood do you organize in?');
    expect(await page.locator('input[name="q2Key"]').inputValue()).toMatch(/^question-\d+$/);
  }));

it('accepts and rejects applications in bulk and by quota per city, in Arabic without JavaScript', () =>
  withPage(false, 'ar', async (page) => {
    const cohortId = await openCohort({ name: `Quota ${Date.now().toString(36)}`, capacity: 10, mode: 'application', city: 'Amman' });
    const names = ['رامي سعد', 'سارة يوسف', 'خالد عمر', 'دينا فارس'];
    for (const [index, nameArabic] of names.entries()) {
      const person = await newPerson(`quota-${index}`, { nameArabic });
      await join(cohortId, person.token, { motivation: `سبب رقم ${index + 1}` });
    }
    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/applications`);
    await page.getByText('4 أشخاص.').waitFor();

    await submit(page, page.locator('button[name="decision"][value="accept"]'));
    await page.getByText('اختر طلبًا واحدًا على الأقل أولًا.').waitFor();

    for (const name of names.slice(0, 2)) await page.locator('ul.applications li', { hasText: name }).locator('input[type="checkbox"]').check();
    await submit(page, page.locator('button[name="decision"][value="accept"]'));
    await page.getByText('قُبل شخصان.').waitFor();
    await page.locator('ul.applications li', { hasText: names[2] }).locator('input[type="checkbox"]').check();
    await submit(page, page.locator('button[name="decision"][value="reject"]'));
    await page.getByText('رُفض شخص واحد.').waitFor();
    expect(await page.locator('#active-title').innerText()).toBe('المشاركون: شخصان');
    await screenshot(page, 'manage-applications-ar-nojs');

    // Everyone is from no organization, so by city (Amman applies to all): at most 3 active; one more is accepted.
    await page.locator('#quota-by').selectOption('city');
    await page.locator('#quota-perGroup').fill('3');
    await submit(page, page.locator('form[action*="quota"] button[type="submit"]'));
    await page.locator('section[aria-labelledby="quota-title"] .notice').waitFor();
    expect(await page.locator('#active-title').innerText()).toBe('المشاركون: 3 أشخاص');

    // The rejected one is found with the status filter.
    await page.locator('#filter-status').selectOption('rejected');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('status') === 'rejected'), page.getByRole('button', { name: 'اعرض' }).click()]);
    await page.locator('ul.applications li', { hasText: names[2] }).waitFor();
    expect(await page.locator('#list-title').innerText()).toBe('المرفوضون');
    expect(await horizontalOverflow(page)).toBe(0);
  }));

it("an organization manager places a staff member in a held seat and cancels it (English, JavaScript on)", () =>
  withPage(true, 'en', async (page) => {
    const cohortId = await openCohort({ name: `Najaf seats ${Date.now().toString(36)}`, capacity: 6, mode: 'application', city: 'Najaf' });
    const partner = await apiLogin('partner@example.org');
    const me = await apiCall<{ organizations: { id: string; role: string }[] }>('GET', '/api/me', partner);
    const organizationId = me.organizations.find((m) => m.role === 'manager')?.id ?? '';
    await apiCall('PUT', `/api/cohorts/${cohortId}/seats/${organizationId}`, await apiLogin('trainer@example.org'), { seats: 2 });

    await signIn(page, 'en', 'partner@example.org');
    await page.goto(`${WEB_URL()}/en/dashboard`);
    await page.getByRole('link', { name: 'Seats in cohorts' }).click();
    const section = page.locator('section.seat-cohort', { hasText: 'Najaf seats' }).filter({ has: page.locator(`input[value="${cohortId}"]`) });
    await section.waitFor();
    expect(await section.innerText()).toContain('0 of 2 seats used');

    const select = section.locator('select[name="userId"]');
    const option = select.locator('option', { hasText: 'Ali Kadhim' });
    await select.selectOption({ value: (await option.getAttribute('value')) ?? '' });
    await submit(page, section.getByRole('button', { name: 'Place them in the cohort' }));
    await section.getByText('They are in the cohort; we emailed them.').waitFor();
    await section.getByText('1 of 2 seats used').waitFor();
    expect(await section.locator('.member-list').innerText()).toContain('Ali Kadhim');
    await screenshot(page, 'seats-nominated-en-js');

    await submit(page, section.getByRole('button', { name: 'Cancel the seat of Ali Kadhim' }));
    await section.getByText('The seat is free again.').waitFor();
    await section.getByText('0 of 2 seats used').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  }));

it('shows management pages only to the people who run cohorts or manage the organization', () =>
  withPage(false, 'en', async (page) => {
    const cohortId = await openCohort({ name: `Private ${Date.now().toString(36)}`, capacity: 4, mode: 'open' });
    const outsider = await newPerson('outsider', { nameLatin: 'Out Sider' }, 'en');
    await signIn(page, 'en', outsider.email, outsider.password);
    expect(await page.locator('.main-nav a', { hasText: 'Cohorts' }).count()).toBe(0);
    for (const path of ['/en/manage', `/en/manage/cohorts/${cohortId}`, `/en/manage/cohorts/${cohortId}/applications`, '/en/manage/cohorts/new']) {
      const response = await page.goto(`${WEB_URL()}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
    }
    const partner = await apiLogin('partner@example.org');
    const me = await apiCall<{ organizations: { id: string }[] }>('GET', '/api/me', partner);
    const response = await page.goto(`${WEB_URL()}/en/organizations/${me.organizations[0]?.id ?? ''}/seats`);
    expect(response?.status()).toBe(404);
  }));

describe.each(['ar', 'en'] as const)('management pages at phone width (%s)', (lang) => {
  it('fit 390 px without sideways scrolling', () =>
    withPage(true, lang, async (page) => {
      const cohortId = await openCohort({ name: `Layout ${lang} ${Date.now().toString(36)}`, capacity: 2, mode: 'application', city: 'Baghdad' });
      const person = await newPerson(`layout-${lang}`, { nameArabic: 'حسين علي', nameLatin: 'Hussein Ali' });
      await join(cohortId, person.token, { motivation: 'A long answer that should wrap nicely on a small phone screen without pushing the page sideways at all.' });
      await signIn(page, lang, 'trainer@example.org');
      // The header links people who run cohorts to them (with JavaScript the address changes before the page renders).
      await page.locator('.main-nav a', { hasText: lang === 'ar' ? 'دفعاتي' : 'Cohorts' }).waitFor();
      for (const [path, shot] of [
        [`/${lang}/manage`, 'manage-list'],
        [`/${lang}/manage/cohorts/new`, 'manage-new'],
        [`/${lang}/manage/cohorts/${cohortId}`, 'manage-cohort'],
        [`/${lang}/manage/cohorts/${cohortId}/applications`, 'manage-applications'],
      ] as const) {
        await page.goto(`${WEB_URL()}${path}`);
        await page.locator('h1').waitFor();
        expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await screenshot(page, `${shot}-${lang}`);
      }
    }));
});
