import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhone, screenshot, signIn, submit, waitForEmail, WEB_URL } from '../support/browser';
import { join, newPerson, openCohort } from '../support/cohort-api';

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

it('a new trainee applies in Arabic without JavaScript, the trainer accepts the application, and the trainee is active', async () => {
  const cohortName = `Amman application ${Date.now().toString(36)}`;
  const cohortId = await openCohort({ name: cohortName, capacity: 5, mode: 'application', city: 'Amman' });
  const trainee = await newPerson('journey-apply', { nameArabic: 'هالة الزعبي' });

  // The trainee applies on the cohort page, in Arabic, with JavaScript off.
  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohortId}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('main textarea').first().fill('أريد أن أتعلّم كيف نروي قصة حيّنا معًا.');
    await submit(page, page.locator('main form[action*="join"] button[type="submit"]'));
    await page.getByText('وصلنا طلبك').first().waitFor();
    await screenshot(page, 'journey-applied-ar-nojs');
  });
  const received = await waitForEmail(trainee.email, { predicate: (mail) => (mail.subject ?? '').includes('وصلنا طلبك') });
  expect(received.subject).toContain(cohortName);

  // The trainer sees the application with its answer and accepts it.
  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/applications`);
    const row = page.locator('ul.applications li', { hasText: 'هالة الزعبي' });
    await row.waitFor();
    expect(await row.innerText()).toContain('أريد أن أتعلّم كيف نروي قصة حيّنا معًا.');
    await row.locator('input[name="enrollmentIds"]').check();
    await submit(page, page.locator('button[name="decision"][value="accept"]'));
    await page.getByText('قُبل شخص واحد.').waitFor();
    expect(await page.locator('ul.applications li', { hasText: 'هالة الزعبي' }).count()).toBe(0);
    expect(await page.locator('#active-title').innerText()).toContain('شخص واحد');
    await screenshot(page, 'journey-accepted-trainer-ar-nojs');
  });
  const accepted = await waitForEmail(trainee.email, { predicate: (mail) => (mail.subject ?? '').includes('أهلاً بك معنا') });
  expect(accepted.subject).toContain(cohortName);

  // The trainee now sees that they are in: on the cohort page and on their dashboard.
  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohortId}`);
    await page.getByText('أنت مسجَّل في هذه الدفعة').waitFor();
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    const entry = page.locator('main li', { hasText: cohortName });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('مسجَّل');
    await screenshot(page, 'journey-active-dashboard-ar-nojs');
  });
});

it('on a full cohort, a waitlisted trainee is promoted when someone withdraws, sees it on their dashboard and gets the email', async () => {
  const cohortName = `Online full ${Date.now().toString(36)}`;
  const cohortId = await openCohort({ name: cohortName, capacity: 1, mode: 'open' });
  const first = await newPerson('journey-first', { nameLatin: 'Omar Saleh', nameArabic: 'عمر صالح' });
  const waiting = await newPerson('journey-waiting', { nameArabic: 'نور الهدى' });
  expect((await join(cohortId, first.token)).status).toBe('active');
  expect((await join(cohortId, waiting.token)).status).toBe('waitlisted');

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', waiting.email, waiting.password);
    const entry = page.locator('main li', { hasText: cohortName });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('في قائمة الانتظار');
  });

  // The trainer withdraws the active trainee from the roster (asked to confirm first), with JavaScript on.
  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}/applications`);
    await page.locator('#waitlist-title', { hasText: 'one person' }).waitFor();
    await page.getByRole('link', { name: 'Withdraw Omar Saleh' }).click();
    await page.locator('#withdraw-title', { hasText: 'Withdraw Omar Saleh from the cohort?' }).waitFor();
    await submit(page, page.locator('.confirm button[type="submit"]'));
    await page.getByText('The person is withdrawn.').waitFor();
    await page.locator('#waitlist-title', { hasText: 'empty' }).waitFor();
    expect(await page.locator('ul.roster').first().innerText()).toContain('نور الهدى');
    await screenshot(page, 'journey-promoted-roster-en-js');
  });

  const promoted = await waitForEmail(waiting.email, { predicate: (mail) => (mail.subject ?? '').includes('شغر مقعد لك') });
  expect(promoted.subject).toContain(cohortName);

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', waiting.email, waiting.password);
    const entry = page.locator('main li', { hasText: cohortName });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('مسجَّل');
    expect(await entry.innerText()).not.toContain('في قائمة الانتظار');
    await screenshot(page, 'journey-promoted-dashboard-ar-nojs');
  });
});
