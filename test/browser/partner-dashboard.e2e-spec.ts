import type { Browser, BrowserContext, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, linkIn, newPhone, screenshot, signIn, uniqueEmail, waitForEmail, WEB_URL } from '../support/browser';
import { apiCall, apiLogin, openCohort } from '../support/cohort-api';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function withContext<T>(context: BrowserContext, run: (page: Page) => Promise<T>): Promise<T> {
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const desktop = (lang: string) => browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: lang });
const password = 'a long enough password';

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface Member {
  email: string;
  token: string;
  id: string;
}

/** Someone invited into the organization by admin@ who accepts through the emailed link, as a new colleague would. */
async function invite(admin: string, organizationId: string, role: 'manager' | 'staff', label: string, nameLatin: string, nameArabic: string): Promise<Member> {
  const email = uniqueEmail(label);
  await apiCall('POST', '/api/invitations', admin, { email, locale: 'ar', organizationId, role });
  const mail = await waitForEmail(email, { predicate: (m) => (m.text ?? '').includes('/invitations/') });
  const invitation = new URL(linkIn(mail, '/invitations/')).pathname.split('/').pop() ?? '';
  const auth = await apiCall<{ token: string; user: { id: string } }>('POST', `/api/invitations/${invitation}/accept`, null, {
    password,
    nameLatin,
    nameArabic,
    locale: 'ar',
    timeZone: 'Asia/Amman',
  });
  return { email, token: auth.token, id: auth.user.id };
}

/**
 * A partner organization of its own (so the demo's partners are never touched) holding seats in an Amman cohort and
 * an Irbid one. Its manager placed Rania, Yousef and Salma in Amman and Karim in Irbid; all but Salma agreed to share
 * their progress. The Amman circle met twice: Rania came both times, Yousef once, Salma never; Rania holds a
 * certificate.
 */
