import type { Browser, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
import { apiCall, apiLogin, join, newPerson, openCohort } from '../support/cohort-api';

// The trainer's circle board (/{l}/manage/cohorts/{id}/circles). Each test arranges a cohort and people of its own
// through the api, so parallel files never see each other's circles.

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

/** An open cohort led by trainer@ with active trainees of the given names; their enrollment ids by name. */
async function cohortWith(label: string, people: { nameLatin: string; nameArabic: string }[]) {
  const cohortId = await openCohort({ name: `${label} ${Date.now().toString(36)}`, capacity: 20, mode: 'open', city: 'Amman' });
  const enrollments = new Map<string, string>();
  for (const [index, names] of people.entries()) {
    const person = await newPerson(`${label.toLowerCase().replace(/\W+/g, '-')}-${index}`, names);
    enrollments.set(names.nameLatin, (await join(cohortId, person.token)).id);
  }
  return { cohortId, enrollments };
}

const card = (page: Page, name: string) => page.locator('li.circle-card', { has: page.locator('h3', { hasText: name }) });

it('a trainer opens the board from the cohort page and auto-assigns every trainee into balanced circles (English, JavaScript on)', () =>
  withPage(true, 'en', async (page) => {
    const people = ['Rami Saad', 'Sara Youssef', 'Khaled Omar', 'Dina Fares', 'Omar Nabil'].map((nameLatin) => ({ nameLatin, nameArabic: nameLatin }));
    const { cohortId } = await cohortWith('Auto assign', people);
    await signIn(page, 'en', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}`);
    await page.getByRole('link', { name: 'Circles', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/en/manage/cohorts/${cohortId}/circles`));
    expect(await page.locator('#unassigned-title').innerText()).toBe('Not in a circle yet: 5 people');
    expect(await page.locator('#circles-title').innerText()).toBe('Circles: none yet');
    for (const person of people) expect(await page.locator('section[aria-labelledby="unassigned-title"]').innerText()).toContain(person.nameLatin);

    // A number out of range is refused next to the field.
    await page.locator('#auto-assign-circles').fill('0');
    await submit(page, page.locator('form[action*="autoAssign"] button[type="submit"]'));
    await page.locator('#auto-assign-circles-error').waitFor();
    expect(await page.locator('#auto-assign-circles-error').innerText()).toBe('Enter a whole number of circles, from 1 to 50.');

    await page.locator('#auto-assign-circles').fill('2');
    await page.locator('#auto-assign-spreadBy').selectOption('none');
    await page.locator('#auto-assign-namePrefix').fill('Amman');
    await submit(page, page.locator('form[action*="autoAssign"] button[type="submit"]'));
    await page.getByText('5 trainees were placed in circles. 2 new circles were created.').waitFor();
    await page.locator('#unassigned-title', { hasText: 'nobody' }).waitFor();
    expect(await page.locator('#circles-title').innerText()).toBe('Circles: 2');
    // Sizes differ by at most one: 3 and 2.
    const sizes = await page.locator('li.circle-card .tag').allInnerTexts();
    expect(sizes.sort()).toEqual(['2 members', '3 members']);
    const everyone = await page.locator('ul.circle-list').innerText();
    for (const person of people) expect(everyone).toContain(person.nameLatin);
    expect(await card(page, 'Amman 1').count()).toBe(1);
    expect(await card(page, 'Amman 1').getByRole('link', { name: 'Circle page: sessions and attendance' }).getAttribute('href')).toMatch(/^\/en\/circles\/[0-9a-f-]{36}$/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'circle-board-en-js');

    // Again: nobody is waiting, nobody already placed is moved.
    await submit(page, page.locator('form[action*="autoAssign"] button[type="submit"]'));
    await page.getByText('Nobody was waiting for a circle. No new circle was needed.').waitFor();
    expect((await page.locator('li.circle-card .tag').allInnerTexts()).sort()).toEqual(['2 members', '3 members']);
  }));

