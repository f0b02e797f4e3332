import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../api/src/demo/demo-data';
import { launchBrowser, newPhone, screenshot, signIn, WEB_URL } from '../support/browser';

const ACCOUNTS = ['admin', 'trainer', 'coach', 'trainee', 'partner', 'graduate'].map((who) => {
  const user = DEMO_USERS.find((u) => u.email === `${who}@example.org`);
  if (!user) throw new Error(`demo account ${who}@example.org is missing`);
  return user;
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each([
  { lang: 'ar' as const, dir: 'rtl', js: true },
  { lang: 'ar' as const, dir: 'rtl', js: false },
  { lang: 'en' as const, dir: 'ltr', js: true },
  { lang: 'en' as const, dir: 'ltr', js: false },
])('signing in ($lang, JavaScript $js)', ({ lang, dir, js }) => {
  it.each(ACCOUNTS.map((u) => [u.email, u] as const))('%s reaches their dashboard, sees their name, and signs out', async (_email, user) => {
    const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
    const page = await context.newPage();
    try {
      await signIn(page, lang, user.email);
      expect(new URL(page.url()).pathname).toBe(`/${lang}/dashboard`);
      const html = page.locator('html');
      expect(await html.getAttribute('lang')).toBe(lang);
      expect(await html.getAttribute('dir')).toBe(dir);
      const shownName = lang === 'ar' ? user.nameArabic || user.nameLatin : user.nameLatin || user.nameArabic;
      // With JavaScript the address changes before the dashboard has rendered: wait for the name to show.
      await page.locator('main', { hasText: shownName }).waitFor();
      if (user.email === 'trainee@example.org' || user.email === 'admin@example.org') await screenshot(page, `dashboard-${user.email.split('@')[0]}-${lang}-${js ? 'js' : 'nojs'}`);

      await page.locator('form[action$="/logout"] button').first().click();
      await page.waitForURL((url) => !url.pathname.endsWith('/dashboard'));
      await page.goto(`${WEB_URL()}/${lang}/dashboard`);
      expect(new URL(page.url()).pathname).toBe(`/${lang}/login`);
    } finally {
      await context.close();
    }
  });
});

it('refuses a wrong password with a message in the page’s language, keeping the email typed', async () => {
  const context = await newPhone(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${WEB_URL()}/ar/login`);
    await page.locator('input[name="email"]').fill('trainee@example.org');
    await page.locator('input[name="password"]').fill('not-the-password');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[method="post"] button[type="submit"]').first().click()]);
    expect(new URL(page.url()).pathname).toBe('/ar/login');
    expect(await page.locator('input[name="email"]').inputValue()).toBe('trainee@example.org');
    expect(await page.locator('main').innerText()).toMatch(/[\u0600-\u06FF]/);
    await screenshot(page, 'login-wrong-password-ar-nojs');
  } finally {
    await context.close();
  }
});

it('counts failed sign-ins per visitor: one address that keeps guessing is stopped, another visitor still signs in', async () => {
  // The web server trusts X-Forwarded-For from a proxy on loopback, as it would from the reverse proxy in front of it.
  const visitor = (ip: string) => browser.newContext({ javaScriptEnabled: false, locale: 'en', extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  const guesser = await visitor('203.0.113.77');
  try {
    const page = await guesser.newPage();
    await page.goto(`${WEB_URL()}/en/login`);
    const csrf = (await page.locator('input[name="csrf"]').first().getAttribute('value')) ?? '';
    // Fifty wrong guesses at fifty different accounts (under each account's own limit) use up this address's attempts.
    for (let i = 0; i < 50; i += 1) {
      const res = await guesser.request.post(`${WEB_URL()}/en/login`, { form: { csrf, email: `nobody-${i}-${Date.now()}@example.org`, password: 'wrong password' } });
      expect(res.status()).toBe(401);
    }
    const stopped = await guesser.request.post(`${WEB_URL()}/en/login`, { form: { csrf, email: 'trainee@example.org', password: 'halaqa-demo' } });
    expect(stopped.status()).toBe(429);
    expect(await stopped.text()).toContain('Too many attempts');
  } finally {
    await guesser.close();
  }

  const someoneElse = await visitor('198.51.100.23');
  try {
    const page = await someoneElse.newPage();
    await signIn(page, 'en', 'trainee@example.org');
    expect(new URL(page.url()).pathname).toBe('/en/dashboard');
  } finally {
    await someoneElse.close();
  }
}, 60_000);