async function partnerWithStaff() {
  const suffix = Date.now().toString(36);
  const admin = await apiLogin('admin@example.org');
  const organization = await apiCall<{ id: string }>('POST', '/api/organizations', admin, {
    name: { ar: `جمعية الشركاء ${suffix}`, en: `Partners Association ${suffix}`, fr: `Association partenaire ${suffix}` },
    kind: 'cso',
    country: 'JO',
    city: { ar: 'عمّان', en: 'Amman' },
  });
  const amman = await openCohort({ name: `Partner Amman ${suffix}`, capacity: 20, mode: 'open', city: 'Amman' });
  const irbid = await openCohort({ name: `Partner Irbid ${suffix}`, capacity: 20, mode: 'open', city: 'Irbid' });
  await apiCall('PUT', `/api/cohorts/${amman}/seats/${organization.id}`, admin, { seats: 5 });
  await apiCall('PUT', `/api/cohorts/${irbid}/seats/${organization.id}`, admin, { seats: 2 });

  const manager = await invite(admin, organization.id, 'manager', 'partner-manager', 'Nour Hamdan', 'نور حمدان');
  const place = async (cohortId: string, label: string, nameLatin: string, nameArabic: string, consent: boolean) => {
    const person = await invite(admin, organization.id, 'staff', label, nameLatin, nameArabic);
    const enrollment = await apiCall<{ id: string }>('POST', `/api/organizations/${organization.id}/seats/${cohortId}/nominations`, manager.token, { userId: person.id });
    await apiCall('PATCH', `/api/me/enrollments/${enrollment.id}`, person.token, { consentToShare: consent });
    return { ...person, enrollmentId: enrollment.id };
  };
  const rania = await place(amman, 'rania', 'Rania Khalil', 'رانيا خليل', true);
  const yousef = await place(amman, 'yousef', 'Yousef Nimr', 'يوسف نمر', true);
  const salma = await place(amman, 'salma', 'Salma Aziz', 'سلمى عزيز', false);
  const karim = await place(irbid, 'karim', 'Karim Haddad', 'كريم حداد', true);

  const trainer = await apiLogin('trainer@example.org');
  const coachEmail = uniqueEmail('partner-coach');
  await apiCall('POST', '/api/auth/register', null, { email: coachEmail, password, nameLatin: 'Huda Amer', nameArabic: 'هدى عامر', locale: 'ar', timeZone: 'Asia/Amman' });
  const coach = await apiLogin(coachEmail, password);
  const coachId = (await apiCall<{ id: string }>('GET', '/api/me', coach)).id;
  const circle = await apiCall<{ id: string }>('POST', `/api/cohorts/${amman}/circles`, trainer, { name: { ar: `حلقة ${suffix}`, en: `Circle ${suffix}` }, coachIds: [coachId] });
  await apiCall('POST', `/api/circles/${circle.id}/members`, trainer, { enrollmentIds: [rania.enrollmentId, yousef.enrollmentId, salma.enrollmentId] });
  for (const [days, yousefCame] of [
    [-14, true],
    [-7, false],
  ] as const) {
    const held = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${circle.id}/sessions`, coach, { date: dayFromToday(days), time: '18:00', durationMinutes: 90 });
    await apiCall('PUT', `/api/sessions/${held.items[0]?.id ?? ''}/attendance`, coach, {
      marks: [
        { enrollmentId: rania.enrollmentId, status: 'present' },
        { enrollmentId: yousef.enrollmentId, status: yousefCame ? 'late' : 'absent' },
        { enrollmentId: salma.enrollmentId, status: 'absent' },
      ],
    });
  }
  // Half the sessions and no more earns the certificate: Rania holds one.
  await apiCall('PUT', `/api/cohorts/${amman}/completion-rule`, trainer, { minAttendancePercent: 50, requiredExercises: [], finalReview: false });
  const certificate = await apiCall<{ code: string }>('POST', `/api/enrollments/${rania.enrollmentId}/certificate`, trainer, {});
  return { suffix, organizationId: organization.id, amman, irbid, manager, rania, yousef, salma, karim, certificate };
}

let partner: Awaited<ReturnType<typeof partnerWithStaff>>;
beforeAll(async () => {
  partner = await partnerWithStaff();
}, 120_000);

it('a manager in Arabic without JavaScript sees consenting staff only, the funnel, filters and a CSV with a BOM', async () => {
  const { organizationId, manager, amman, yousef } = partner;
  await withContext(await newPhone(browser, { javaScriptEnabled: false, locale: 'ar' }), async (page) => {
    await signIn(page, 'ar', manager.email, password);
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    await page.locator('a', { hasText: 'تقدّم الفريق' }).click();
    await page.waitForURL(new RegExp(`/ar/organizations/${organizationId}/staff$`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // Consenting staff by name in both scripts; Salma, who did not consent, only as a number.
    const table = page.locator('table.staff-table');
    const text = await table.innerText();
    for (const name of ['رانيا خليل', 'Rania Khalil', 'يوسف نمر', 'كريم حداد']) expect(text).toContain(name);
    expect(text).not.toContain('سلمى');
    expect(await page.locator('main').innerText()).not.toContain('Salma');
    expect(await page.locator('.hidden-count').innerText()).toBe('عضو واحد لم يشارك تقدّمه.');
    expect(await page.locator('.partner-counts').innerText()).toContain('3 أعضاء مسجَّلين');

    // Attendance and exercises per person.
    const row = (name: string) => page.locator('table.staff-table tbody tr', { hasText: name });
    expect(await row('رانيا خليل').locator('td').nth(2).innerText()).toMatch(/100.?%.*حضر 2 من جلستين/su);
    expect(await row('يوسف نمر').locator('td').nth(2).innerText()).toMatch(/50.?%.*حضر 1 من جلستين/su);
    expect(await row('كريم حداد').innerText()).toContain('لم تُعقد جلسات بعد');
    expect(await row('رانيا خليل').locator('td').nth(1).innerText()).toContain('في أحد مقاعدكم');

    // The funnel is one image with a title and its figures in words, drawn right to left.
    const funnel = page.locator('figure.funnel-chart svg');
    expect(await funnel.getAttribute('role')).toBe('img');
    expect(await funnel.locator('title').textContent()).toBe('مسار الإتمام');
    expect(await funnel.locator('desc').textContent()).toContain('مسجَّلون: 3');
    expect(await funnel.locator('desc').textContent()).toContain('حصلوا على شهادة: 1');
    const label = await funnel.locator('text.chart-label').first().boundingBox();
    const bar = await funnel.locator('rect.chart-bar').first().boundingBox();
    expect((label?.x ?? 0) + (label?.width ?? 0)).toBeGreaterThan((bar?.x ?? 0) + (bar?.width ?? 0));
    expect(await page.locator('figure.attendance-chart svg[role="img"] title').textContent()).toBe('الحضور عبر الوقت');

    expect(await page.locator('.seat-usage-list').innerText()).toContain('3 من 5 مقاعد مستعملة');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'partner-dashboard-ar-390');

    // Filters are a plain GET form: Irbid leaves Karim only; the Amman cohort leaves Rania and Yousef.
    await page.locator('#staff-city').fill('irbid');
    await Promise.all([page.waitForURL(/city=irbid/), page.locator('.partner-filters button[type="submit"]').click()]);
    expect(await page.locator('table.staff-table tbody tr').allInnerTexts()).toEqual([expect.stringContaining('كريم حداد')]);
    await page.locator('#staff-city').fill('');
    await page.locator('#staff-cohort').selectOption(amman);
    await Promise.all([page.waitForURL(new RegExp(`cohortId=${amman}`)), page.locator('.partner-filters button[type="submit"]').click()]);
    expect(await page.locator('table.staff-table tbody tr').count()).toBe(2);

    // The CSV takes the same filters: UTF-8 with a BOM, Arabic names intact, no one who did not consent.
    const href = (await page.locator('a', { hasText: 'نزّل ملف CSV' }).getAttribute('href')) ?? '';
    expect(href).toContain(`cohortId=${amman}`);
    const csv = await page.request.get(`${WEB_URL()}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain('رانيا خليل');
    expect(lines.join('\n')).not.toContain('سلمى');

    // Withdrawn consent hides the person at once.
    await apiCall('PATCH', `/api/me/enrollments/${yousef.enrollmentId}`, yousef.token, { consentToShare: false });
    await page.reload();
    expect(await page.locator('table.staff-table').innerText()).not.toContain('يوسف نمر');
    expect(await page.locator('.hidden-count').innerText()).toBe('عضوان لم يشاركا تقدّمهما.');
    await apiCall('PATCH', `/api/me/enrollments/${yousef.enrollmentId}`, yousef.token, { consentToShare: true });
  });
}, 120_000);

