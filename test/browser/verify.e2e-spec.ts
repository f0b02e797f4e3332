import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { generateVerificationCode } from '@halaqa/certificates';
import type { Browser, Page } from 'playwright-core';
import { API_URL, horizontalOverflow, launchBrowser, newPhone, screenshot, WEB_URL } from '../support/browser';
import { issuedCertificate, waitForPdf, type CertificateSummary } from '../support/certificates';
import { apiCall, apiLogin } from '../support/cohort-api';

// The public verification page: anyone holding a printed code (an employer, a funder) checks it, in their language,
// without JavaScript and without the page leaking more than the paper says.

let browser: Browser;
let valid: { certificate: CertificateSummary; email: string; token: string };
let revoked: { certificate: CertificateSummary; email: string };
const suffix = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  const first = await issuedCertificate('verify-valid', { nameLatin: 'Rania Khoury', nameArabic: 'رانيا خوري' }, `Verify ${suffix}`);
  valid = { certificate: first.certificate, email: first.trainee.email, token: first.trainee.token };
  const second = await issuedCertificate('verify-revoked', { nameLatin: 'Omar Saleh', nameArabic: 'عمر صالح' }, `Revoked ${suffix}`);
  const trainer = await apiLogin('trainer@example.org');
  const after = await apiCall<CertificateSummary>('POST', `/api/certificates/${second.certificate.id}/revoke`, trainer, { reason: 'Attendance records were falsified.' });
  revoked = { certificate: after, email: second.trainee.email };
});
afterAll(async () => {
  await browser.close();
});

