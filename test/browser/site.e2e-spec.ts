import type { Browser, BrowserContext, Page, Response } from 'playwright-core';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
import { ORG } from '../../api/src/demo/demo-data';
import { launchBrowser, newPhone, signIn, WEB_URL } from '../support/browser';

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

const names = (page: Page) => page.locator('.org-list .org-name').allInnerTexts();

describe.each([true, false])('organization directory (JavaScript %s)', (js) => {
  it('finds an organization by part of its English name, and by its Arabic name on the Arabic page', () =>
    withPage(js, 'en', async (page) => {
      await page.goto(`${WEB_URL()}/en/organizations`);
      await page.locator('input[name="q"]').fill('najaf');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'najaf'), page.locator('form[role="search"] button[type="submit"]').click()]);
      await page.waitForLoadState('networkidle');
      expect(await names(page)).toEqual(['Najaf Social Forum']);

      await page.goto(`${WEB_URL()}/ar/organizations`);
      await page.locator('input[name="q"]').fill('النجف');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'النجف'), page.locator('form[role="search"] button[type="submit"]').click()]);
      await page.waitForLoadState('networkidle');
      expect(await names(page)).toEqual(['منتدى النجف الاجتماعي']);

      // A name typed in one script finds the organization shown in the other.
      await page.goto(`${WEB_URL()}/ar/organizations?q=${encodeURIComponent('Forum')}`);
      expect((await names(page)).sort()).toEqual(['منتدى النجف الاجتماعي', 'منتدى بغداد الاجتماعي'].sort());
      expect(await page.locator('input[name="q"]').inputValue()).toBe('Forum');
    }));

  it('filters by country', () =>
    withPage(js, 'en', async (page) => {
      await page.goto(`${WEB_URL()}/en/organizations`);
      // Countries are offered by name in the reader's language, not as codes to type.
      expect(await page.locator('select[name="country"] option[value="TN"]').innerText()).toBe('Tunisia');
      await page.locator('select[name="country"]').selectOption('TN');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('country') === 'TN'), page.locator('form[role="search"] button[type="submit"]').click()]);
      await page.waitForLoadState('networkidle');
      expect((await names(page)).sort()).toEqual(['Citizen Associations Network', 'Civic Initiatives Fund']);
      expect(await page.locator('main p[role="status"]').innerText()).toMatch(/2|Two/);
      expect(await page.locator('select[name="country"]').inputValue()).toBe('TN');
    }));

  it('the language switcher opens the same page with the same query in the other language', () =>
    withPage(js, 'en', async (page) => {
      await page.goto(`${WEB_URL()}/en/organizations?q=Forum&country=IQ`);
      await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/ar/')), page.locator('nav.languages a[hreflang="ar"]').click()]);
      await page.waitForLoadState('networkidle');
      const url = new URL(page.url());
      expect(url.pathname).toBe('/ar/organizations');
      expect(url.searchParams.get('q')).toBe('Forum');
      expect(url.searchParams.get('country')).toBe('IQ');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('input[name="q"]').inputValue()).toBe('Forum');
      expect(await page.locator('h1').innerText()).toMatch(/[\u0600-\u06FF]/);

      await page.goto(`${WEB_URL()}/ar/organizations/${ORG.najaf}`);
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/fr/')), page.locator('nav.languages a[hreflang="fr"]').click()]);
      expect(new URL(page.url()).pathname).toBe(`/fr/organizations/${ORG.najaf}`);
      expect(await page.locator('h1').innerText()).toBe('Forum social de Najaf');
    }));
});

