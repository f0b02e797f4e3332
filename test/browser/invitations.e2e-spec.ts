import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ORG } from '../../api/src/demo/demo-data';
import { API_URL, launchBrowser, linkIn, newPhone, screenshot, signIn, submit, uniqueEmail, waitForEmail, WEB_URL } from '../support/browser';

const PARTNER_ID = '7a2b3c4d-0000-4000-8000-000000000005';
const ZAINAB_ID = '7a2b3c4d-0000-4000-8000-000000000008';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function managerPage(js: boolean, lang: 'ar' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
  const page = await context.newPage();
  await signIn(page, lang, 'partner@example.org');
  return { context, page };
}

async function invite(page: Page, lang: string, email: string): Promise<void> {
  await page.goto(`${WEB_URL()}/${lang}/organizations/${ORG.najaf}`);
  await page.locator('#invite-staff input[name="email"]').fill(email);
  await submit(page, page.locator('#invite-staff button[type="submit"]'));
  await page.locator('main [role="status"]', { hasText: email }).waitFor();
}

function memberRow(page: Page, email: string) {
  return page.locator('.member-list li', { hasText: email });
}

describe.each([
  { js: true, lang: 'en' as const },
  { js: false, lang: 'ar' as const },
])('a manager invites new staff (JavaScript $js, $lang)', ({ js, lang }) => {
  it('the invitee creates an account from the emailed link, lands signed in, and appears in the member list', async () => {
    const email = uniqueEmail('staff');
    const manager = await managerPage(js, lang);
    const invitee = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
    try {
      // From the dashboard to the organization, as a manager would go.
      await manager.page.goto(`${WEB_URL()}/${lang}/dashboard`);
      await manager.page.locator(`main a[href$="/organizations/${ORG.najaf}"]`).click();
      await manager.page.waitForURL((url) => url.pathname.endsWith(ORG.najaf));
      await invite(manager.page, lang, email);
      // A manager is offered the staff role only (the api refuses anything else).
      expect(await manager.page.locator('#invite-staff select[name="role"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['staff']);

      const mail = await waitForEmail(email, { predicate: (m) => (m.text ?? '').includes('/invitations/') });
      const page = await invitee.newPage();
      await page.goto(linkIn(mail, `/${lang}/invitations/`));
      expect(await page.locator('main').innerText()).toContain(lang === 'en' ? 'Najaf Social Forum' : 'منتدى النجف الاجتماعي');
      await page.locator('input[name="password"]').fill('invited password');
      await page.locator('input[name="nameLatin"]').fill('Karim Invited');
      await page.locator('main form[method="post"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === `/${lang}/dashboard`);
      // With JavaScript the address changes before the new page has rendered: wait for what it shows.
      await page.locator('h1', { hasText: 'Karim Invited' }).waitFor();

      await manager.page.goto(`${WEB_URL()}/${lang}/organizations/${ORG.najaf}`);
      expect(await memberRow(manager.page, email).innerText()).toContain('Karim Invited');
      await screenshot(manager.page, `organization-manager-${lang}-${js ? 'js' : 'nojs'}`);

      // The link was single-use.
      await page.goto(linkIn(mail, `/${lang}/invitations/`));
      expect(await page.locator('main [role="alert"] h1').count()).toBe(1);

      // Removing asks first, then the member is gone.
      await memberRow(manager.page, email).locator('a.danger').click();
      await manager.page.locator('#remove-title').waitFor();
      expect(await manager.page.locator('#remove-title').innerText()).toContain('Karim Invited');
      await submit(manager.page, manager.page.locator('.confirm button[type="submit"]'));
      await manager.page.locator('main [role="status"]').waitFor();
      // With JavaScript the list revalidates after the status shows: wait for the row to go, then check it stays gone.
      await memberRow(manager.page, email).first().waitFor({ state: 'detached' });
      expect(await memberRow(manager.page, email).count()).toBe(0);
    } finally {
      await invitee.close();
      await manager.context.close();
    }
  });
});

describe.each([true, false])('an invitation to an email that already has an account (JavaScript %s)', (js) => {
  it('asks only for that account’s password, refuses a wrong one, and adds the membership with the right one', async () => {
    const email = uniqueEmail('existing');
    const registered = await fetch(`${API_URL()}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'existing password', nameLatin: 'Rima Existing', locale: 'en', timeZone: 'Asia/Baghdad' }),
    });
    expect(registered.status).toBe(201);
    const manager = await managerPage(true, 'en');
    const invitee = await newPhone(browser, { javaScriptEnabled: js, locale: 'en' });
    try {
      await invite(manager.page, 'en', email);
      const mail = await waitForEmail(email, { predicate: (m) => (m.text ?? '').includes('/invitations/') });
      const page = await invitee.newPage();
      await page.goto(linkIn(mail, '/invitations/'));
      expect(await page.locator('input[name="nameLatin"]').count()).toBe(0);
      expect(await page.locator('input[name="password"]').getAttribute('autocomplete')).toBe('current-password');
      expect(await page.locator('main').innerText()).toContain('already has a Halaqa account');

      await page.locator('input[name="password"]').fill('not the right one');
      await submit(page, page.locator('main form[method="post"] button[type="submit"]'));
      const alert = page.locator('main form [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('not right');
      await screenshot(page, `invitation-existing-wrong-password-${js ? 'js' : 'nojs'}`);

      await page.locator('input[name="password"]').fill('existing password');
      await page.locator('main form[method="post"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/en/dashboard');
      // With JavaScript the address changes before the new page has rendered: wait for what it shows.
      await page.locator('h1', { hasText: 'Rima Existing' }).waitFor();

      await manager.page.goto(`${WEB_URL()}/en/organizations/${ORG.najaf}`);
      expect(await memberRow(manager.page, email).count()).toBe(1);
    } finally {
      await invitee.close();
      await manager.context.close();
    }
  });
});

it('says clearly, in that member’s row, that the last manager cannot be removed', async () => {
  const { context, page } = await managerPage(false, 'en');
  try {
    // The page never offers it; a stale or tampered form still gets the api's 409 organization.last_manager.
    await page.goto(`${WEB_URL()}/en/organizations/${ORG.najaf}?remove=${ZAINAB_ID}`);
    await page.locator('.confirm input[name="userId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), PARTNER_ID);
    await submit(page, page.locator('.confirm button[type="submit"]'));
    const row = memberRow(page, 'partner@example.org');
    expect(await row.locator('[role="alert"]').innerText()).toContain('last manager');
    expect(await memberRow(page, 'zainab.hassan@example.org').count()).toBe(1);
    await screenshot(page, 'organization-last-manager-en-nojs');
  } finally {
    await context.close();
  }
});
