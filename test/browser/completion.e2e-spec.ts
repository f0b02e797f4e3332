import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
import { apiCall, apiLogin, join, newPerson, openCohort } from '../support/cohort-api';

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

const phone = (js: boolean, lang: string) => newPhone(browser, { javaScriptEnabled: js, locale: lang });
const desktop = (lang: string) => browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: lang });

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface Person {
  email: string;
  token: string;
  password: string;
  enrollmentId: string;
}

/**
 * An Amman cohort led by trainer@ with two circles, each with a coach of its own (so the demo coach's other cohorts
 * never meet ours): ours holds Rania, Yousef and Salma, who met twice (Salma missed both); theirs holds Karim. The
 * rule asks for half the sessions and a trainer's final review.
 */
async function cohortWithProgress() {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Completion ${suffix}`, capacity: 20, mode: 'open', city: 'Amman' });
  const trainer = await apiLogin('trainer@example.org');
  const coach = await newPerson('completion-coach', { nameLatin: 'Huda Amer', nameArabic: 'هدى عامر' }, 'ar');
  const otherCoach = await newPerson('completion-other-coach', { nameLatin: 'Omar Saleh', nameArabic: 'عمر صالح' }, 'ar');
  const enroll = async (label: string, nameLatin: string, nameArabic: string): Promise<Person> => {
    const person = await newPerson(label, { nameLatin, nameArabic }, 'ar');
    return { ...person, enrollmentId: (await join(cohortId, person.token)).id };
  };
  const rania = await enroll('rania', 'Rania Khalil', 'رانيا خليل');
  const yousef = await enroll('yousef', 'Yousef Nimr', 'يوسف نمر');
  const salma = await enroll('salma', 'Salma Aziz', 'سلمى عزيز');
  const karim = await enroll('karim', 'Karim Haddad', 'كريم حداد');
  const idOf = async (token: string) => (await apiCall<{ id: string }>('GET', '/api/me', token)).id;
  const ours = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة الإتمام ${suffix}`, en: `Completion circle ${suffix}` },
    coachIds: [await idOf(coach.token)],
  });
  const theirs = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة أخرى ${suffix}`, en: `Other circle ${suffix}` },
    coachIds: [await idOf(otherCoach.token)],
  });
  await apiCall('POST', `/api/circles/${ours.id}/members`, trainer, { enrollmentIds: [rania.enrollmentId, yousef.enrollmentId, salma.enrollmentId] });
  await apiCall('POST', `/api/circles/${theirs.id}/members`, trainer, { enrollmentIds: [karim.enrollmentId] });
  for (const days of [-7, -2]) {
    const held = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${ours.id}/sessions`, coach.token, { date: dayFromToday(days), time: '18:00', durationMinutes: 90 });
    await apiCall('PUT', `/api/sessions/${held.items[0]?.id ?? ''}/attendance`, coach.token, {
      marks: [
        { enrollmentId: rania.enrollmentId, status: 'present' },
        { enrollmentId: yousef.enrollmentId, status: 'late' },
        { enrollmentId: salma.enrollmentId, status: 'absent' },
      ],
    });
  }
  await apiCall('PUT', `/api/cohorts/${cohortId}/completion-rule`, trainer, { minAttendancePercent: 50, requiredExercises: [], finalReview: true });
  return { suffix, cohortId, circleId: ours.id, trainer, coach, rania, yousef, salma, karim };
}