/** A page with JavaScript off that fails the test on any request leaving the web's own origin. */
async function withStaticPage<T>(lang: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newPhone(browser, { javaScriptEnabled: false, locale: lang });
  const elsewhere: string[] = [];
  try {
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(WEB_URL()) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    const result = await run(page);
    expect(elsewhere).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

const plain = (code: string) => code.replace(/-/g, '');

it('shows a valid certificate in Arabic with every printed field, noindex and no email', async () => {
  await withStaticPage('ar', async (page) => {
    const response = await page.goto(`${WEB_URL()}/ar/verify/${plain(valid.certificate.code)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-robots-tag']).toBe('noindex');
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    const verdict = await page.locator('.verify-verdict').innerText();
    expect(verdict).toContain('✓');
    expect(verdict).toContain('شهادة صحيحة');
    const facts = await page.locator('.verify-facts').innerText();
    expect(facts).toContain('رانيا خوري');
    expect(facts).toContain('Rania Khoury');
    expect(facts).toContain(`Verify ${suffix}`);
    expect(facts).toContain(valid.certificate.code);
    expect(await page.locator('.certificate-code').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('a[href$="/.well-known/jwks.json"]').count()).toBe(1);
    const html = await page.content();
    expect(html).not.toContain(valid.email);
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'verify-valid-ar-390');
  });
});

it('shows a revoked certificate in English with its date, and not the reason', async () => {
  await withStaticPage('en', async (page) => {
    const response = await page.goto(`${WEB_URL()}/en/verify/${revoked.certificate.code.toLowerCase()}`);
    expect(response?.status()).toBe(200);
    const verdict = await page.locator('.verify-verdict').innerText();
    expect(verdict).toContain('Revoked certificate');
    const revokedOn = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(revoked.certificate.revokedAt ?? ''));
    expect(verdict).toContain(`revoked it on ${revokedOn}`);
    expect(await page.locator('.verify-facts').innerText()).toContain('Omar Saleh');
    const html = await page.content();
    expect(html).not.toContain('falsified');
    expect(html).not.toContain(revoked.email);
    // Its signed credential is no longer offered, and its address leads back to this page.
    expect(await page.locator('a[href$="/credential"]').count()).toBe(0);
    const credential = await page.request.get(`${WEB_URL()}/en/verify/${revoked.certificate.code}/credential`, { maxRedirects: 0 });
    expect(credential.status()).toBe(302);
    expect(credential.headers()['location']).toBe(`/en/verify/${revoked.certificate.code.replaceAll('-', '')}`);
    await screenshot(page, 'verify-revoked-en');
  });
});

it('tells an unknown code from a mistyped one, in Arabic and English, with status 404', async () => {
  const unknown = generateVerificationCode();
  const symbols = plain(valid.certificate.code);
  // One symbol changed: the check symbols no longer match.
  const mistyped = symbols.slice(0, 5) + (symbols[5] === 'A' ? 'B' : 'A') + symbols.slice(6);
  await withStaticPage('en', async (page) => {
    expect((await page.goto(`${WEB_URL()}/en/verify/${plain(unknown)}`))?.status()).toBe(404);
    expect(await page.locator('.verify-verdict').innerText()).toContain('Unknown code');
    expect(await page.locator('.verify-facts').count()).toBe(0);
    expect((await page.goto(`${WEB_URL()}/en/verify/${mistyped}`))?.status()).toBe(404);
    expect(await page.locator('.verify-verdict').innerText()).toContain('A character is probably mistyped');
    // The code is offered again to correct, grouped as printed.
    expect(await page.locator('input[name="code"]').inputValue()).toBe(mistyped.match(/.{1,4}/g)?.join('-'));
  });
  await withStaticPage('ar', async (page) => {
    expect((await page.goto(`${WEB_URL()}/ar/verify/${plain(unknown)}`))?.status()).toBe(404);
    expect(await page.locator('.verify-verdict').innerText()).toContain('رمز غير معروف');
    expect((await page.goto(`${WEB_URL()}/ar/verify/${mistyped}`))?.status()).toBe(404);
    expect(await page.locator('.verify-verdict').innerText()).toContain('الأرجح أن حرفًا كُتب خطأً');
    await screenshot(page, 'verify-mistyped-ar-390');
  });
});

it('takes a code typed with spaces, dashes and lower case in the form, without JavaScript', async () => {
  await withStaticPage('en', async (page) => {
    await page.goto(`${WEB_URL()}/en/verify`);
    const typed = valid.certificate.code.toLowerCase().replace(/-/g, ' - ');
    await page.locator('input[name="code"]').fill(` ${typed} `);
    await Promise.all([page.waitForURL(new RegExp(`/en/verify/${plain(valid.certificate.code)}$`)), page.locator('.verify-form button[type="submit"]').click()]);
    expect(await page.locator('.verify-verdict').innerText()).toContain('Valid certificate');
  });
});

it('sends the printed, locale-less URL to the reader’s language', async () => {
  const printed = new URL(valid.certificate.verifyUrl);
  expect(printed.pathname).toMatch(/^\/verify\/[0-9A-Z]+$/);
  const arabic = await fetch(`${WEB_URL()}${printed.pathname}`, { redirect: 'manual', headers: { 'Accept-Language': 'ar-JO,ar;q=0.9,en;q=0.5' } });
  expect(arabic.status).toBe(302);
  expect(arabic.headers.get('location')).toBe(`/ar/verify/${plain(valid.certificate.code)}`);
  const french = await fetch(`${WEB_URL()}${printed.pathname}`, { redirect: 'manual', headers: { 'Accept-Language': 'fr-TN,fr;q=0.9' } });
  expect(french.headers.get('location')).toBe(`/fr/verify/${plain(valid.certificate.code)}`);
});

it('hands out the signed credential as certificate-{code}.jwt once the worker signed it', async () => {
  await waitForPdf(valid.token, valid.certificate.id);
  const response = await fetch(`${WEB_URL()}/en/verify/${plain(valid.certificate.code)}/credential`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="certificate-${valid.certificate.code}.jwt"`);
  const jws = await response.text();
  const [header = '', payload = '', signature = ''] = jws.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
  // "Check it yourself", as the page tells: the key named by `kid`, from the JWKS the page links to, verifies it.
  const jwks = (await (await fetch(`${WEB_URL()}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const key = jwks.keys.find((k) => k.kid === kid);
  expect(key).toBeDefined();
  const publicKey = createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
  expect(verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  const credential = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  expect(JSON.stringify(credential)).not.toContain(valid.email);
});

it('answers too many checks from one visitor with a polite 429 page', async () => {
  // A visitor of our own (the web passes the address it saw on to the api), so other tests keep their quota.
  const visitor = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const unknown = plain(generateVerificationCode());
  let limited = false;
  for (let i = 0; i < 40 && !limited; i++) {
    const response = await fetch(`${API_URL()}/api/verify/${unknown}`, { headers: { 'X-Forwarded-For': visitor } });
    limited = response.status === 429;
  }
  expect(limited).toBe(true);
  const page = await fetch(`${WEB_URL()}/en/verify/${unknown}`, { headers: { 'X-Forwarded-For': visitor } });
  expect(page.status).toBe(429);
  expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
  const html = await page.text();
  expect(html).toContain('Too many checks');
  expect(html).toMatch(/try again in (one second|[\d,]+ seconds)/);
});