describe('error pages (JavaScript off)', () => {
  /** The page a reader lands on: its status, tab title, document language and direction, and heading. */
  const landing = async (page: Page, path: string) => {
    const response = await page.goto(`${WEB_URL()}${path}`);
    const html = page.locator('html');
    return { path, status: response?.status(), title: await page.title(), lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir'), heading: await page.locator('main h1').innerText() };
  };

  it('a page that does not exist, or that the reader may not see, is titled "not found" in the page’s language, right to left in Arabic', () =>
    withPage(false, 'ar', async (page) => {
      const arabic = { status: 404, title: 'الصفحة غير موجودة — حلقة', lang: 'ar', dir: 'rtl', heading: 'الصفحة غير موجودة' };
      expect(await landing(page, '/ar/no-such-page')).toEqual({ path: '/ar/no-such-page', ...arabic });
      expect(await landing(page, '/en/no-such-page')).toEqual({ path: '/en/no-such-page', status: 404, title: 'Page not found — Halaqa', lang: 'en', dir: 'ltr', heading: 'Page not found' });
      expect(await landing(page, '/fr/no-such-page')).toEqual({ path: '/fr/no-such-page', status: 404, title: 'Page introuvable — Halaqa', lang: 'fr', dir: 'ltr', heading: 'Page introuvable' });
      // The Najaf forum's manager asks for the Baghdad forum's staff: the page does not exist for her.
      await signIn(page, 'ar', 'partner@example.org');
      const staff = `/ar/organizations/${ORG.baghdad}/staff`;
      expect(await landing(page, staff)).toEqual({ path: staff, ...arabic });
    }));
});

describe('security headers', () => {
  it('every response from the web carries a nonce CSP without unsafe-inline scripts, and refuses framing', () =>
    withPage(true, 'en', async (page) => {
      const responses: Response[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(WEB_URL())) responses.push(response);
      });
      await page.goto(`${WEB_URL()}/`); // a redirect to a locale
      await page.goto(`${WEB_URL()}/en/organizations`);
      await page.goto(`${WEB_URL()}/en/no-such-page`);
      await page.goto(`${WEB_URL()}/.well-known/jwks.json`);
      await signIn(page, 'en', 'admin@example.org'); // a POST action and its redirect
      await page.locator('main a[href$="/profile"]').first().click(); // a client-side data request
      await page.waitForLoadState('networkidle');

      expect(responses.length).toBeGreaterThan(10);
      expect(responses.some((r) => r.status() >= 300 && r.status() < 400)).toBe(true);
      expect(responses.some((r) => r.request().method() === 'POST')).toBe(true);
      for (const response of responses) {
        const headers = await response.allHeaders();
        const csp = headers['content-security-policy'] ?? '';
        const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
        const where = `${response.request().method()} ${response.url()} (${response.status()})`;
        expect({ where, scriptSrc }).toEqual({ where, scriptSrc: expect.stringMatching(/'nonce-[A-Za-z0-9+/=]{16,}'/) });
        expect({ where, unsafeInline: scriptSrc.includes("'unsafe-inline'") }).toEqual({ where, unsafeInline: false });
        expect({ where, frameAncestors: csp.includes("frame-ancestors 'none'"), xfo: headers['x-frame-options'] }).toEqual({ where, frameAncestors: true, xfo: 'DENY' });
      }

      // The inline scripts of a document carry that response's nonce, and a fresh nonce per response.
      const first = await page.request.get(`${WEB_URL()}/en/organizations`);
      const second = await page.request.get(`${WEB_URL()}/en/organizations`);
      const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
      const nonce = nonceOf(first.headers()['content-security-policy'] ?? '');
      expect(nonce).toBeTruthy();
      expect(nonceOf(second.headers()['content-security-policy'] ?? '')).not.toBe(nonce);
      const html = await first.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.length).toBeGreaterThan(0);
      for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    }));
});

describe('JavaScript budget (DESIGN.md: 120 kB gzipped per page, lazy chunks included)', () => {
  it('no page makes the browser download more than 120 kB of compressed JavaScript', async () => {
    const pages = ['/ar', '/ar/organizations', `/ar/organizations/${ORG.najaf}`, '/ar/login', '/ar/signup', '/ar/forgot-password', '/ar/reset-password/not-a-token', '/ar/invitations/not-a-token'];
    const signedInPages = ['/ar/dashboard', '/ar/profile', `/ar/organizations/${ORG.najaf}`];
    const signedIn = await withPage(false, 'ar', async (page) => {
      await signIn(page, 'ar', 'partner@example.org');
      return page.context().storageState();
    });
    const measured: Record<string, number> = {};
    // Each page in a fresh context (an empty cache): what a first visit downloads, lazy chunks included.
    const measure = async (path: string, storageState?: StorageState) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar', storageState });
      try {
        const page = await context.newPage();
        const scripts: Response[] = [];
        page.on('response', (response) => {
          if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
        });
        // networkidle: nothing fetched for half a second after hydration, so lazily loaded chunks are counted too.
        await page.goto(`${WEB_URL()}${path}`, { waitUntil: 'networkidle' });
        let bytes = 0;
        for (const response of scripts) {
          const sizes = await response.request().sizes();
          // Compressed on the wire (gzip, or brotli when offered, smaller still); tiny files may go as they are.
          if ((await response.body()).length > 2048) expect(response.headers()['content-encoding']).toMatch(/^(gzip|br)$/);
          bytes += sizes.responseBodySize;
        }
        measured[`${storageState ? 'signed in ' : ''}${path}`] = Math.round(bytes / 102.4) / 10;
      } finally {
        await context.close();
      }
    };
    for (const path of pages) await measure(path);
    for (const path of signedInPages) await measure(path, signedIn);
    console.log(`JavaScript transferred per page, kB: ${JSON.stringify(measured)}`);
    for (const [path, kB] of Object.entries(measured)) {
      expect({ path, kB, over: kB > 120 }).toEqual({ path, kB, over: false });
      expect(kB).toBeGreaterThan(50); // it did measure something
    }
  });
});