it('trainer@ in Arabic without JavaScript: sees progress, records a final review, issues a certificate and revokes another with a reason', async () => {
  const { cohortId, trainer, rania, yousef, salma } = await cohortWithProgress();
  // Yousef already holds a certificate (issued through the api) that will be revoked on the page.
  await apiCall('PUT', `/api/enrollments/${yousef.enrollmentId}/final-review`, trainer, { passed: true });
  const yousefCertificate = await apiCall<{ id: string; code: string }>('POST', `/api/enrollments/${yousef.enrollmentId}/certificate`, trainer, {});

  await withContext(await phone(false, 'ar'), async (page) => {
    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}`);
    await page.locator('a', { hasText: 'الإتمام والشهادات' }).click();
    await page.waitForURL(new RegExp(`/ar/manage/cohorts/${cohortId}/completion$`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // The rule in words and the counts, with Arabic plurals.
    const rule = (await page.locator('.rule-words').textContent()) ?? '';
    expect(rule).toContain('حضور 50٪ من الجلسات');
    expect(rule).toContain('مراجعة ختامية من مدرّب');
    const counts = (await page.locator('.completion-counts').textContent()) ?? '';
    expect(counts).toContain('4 متدربين');
    expect(counts).toContain('مؤهَّل واحد');
    expect(counts).toContain('شهادة صادرة واحدة');

    // Attendance in words, with met / not met said, not only coloured.
    const row = (name: string) => page.locator('.completion-table tbody tr', { hasText: name });
    expect(await row('رانيا خليل').textContent()).toContain('حضر 2 من جلستين');
    expect(await row('رانيا خليل').textContent()).toContain('100٪');
    expect(await row('رانيا خليل').textContent()).toContain('Rania Khalil');
    expect(await row('رانيا خليل').textContent()).toContain('لم تُسجَّل بعد');
    expect(await row('سلمى عزيز').textContent()).toContain('حضر 0 من جلستين');
    expect(await row('سلمى عزيز').textContent()).toContain('غير مستوفى');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'completion-ar-390');

    // A final review for Rania makes her eligible.
    await row('رانيا خليل').locator('summary', { hasText: 'تسجيل المراجعة الختامية' }).click();
    await row('رانيا خليل').locator('input[name="passed"][value="true"]').check();
    await row('رانيا خليل').locator('textarea[name="note"]').fill('مشاركة ممتازة في المشروع الختامي.');
    await submit(page, row('رانيا خليل').locator('button', { hasText: 'حفظ المراجعة' }));
    await page.getByText('سُجّلت المراجعة الختامية.').waitFor();
    expect(await row('رانيا خليل').textContent()).toContain('مشاركة ممتازة');
    expect(await row('رانيا خليل').locator('td[data-label="الأهلية"]').textContent()).toContain('مؤهَّل');

    // Issue: a confirmation first, then the certificate with its code.
    await page.getByRole('link', { name: 'إصدار شهادة لـرانيا خليل' }).click();
    await page.locator('#confirm', { hasText: 'إصدار شهادة لـرانيا خليل؟' }).waitFor();
    await submit(page, page.locator('#confirm button', { hasText: 'إصدار الشهادة' }));
    await page.getByText('صدرت الشهادة، ويُجهَّز ملف PDF الآن.').waitFor();
    expect(await row('رانيا خليل').locator('.code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    expect(await row('رانيا خليل').textContent()).toContain('صدرت في');

    // Revoke Yousef's: a reason is required, and said in Arabic when missing.
    await page.getByRole('link', { name: 'إلغاء شهادة يوسف نمر' }).click();
    const confirm = page.locator('#confirm', { hasText: 'إلغاء شهادة يوسف نمر؟' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(yousefCertificate.code);
    await confirm.screenshot({ path: `${ARTIFACTS}/completion-ar-revoke.png` });
    await submit(page, confirm.locator('button', { hasText: 'إلغاء الشهادة نهائيًا' }));
    await page.locator('#confirm', { hasText: 'اكتب سبب الإلغاء.' }).waitFor();
    await page.locator('#confirm textarea[name="reason"]').fill('تبيّن أن الحضور سُجّل خطأً.');
    await submit(page, page.locator('#confirm button', { hasText: 'إلغاء الشهادة نهائيًا' }));
    await page.getByText('أُلغيت الشهادة.').waitFor();
    expect(await row('يوسف نمر').textContent()).toContain('أُلغيت في');
    expect(await row('يوسف نمر').getByRole('link', { name: 'إعادة إصدار شهادة يوسف نمر' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'completion-ar-390-after');

    // A refusal from the api is shown next to the form, in Arabic: Salma has not met the rule.
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/completion?issue=${salma.enrollmentId}`);
    await submit(page, page.locator('#confirm button', { hasText: 'إصدار الشهادة' }));
    expect(await page.locator('#confirm-errors').textContent()).toContain('شروط الإتمام هذه لم تتحقق بعد');

    // The filters are a GET form: certificates that stand (Yousef's is revoked), then a name search.
    await page.locator('select[name="show"]').selectOption('issued');
    await Promise.all([page.waitForURL(/show=issued/), page.locator('.completion-filters button[type="submit"]').click()]);
    expect(await page.locator('.completion-table tbody th .name').allTextContents()).toEqual(['رانيا خليل']);
    await page.locator('select[name="show"]').selectOption('all');
    await page.locator('input[name="q"]').fill('سلمى');
    await Promise.all([page.waitForURL(/q=/), page.locator('.completion-filters button[type="submit"]').click()]);
    expect(await page.locator('.completion-table tbody th .name').allTextContents()).toEqual(['سلمى عزيز']);
  });

  const revoked = await apiCall<{ status: string; revocationReason: string }>('GET', `/api/certificates/${yousefCertificate.id}`, trainer);
  expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'تبيّن أن الحضور سُجّل خطأً.' });
  const progress = await apiCall<{ finalReview: { passed: boolean; note: string }; certificate: { status: string } | null }>(
    'GET',
    `/api/enrollments/${rania.enrollmentId}/progress`,
    trainer,
  );
  expect(progress.finalReview).toMatchObject({ passed: true, note: 'مشاركة ممتازة في المشروع الختامي.' });
  expect(progress.certificate?.status).toBe('issued');
}, 120_000);