it('moves a trainee to another circle with a select and a button, and the old circle keeps them as a former member (Arabic, no JavaScript)', () =>
  withPage(false, 'ar', async (page) => {
    const { cohortId, enrollments } = await cohortWith('Move', [
      { nameLatin: 'Lina Haddad', nameArabic: 'لينا حداد' },
      { nameLatin: 'Yousef Karim', nameArabic: 'يوسف كريم' },
      { nameLatin: 'Huda Salem', nameArabic: 'هدى سالم' },
    ]);
    const trainer = await apiLogin('trainer@example.org');
    const west = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, { name: { ar: 'حلقة جبل عمّان', en: 'Jabal Amman' }, place: { ar: 'جبل عمّان' } });
    const east = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, { name: { ar: 'حلقة الأشرفية', en: 'Ashrafieh' }, online: true });
    await apiCall('POST', `/api/circles/${west.id}/members`, trainer, { enrollmentIds: [enrollments.get('Lina Haddad'), enrollments.get('Yousef Karim')] });

    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/circles`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#unassigned-title').innerText()).toBe('ليسوا في حلقة بعد: شخص واحد');
    expect(await card(page, 'حلقة جبل عمّان').locator('.tag').innerText()).toBe('عضوان');
    expect(await card(page, 'حلقة الأشرفية').innerText()).toContain('عبر الإنترنت');

    // Move Lina from Jabal Amman to Ashrafieh: the select names where, the button does it.
    const row = card(page, 'حلقة جبل عمّان').locator('li', { hasText: 'لينا حداد' });
    await row.getByLabel('انقل لينا حداد إلى', { exact: true }).selectOption({ label: 'حلقة الأشرفية' });
    await submit(page, row.getByRole('button', { name: 'انقل لينا حداد' }));
    const target = card(page, 'حلقة الأشرفية');
    await target.getByText('المتدرّب في هذه الحلقة الآن.', { exact: false }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#circle-${east.id}`);
    expect(await target.locator('ul.board-members').innerText()).toContain('لينا حداد');
    const old = card(page, 'حلقة جبل عمّان');
    expect(await old.locator('ul.board-members').innerText()).not.toContain('لينا حداد');
    expect(await old.locator('.tag').innerText()).toBe('عضو واحد');
    // The history keeps her stay in the old circle.
    await old.getByText('أعضاء سابقون: شخص واحد').click();
    expect(await old.locator('.board-former').innerText()).toContain('لينا حداد');
    expect(await old.locator('.board-former').innerText()).toContain('الآن في حلقة الأشرفية');
    const detail = await apiCall<{ pastMembers: { enrollmentId: string; currentCircle: { id: string } | null }[] }>('GET', `/api/circles/${west.id}`, trainer);
    expect(detail.pastMembers.map((p) => [p.enrollmentId, p.currentCircle?.id])).toEqual([[enrollments.get('Lina Haddad'), east.id]]);

    // The one without a circle is added from the list; then removed again, and is back on the list.
    const waiting = page.locator('section[aria-labelledby="unassigned-title"] li', { hasText: 'هدى سالم' });
    await waiting.getByLabel('أضف هدى سالم إلى', { exact: true }).selectOption({ label: 'حلقة جبل عمّان' });
    await submit(page, waiting.getByRole('button', { name: 'أضف هدى سالم إلى الحلقة' }));
    await card(page, 'حلقة جبل عمّان').locator('ul.board-members', { hasText: 'هدى سالم' }).waitFor();
    expect(await page.locator('#unassigned-title').innerText()).toBe('ليسوا في حلقة بعد: لا أحد');
    await submit(page, card(page, 'حلقة جبل عمّان').getByRole('button', { name: 'أخرِج هدى سالم من حلقة جبل عمّان' }));
    await page.getByText('خرج المتدرّب من الحلقة.', { exact: false }).waitFor();
    expect(await page.locator('#unassigned-title').innerText()).toBe('ليسوا في حلقة بعد: شخص واحد');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'circle-board-ar-nojs');
  }));

