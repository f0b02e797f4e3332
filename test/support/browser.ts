import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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

export const API_URL = (): string => {
  const url = process.env.HALAQA_API_URL;
  if (!url) throw new Error('HALAQA_API_URL is not set: run the browser project (its global setup starts the servers).');
  return url;
};

/**
 * Clicks a submit button and waits for the action's answer (a document without JavaScript, data with it), then
 * for the page to settle. Assert on what should appear with `locator.waitFor()` after this.
 */
export async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
}

/**
 * The email the worker wrote for `to` (an .eml file in HALAQA_MAIL_DIR), parsed; the newest one matching
 * `predicate`, waiting up to `timeoutMs` for it to arrive.
 */
export async function waitForEmail(to: string, options: { predicate?: (mail: import('mailparser').ParsedMail) => boolean; timeoutMs?: number } = {}): Promise<import('mailparser').ParsedMail> {
  const { simpleParser } = await import('mailparser');
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const dir = process.env.HALAQA_MAIL_DIR;
  if (!dir) throw new Error('HALAQA_MAIL_DIR is not set: run the browser project.');
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const seen = new Map<string, import('mailparser').ParsedMail>();
  for (;;) {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .map((file) => ({ file, at: statSync(join(dir, file)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { file } of files) {
      let mail = seen.get(file);
      if (!mail) {
        mail = await simpleParser(readFileSync(join(dir, file)));
        seen.set(file, mail);
      }
      const recipients = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) => address.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()) && (!options.predicate || options.predicate(mail))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} in ${dir} after ${options.timeoutMs ?? 15_000} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in an email's text whose path contains `pathPart` (e.g. `/reset-password/`). */
export function linkIn(mail: import('mailparser').ParsedMail, pathPart: string): string {
  const text = `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
  const link = (text.match(/https?:\/\/[^\s"'<>]+/g) ?? []).find((url) => url.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in the email "${mail.subject ?? ''}"`);
  return link.replace(/&amp;/g, '&');
}

/** A unique address for one test run, so suites and reruns never collide. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.net`;
}

/** Fails when the page scrolls sideways: nothing may overflow a phone's width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