it('trainer@ in English with JavaScript issues to every eligible trainee and watches the batch reach done; the PDFs download', async () => {
  const { cohortId, trainer, rania, yousef, salma, karim } = await cohortWithProgress();
  // Everyone active is eligible under a rule with no conditions.
  await apiCall('PUT', `/api/cohorts/${cohortId}/completion-rule`, trainer, { minAttendancePercent: 0, requiredExercises: [], finalReview: false });

  await withContext(await desktop('en'), async (page) => {
    await signIn(page, 'en', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}/completion`);
    expect(await page.locator('.rule-words').textContent()).toBe('No conditions: every active trainee is eligible.');
    await screenshot(page, 'completion-en-1280');
    await submit(page, page.locator('button', { hasText: 'Issue to all eligible (4)' }));
    await page.locator('progress').waitFor();
    // The worker renders them while the page polls; the count reaches the total and the page says so.
    await page.locator('#batch-status', { hasText: '4 of 4 rendered. Done.' }).waitFor({ timeout: 45_000 });
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    // Then the rows reload: every certificate is ready to download.
    await page.locator('a', { hasText: 'Download PDF' }).nth(3).waitFor();
    expect(await page.locator('.completion-counts').textContent()).toContain('4 certificates issued');
    await screenshot(page, 'completion-en-1280-issued');
    const href = (await page.locator('a', { hasText: 'Download PDF' }).first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/en\/certificates\/[0-9a-f-]{36}\.pdf$/);
    const download = await page.request.get(`${WEB_URL()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  for (const person of [rania, yousef, salma, karim]) {
    const progress = await apiCall<{ status: string; certificate: { status: string; pdfReady: boolean } | null }>('GET', `/api/enrollments/${person.enrollmentId}/progress`, trainer);
    expect(progress).toMatchObject({ status: 'completed', certificate: { status: 'issued', pdfReady: true } });
  }
}, 120_000);

it('a coach sees only their circle’s trainees and changes nothing; a trainee gets 404', async () => {
  const { cohortId, circleId, coach, rania } = await cohortWithProgress();

  await withContext(await phone(true, 'ar'), async (page) => {
    await signIn(page, 'ar', coach.email, coach.password);
    // From the coach's own circle page.
    await page.goto(`${WEB_URL()}/ar/circles/${circleId}`);
    await page.locator('a', { hasText: 'الإتمام والشهادات' }).click();
    await page.waitForURL(new RegExp(`/ar/manage/cohorts/${cohortId}/completion$`));
    const names = await page.locator('.completion-table tbody th .name').allTextContents();
    expect(names.sort()).toEqual(['رانيا خليل', 'سلمى عزيز', 'يوسف نمر'].sort());
    expect(await page.locator('.rule-words').textContent()).toContain('مراجعة ختامية من مدرّب');
    // Read-only: no rule, settings, review or issuing forms.
    expect(await page.locator('input[name="intent"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: /إصدار/ }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  await withContext(await phone(false, 'en'), async (page) => {
    await signIn(page, 'en', rania.email, rania.password);
    const response = await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}/completion`);
    expect(response?.status()).toBe(404);
  });
});

it('trainer@ in French without JavaScript changes the rule (a wrong percentage is explained) and the certificate settings', async () => {
  const { cohortId, trainer } = await cohortWithProgress();

  await withContext(await phone(false, 'fr'), async (page) => {
    await signIn(page, 'fr', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/fr/manage/cohorts/${cohortId}/completion`);
    await page.locator('summary', { hasText: 'Modifier les conditions' }).click();
    await page.locator('input[name="minAttendancePercent"]').fill('120');
    await submit(page, page.locator('button', { hasText: 'Enregistrer les conditions' }));
    await page.locator('#rule-errors', { hasText: 'Saisissez un nombre entier de 0 à 100.' }).waitFor();
    await page.locator('input[name="minAttendancePercent"]').fill('75');
    await page.locator('input[name="finalReview"]').uncheck();
    await submit(page, page.locator('button', { hasText: 'Enregistrer les conditions' }));
    await page.getByText('Conditions enregistrées ; la progression ci-dessous les suit.').waitFor();
    expect(await page.locator('.rule-words').textContent()).toBe('Le certificat demande 75 % de présence.');

    await page.locator('summary', { hasText: 'Modifier les paramètres' }).click();
    await page.locator('select[name="secondaryLocale"]').selectOption('fr');
    await page.locator('input[name="issuerAr"]').fill('شبكة المنظمين');
    await page.locator('input[name="issuerFr"]').fill('Réseau des organisateurs');
    await page.locator('input[name="s1Name"]').fill('Lina Haddad');
    await page.locator('input[name="s1Ar"]').fill('المدرّبة الرئيسية');
    await page.locator('input[name="s1Fr"]').fill('Formatrice principale');
    await submit(page, page.locator('button', { hasText: 'Enregistrer les paramètres' }));
    await page.getByText('Paramètres enregistrés ; ils s’appliquent aux certificats délivrés ou redélivrés désormais.').waitFor();
    // The form shows what was saved.
    expect(await page.locator('input[name="s1Fr"]').inputValue()).toBe('Formatrice principale');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  const completion = await apiCall<{ rule: unknown; settings: unknown }>('GET', `/api/cohorts/${cohortId}/completion`, trainer);
  expect(completion.rule).toEqual({ minAttendancePercent: 75, requiredExercises: [], finalReview: false });
  expect(completion.settings).toEqual({
    secondaryLocale: 'fr',
    issuerName: { ar: 'شبكة المنظمين', fr: 'Réseau des organisateurs' },
    signatories: [{ name: 'Lina Haddad', title: { ar: 'المدرّبة الرئيسية', fr: 'Formatrice principale' } }],
  });
}, 120_000);
