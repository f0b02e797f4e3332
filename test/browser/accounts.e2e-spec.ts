import type { Browser, Page } from 'playwright-core';
import { API_URL, launchBrowser, linkIn, newPhone, screenshot, signIn, submit, uniqueEmail, waitForEmail, WEB_URL } from '../support/browser';

const ARABIC = /[\u0600-\u06FF]/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** An account of its own for a test (demo accounts are shared by the suite's parallel files). */
async function register(email: string, password: string, names: { nameLatin?: string; nameArabic?: string } = { nameLatin: 'Test Person' }): Promise<void> {
  const response = await fetch(`${API_URL()}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, ...names, locale: 'en', timeZone: 'Asia/Amman' }),
  });
  if (response.status !== 201) throw new Error(`register ${email}: ${response.status} ${await response.text()}`);
}

async function withPage<T>(js: boolean, lang: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe.each([false, true])('sign up in Arabic (JavaScript %s)', (js) => {
  it('shows Arabic messages next to each wrong field, keeps what was typed, then creates the account', () =>
    withPage(js, 'ar', async (page) => {
      await page.goto(`${WEB_URL()}/ar/signup`);
      await page.locator('input[name="email"]').fill('not-an-email');
      await page.locator('input[name="password"]').fill('short');
      await submit(page, page.locator('main form[method="post"] button[type="submit"]'));

      expect(new URL(page.url()).pathname).toBe('/ar/signup');
      for (const field of ['email', 'password', 'nameLatin']) {
        const input = page.locator(`input[name="${field}"]`);
        const errorId = `signup-${field}-error`;
        const message = page.locator(`#${errorId}`);
        await message.waitFor();
        expect(await message.innerText()).toMatch(ARABIC);
        // The message sits in the field's own block and is announced with it.
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await input.getAttribute('aria-describedby')).toContain(errorId);
        expect(await page.locator('.field', { has: input }).locator(`#${errorId}`).count()).toBe(1);
      }
      expect(await page.locator('#signup-email-error').innerText()).toContain('أدخل بريدًا إلكترونيًا صحيحًا');
      expect(await page.locator('#signup-password-error').innerText()).toContain('عشرة أحرف');
      expect(await page.locator('input[name="email"]').inputValue()).toBe('not-an-email');
      expect(await page.locator('input[name="password"]').inputValue()).toBe('');
      await screenshot(page, `signup-errors-ar-${js ? 'js' : 'nojs'}`);

      const email = uniqueEmail('signup');
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill('a long enough password');
      await page.locator('input[name="nameArabic"]').fill('سلمى المنصور');
      await page.locator('main form[method="post"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/ar/dashboard');
      // With JavaScript the address changes before the new page has rendered: wait for what it shows.
      await page.locator('h1', { hasText: 'سلمى المنصور' }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    }),
  );
});

it('says so when the email is already registered, next to the email field', () =>
  withPage(false, 'en', async (page) => {
    const email = uniqueEmail('taken');
    await register(email, 'first password here');
    await page.goto(`${WEB_URL()}/en/signup`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('another password');
    await page.locator('input[name="nameLatin"]').fill('Someone Else');
    await submit(page, page.locator('main form[method="post"] button[type="submit"]'));
    expect(await page.locator('#signup-email-error').innerText()).toContain('already exists');
    expect(await page.locator('input[name="nameLatin"]').inputValue()).toBe('Someone Else');
  }));

describe.each([false, true])('forgot password (JavaScript %s)', (js) => {
  it('emails a link that sets a new password, and the new password signs in', async () => {
    const email = uniqueEmail('forgot');
    await register(email, 'the old password');
    await withPage(js, 'en', async (page) => {
      await page.goto(`${WEB_URL()}/en/forgot-password`);
      await page.locator('input[name="email"]').fill(email);
      await submit(page, page.locator('main form[method="post"] button[type="submit"]'));
      await page.locator('[role="status"]').waitFor();
      expect(await page.locator('[role="status"]').innerText()).toContain('a link is on its way');

      const mail = await waitForEmail(email, { predicate: (m) => (m.text ?? '').includes('/reset-password/') });
      const link = linkIn(mail, '/en/reset-password/');
      expect(link.startsWith(WEB_URL())).toBe(true);

      await page.goto(link);
      await page.locator('input[name="password"]').fill('a brand new password');
      await page.locator('main form[method="post"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/en/login');
      await page.locator('main', { hasText: 'Your password was changed' }).waitFor();

      await signIn(page, 'en', email, 'a brand new password');
      expect(new URL(page.url()).pathname).toBe('/en/dashboard');

      // The link was single-use.
      await page.goto(link);
      await page.locator('input[name="password"]').fill('yet another password');
      await submit(page, page.locator('main form[method="post"] button[type="submit"]'));
      expect(await page.locator('main [role="alert"]').innerText()).toContain('not valid');
    });
  });
});

it('saves a new time zone and Arabic name on the profile, without JavaScript', async () => {
  const email = uniqueEmail('profile');
  await register(email, 'profile password', { nameLatin: 'Nour Saleh' });
  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', email, 'profile password');
    await page.goto(`${WEB_URL()}/ar/profile`);
    await page.locator('input[name="nameArabic"]').fill('نور صالح');
    await page.locator('select[name="timeZone"]').selectOption('Africa/Tunis');
    await submit(page, page.locator('form[action*="intent=details"] button[type="submit"]'));
    expect(await page.locator('main [role="status"]').innerText()).toMatch(ARABIC);

    // Saved, not just echoed: a fresh load shows the stored values, and the Arabic page greets by the Arabic name.
    await page.goto(`${WEB_URL()}/ar/profile`);
    expect(await page.locator('input[name="nameArabic"]').inputValue()).toBe('نور صالح');
    expect(await page.locator('select[name="timeZone"]').inputValue()).toBe('Africa/Tunis');
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    // With JavaScript the address changes before the new page has rendered: wait for what it shows.
      await page.locator('h1', { hasText: 'نور صالح' }).waitFor();
  });
});

it('refuses a wrong current password next to that field, in the page’s language', async () => {
  const email = uniqueEmail('password');
  await register(email, 'current password');
  await withPage(false, 'fr', async (page) => {
    await signIn(page, 'fr', email, 'current password');
    await page.goto(`${WEB_URL()}/fr/profile`);
    await page.locator('input[name="currentPassword"]').fill('not the password');
    await page.locator('input[name="newPassword"]').fill('a new password here');
    await submit(page, page.locator('form[action*="intent=password"] button[type="submit"]'));
    expect(await page.locator('#profile-password-currentPassword-error').innerText()).toMatch(/mot de passe/i);
  });
});
