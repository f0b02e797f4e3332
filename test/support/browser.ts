import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data';
import { ROOT } from './servers';

export const WEB_URL = (): string => {
  const url = process.env.HALAQA_WEB_URL;
  if (!url) throw new Error('HALAQA_WEB_URL is not set: run the browser project (its global setup starts the servers).');
  return url;
};

/** Review artifacts: screenshots the suite takes of the pages it checks. */
export const ARTIFACTS = join(ROOT, 'test/artifacts');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context, as most trainees see Halaqa; `javaScriptEnabled: false` for the no-JS runs. */
export async function newPhone(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'ar',
  });
}

export async function signIn(page: Page, lang: 'ar' | 'en' | 'fr', email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${WEB_URL()}/${lang}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.locator('form[method="post"] button[type="submit"]').first().click()]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