it('a manager of another organization gets 404 for the page and its CSV', async () => {
  const { organizationId } = partner;
  await withContext(await desktop('en'), async (page) => {
    await signIn(page, 'en', 'partner@example.org');
    const response = await page.goto(`${WEB_URL()}/en/organizations/${organizationId}/staff`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').innerText()).not.toContain('Rania');
    const csv = await page.request.get(`${WEB_URL()}/en/organizations/${organizationId}/staff.csv`);
    expect(csv.status()).toBe(404);
  });
});

it('in English on a wide screen: a table, time left to right, the printable summary as a PDF', async () => {
  const { organizationId, manager } = partner;
  await withContext(await desktop('en'), async (page) => {
    await signIn(page, 'en', manager.email, password);
    await page.goto(`${WEB_URL()}/en/organizations/${organizationId}`);
    await page.locator('a', { hasText: 'Staff progress' }).click();
    await page.waitForURL(new RegExp(`/en/organizations/${organizationId}/staff$`));
    // A table with its column headings (cards are for phones).
    await page.locator('table.staff-table thead th', { hasText: 'Exercises passed' }).waitFor();
    const counts = await page.locator('.partner-counts').innerText();
    expect(counts).toContain('3 staff members enrolled');
    expect(counts).toContain('1 holds a certificate');
    // The certificate's code links to its public verification page.
    const verify = page.locator('table.staff-table tbody tr', { hasText: 'Rania Khalil' }).locator('a.code');
    expect(await verify.innerText()).toBe(partner.certificate.code);
    expect(await verify.getAttribute('href')).toBe(`/en/verify/${partner.certificate.code}`);

    // Time runs left to right: the earlier week's column stands left of the later one.
    const columns = page.locator('figure.attendance-chart rect.chart-column');
    expect(await columns.count()).toBeGreaterThanOrEqual(2);
    const first = await columns.first().boundingBox();
    const last = await columns.last().boundingBox();
    expect(first?.x ?? 0).toBeLessThan(last?.x ?? 0);
    await screenshot(page, 'partner-dashboard-en-1280');

    const pdfHref = (await page.locator('a', { hasText: 'Printable summary (PDF)' }).getAttribute('href')) ?? '';
    const pdf = await page.request.get(`${WEB_URL()}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
}, 60_000);

it('a staff member joining on their own names the organization and consents on the join form (Arabic, no JavaScript); the dashboard lets them stop or name it later', async () => {
  const { organizationId, manager, suffix } = partner;
  const admin = await apiLogin('admin@example.org');
  const lina = await invite(admin, organizationId, 'staff', 'lina', 'Lina Saleh', 'لينا صالح');
  const cohortId = await openCohort({ name: `Self join ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  const staffNames = async () =>
    (await apiCall<{ items: { trainee: { nameLatin: string } }[] }>('GET', `/api/organizations/${organizationId}/staff-progress?pageSize=100`, manager.token)).items.map((i) => i.trainee.nameLatin);

  await withContext(await newPhone(browser, { javaScriptEnabled: false, locale: 'ar' }), async (page) => {
    await signIn(page, 'ar', lina.email, password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohortId}`);
    const fieldset = page.locator('fieldset.join-organization');
    expect(await fieldset.locator('legend').innerText()).toBe('هل أرسلتك منظمة؟');
    // Nobody is named by default: naming an organization, like sharing, is the trainee's choice.
    expect(await fieldset.locator('select').inputValue()).toBe('');
    expect(await fieldset.locator('option').allInnerTexts()).toEqual(['لا أحد — أشارك بصفتي الشخصية', `جمعية الشركاء ${suffix}`]);

    // Consent without an organization is refused on the page, and the box stays ticked.
    await fieldset.locator('input[type="checkbox"]').check();
    await Promise.all([page.waitForLoadState(), page.locator('form#join button[type="submit"]').click()]);
    expect(await fieldset.locator('.field-errors').innerText()).toBe('اختر المنظمة التي تشاركها تقدّمك، أو أزل علامة الاختيار.');
    expect(await fieldset.locator('input[type="checkbox"]').isChecked()).toBe(true);

    await fieldset.locator('select').selectOption(organizationId);
    await Promise.all([page.waitForURL(/done=active/), page.locator('form#join button[type="submit"]').click()]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await staffNames()).toContain('Lina Saleh');

    // The dashboard says whom she shares with and why; stopping hides her from the organization at once.
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    const row = page.locator('li.my-cohort', { hasText: `Self join ${suffix}` });
    expect(await row.locator('.consent').innerText()).toContain(`ذكرتَ جمعية الشركاء ${suffix} منظمتك في هذه الدفعة`);
    await screenshot(page, 'join-organization-dashboard-ar-390');
    await Promise.all([page.waitForURL(/done=consentWithdrawn/), row.locator('.consent button', { hasText: 'أوقف المشاركة' }).click()]);
    expect(await staffNames()).not.toContain('Lina Saleh');
  });

  // Joined elsewhere without naming anyone: the dashboard offers her organization, and sharing with it.
  const other = await openCohort({ name: `Named later ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  await apiCall('POST', `/api/cohorts/${other}/enrollments`, lina.token, {});
  await withContext(await desktop('en'), async (page) => {
    await signIn(page, 'en', lina.email, password);
    await page.goto(`${WEB_URL()}/en/dashboard`);
    const row = page.locator('li.my-cohort', { hasText: `Named later ${suffix}` });
    await row.locator('details.name-organization summary', { hasText: 'Did an organization send you?' }).click();
    expect(await row.locator('.consent select').inputValue()).toBe(organizationId);
    await row.locator('.consent input[type="checkbox"]').check();
    await Promise.all([page.waitForURL(/done=consentGiven/), row.locator('.consent button', { hasText: 'Save' }).click()]);
    expect(await page.locator('.my-cohorts .notice').innerText()).toBe('Your organization can now see your progress.');
    const progress = await apiCall<{ items: { trainee: { nameLatin: string }; cohort: { id: string } }[] }>('GET', `/api/organizations/${organizationId}/staff-progress?cohortId=${other}`, manager.token);
    expect(progress.items.map((i) => i.trainee.nameLatin)).toEqual(['Lina Saleh']);
  });
}, 120_000);