it('creates a circle with a coach, says what is missing, renames it and deletes it after a confirmation (French, no JavaScript)', () =>
  withPage(false, 'fr', async (page) => {
    const { cohortId } = await cohortWith('Create', [{ nameLatin: 'Nour Aziz', nameArabic: 'نور عزيز' }]);
    await signIn(page, 'fr', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/fr/manage/cohorts/${cohortId}/circles`);

    // Neither a name nor a place: both are said, next to their fields.
    await submit(page, page.locator('form[action*="intent=create"] button[type="submit"]'));
    await page.locator('#new-circle-nameAr-error').waitFor();
    expect(await page.locator('#new-circle-nameAr-error').innerText()).toBe('Saisissez le nom dans une langue au moins.');
    expect(await page.locator('#new-circle-placeAr-error').innerText()).toBe('Indiquez le lieu dans au moins une langue, ou choisissez en ligne.');

    await page.locator('#new-circle-nameFr').fill('Cercle de Weibdeh');
    await page.locator('#new-circle-placeFr').fill('Jabal Weibdeh');
    await page.locator('section[aria-labelledby="new-circle-title"] input[name="coachIds"]').first().check();
    await submit(page, page.locator('form[action*="intent=create"] button[type="submit"]'));
    const created = card(page, 'Cercle de Weibdeh');
    await created.getByText('Le cercle est créé.').waitFor();
    expect(await created.innerText()).toContain('Jabal Weibdeh');
    expect(await created.locator('.board-coaches ul').innerText()).not.toBe('');

    await created.getByText('Renommer ou changer le lieu').click();
    const circleId = (await created.getAttribute('id'))?.replace('circle-', '') ?? '';
    await page.locator(`#edit-${circleId}-nameFr`).fill('Cercle du Weibdeh, mardi');
    await created.locator('input[name="place"][value="online"]').check();
    await submit(page, created.locator('form[action*="intent=update"] button[type="submit"]'));
    const renamed = card(page, 'Cercle du Weibdeh, mardi');
    await renamed.getByText('Le cercle est enregistré.').waitFor();
    expect(await renamed.innerText()).toContain('En ligne');

    // Deleting asks first; an empty circle without attendance goes.
    await renamed.getByRole('link', { name: 'Supprimer ce cercle' }).click();
    await renamed.getByRole('alertdialog').getByText('Supprimer Cercle du Weibdeh, mardi ?').waitFor();
    await submit(page, renamed.getByRole('button', { name: 'Oui, le supprimer' }));
    await page.getByText('Le cercle est supprimé.').waitFor();
    expect(await page.locator('li.circle-card').count()).toBe(0);

    // The board is linked from the trainer's list of cohorts too.
    await page.goto(`${WEB_URL()}/fr/manage/cohorts/${cohortId}`);
    expect(await page.getByRole('link', { name: 'Cercles', exact: true }).getAttribute('href')).toBe(`/fr/manage/cohorts/${cohortId}/circles`);
  }));

it('is not found for a coach of the cohort and for a trainee in it', async () => {
  const { cohortId } = await cohortWith('Private', []);
  const coach = await newPerson('board-coach', { nameLatin: 'Coach Only' }, 'en');
  const admin = await apiLogin('admin@example.org');
  await apiCall('POST', `/api/cohorts/${cohortId}/staff`, admin, { email: coach.email, role: 'coach' });
  const trainee = await newPerson('board-trainee', { nameLatin: 'Trainee Only' }, 'en');
  await join(cohortId, trainee.token);
  for (const person of [coach, trainee]) {
    await withPage(false, 'en', async (page) => {
      await signIn(page, 'en', person.email, person.password);
      const response = await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}/circles`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('Page not found');
    });
  }
});
