import type { Browser } from 'playwright-core';
import { ORG } from '../../api/src/demo/demo-data';
import { horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, WEB_URL } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

// Signed-in pages at 390 px, as most people see them: nothing scrolls sideways, the header fits, and a screenshot
// of each is kept in test/artifacts/ for review.
const VIEWS: Array<{ who: string; paths: (lang: string) => string[] }> = [
  { who: 'admin', paths: (lang) => [`/${lang}/dashboard`] },
  { who: 'trainee', paths: (lang) => [`/${lang}/dashboard`, `/${lang}/profile`, `/${lang}/organizations`] },
  { who: 'partner', paths: (lang) => [`/${lang}/dashboard`, `/${lang}/organizations/${ORG.najaf}`] },
];

describe.each(['ar', 'en', 'fr'] as const)('signed-in pages on a phone (%s)', (lang) => {
  it.each(VIEWS.map((view) => [view.who, view] as const))('%s: no sideways scrolling, one-line navigation', async (_who, view) => {
    const context = await newPhone(browser, { javaScriptEnabled: false, locale: lang });
    const page = await context.newPage();
    try {
      await signIn(page, lang, `${view.who}@example.org`);
      for (const path of view.paths(lang)) {
        await page.goto(`${WEB_URL()}${path}`);
        await screenshot(page, `layout-${view.who}-${path.split('/').slice(2).join('-').replace(/[^a-z-]/g, '').slice(0, 20) || 'home'}-${lang}`);
        expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
        // The main navigation stays on one line: every item shares the first one's top.
        const tops = await page.locator('.main-nav li').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
        expect({ path, lines: new Set(tops).size }).toEqual({ path, lines: 1 });
      }
    } finally {
      await context.close();
    }
  });
});
