import type { Browser, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, WEB_URL } from '../support/browser';
import { issuedCertificate, waitForPdf } from '../support/certificates';
import { apiCall, apiLogin, join, newPerson, openCohort } from '../support/cohort-api';

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

it('a graduate finds their certificate on the dashboard, downloads the PDF and sees the LinkedIn link', async () => {
  const suffix = Date.now().toString(36);
  const { trainee, certificate } = await issuedCertificate('graduate', { nameLatin: 'Nour Barakat', nameArabic: 'نور بركات' }, `Graduates ${suffix}`);
  await waitForPdf(trainee.token, certificate.id);

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/dashboard`);
    const card = page.locator('.certificate-card', { hasText: `Graduates ${suffix}` });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Issued');
    expect(text).toContain(certificate.code);
    expect(text).not.toContain('being prepared');
    const linkedIn = await card.getByRole('link', { name: 'Add to LinkedIn' }).getAttribute('href');
    expect(linkedIn).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?/);
    expect(new URL(linkedIn ?? '').searchParams.get('certId')).toBe(certificate.code);

    // The download goes through the web with the graduate's session.
    const pdfHref = await card.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(pdfHref).toBe(`/en/certificates/${certificate.id}.pdf`);
    const pdf = await page.request.get(`${WEB_URL()}${pdfHref ?? ''}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain(`certificate-${certificate.code}.pdf`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The public page it points to, and a button that copies its address (JavaScript on).
    expect(await card.getByRole('link', { name: 'Public verification page' }).getAttribute('href')).toBe(`/en/verify/${certificate.code.replace(/-/g, '')}`);
    expect(await card.getByRole('button', { name: 'Copy link' }).count()).toBe(1);
  });

  // Someone else's session gets nothing.
  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', 'trainee@example.org');
    expect((await page.goto(`${WEB_URL()}/en/certificates/${certificate.id}.pdf`))?.status()).toBe(404);
  });

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    const card = page.locator('.certificate-card', { hasText: `Graduates ${suffix}` });
    expect(await card.innerText()).toContain('صادرة');
    expect(await card.getByRole('link', { name: 'إضافة إلى LinkedIn' }).count()).toBe(1);
    // Without JavaScript there is no copy button, only the link itself.
    expect(await card.locator('button').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator('#certificates-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'certificates-dashboard-ar-390');
  });
});

it('a revoked certificate shows its reason to its holder and offers no download', async () => {
  const suffix = Date.now().toString(36);
  const { trainee, certificate } = await issuedCertificate('revoked-holder', { nameLatin: 'Sami Aziz', nameArabic: 'سامي عزيز' }, `Revoked holder ${suffix}`);
  const trainer = await apiLogin('trainer@example.org');
  await apiCall('POST', `/api/certificates/${certificate.id}/revoke`, trainer, { reason: 'Issued to the wrong person.' });
  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/dashboard`);
    const card = page.locator('.certificate-card', { hasText: `Revoked holder ${suffix}` });
    const text = await card.innerText();
    expect(text).toContain('Revoked');
    expect(text).toContain('Issued to the wrong person.');
    expect(await card.getByRole('link', { name: 'Download PDF' }).count()).toBe(0);
    expect(await card.getByRole('link', { name: 'Add to LinkedIn' }).count()).toBe(0);
  });
});

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

it("a trainee's progress on their cohort page changes the moment the coach marks attendance", async () => {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Progress ${suffix}`, capacity: 5, mode: 'open', city: 'Amman' });
  const trainee = await newPerson('progress', { nameLatin: 'Dina Khalil', nameArabic: 'دينا خليل' }, 'ar');
  const enrollment = await join(cohortId, trainee.token);
  const trainer = await apiLogin('trainer@example.org');
  const coach = await newPerson('progress-coach', { nameLatin: 'Huda Mansour', nameArabic: 'هدى منصور' }, 'ar');
  const coachId = (await apiCall<{ id: string }>('GET', '/api/me', coach.token)).id;
  const circle = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, { name: { ar: `حلقة ${suffix}`, en: `Circle ${suffix}` }, coachIds: [coachId] });
  await apiCall('POST', `/api/circles/${circle.id}/members`, trainer, { enrollmentIds: [enrollment.id] });
  const exercises = await apiCall<{ items: { id: string; displayTitle: string }[] }>('POST', `/api/cohorts/${cohortId}/assignments/instantiate`, trainer, {});
  await apiCall('PUT', `/api/cohorts/${cohortId}/completion-rule`, trainer, { minAttendancePercent: 75, requiredExercises: 'all', finalReview: true });
  const held = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${circle.id}/sessions`, coach.token, { date: dayFromToday(-2), time: '18:00', durationMinutes: 90 });
  const sessionId = held.items[0]?.id ?? '';
  await apiCall('PUT', `/api/sessions/${sessionId}/attendance`, coach.token, { marks: [{ enrollmentId: enrollment.id, status: 'absent' }] });

  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/cohorts/${cohortId}`);
    const panel = page.locator('.progress-panel');
    let text = await panel.innerText();
    expect(text).toContain('You attended 0 of 1 session (0%).');
    expect(text).toContain('Required: at least 75% of the sessions. Not met yet');
    expect(text).not.toContain('You’ve met every requirement');
    expect(await panel.locator('progress').first().getAttribute('value')).toBe('0');
    // Every exercise of the cohort is required: each one left links to its page.
    expect(text).toContain(`Passed 0 of ${exercises.items.length} required exercise`);
    for (const exercise of exercises.items) {
      expect(await panel.locator(`a[href="/en/exercises/${exercise.id}"]`).innerText()).toBe(exercise.displayTitle);
    }
    expect(text).toContain('Waiting for your trainer’s final review. Not met yet');

    await apiCall('PUT', `/api/sessions/${sessionId}/attendance`, coach.token, { marks: [{ enrollmentId: enrollment.id, status: 'present' }] });
    await page.reload();
    text = await panel.innerText();
    expect(text).toContain('You attended 1 of 1 session (100%).');
    expect(text).toContain('Required: at least 75% of the sessions. Met');
    expect(text).not.toContain('You’ve met every requirement');

    // The lead trainer settles the rest: attendance alone now decides.
    await apiCall('PUT', `/api/cohorts/${cohortId}/completion-rule`, trainer, { minAttendancePercent: 75, requiredExercises: [], finalReview: false });
    await page.reload();
    text = await panel.innerText();
    expect(text).toContain('You’ve met every requirement; your trainer will issue your certificate.');
  });

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohortId}`);
    const text = await page.locator('.progress-panel').innerText();
    expect(text).toContain('استوفيت كل الشروط؛ سيُصدر مدرّبك شهادتك.');
    expect(text).toMatch(/حضورك: .+ من جلسة واحدة/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator('#progress-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'certificates-progress-ar-390');
  });
});
