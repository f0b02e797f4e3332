import type { Browser, Page } from 'playwright-core';
import { API_URL, horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
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

interface AssignmentData {
  id: string;
  rubric: { key: string; levels: { key: string; points: number }[] }[];
}

/** An Amman cohort with coach@'s circle of two trainees; the author's first exercise is passed and released by coach@. */
async function circleWithPassedWork() {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Peers ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  const trainer = await apiLogin('trainer@example.org');
  const coachToken = await apiLogin('coach@example.org');
  const coach = await apiCall<{ id: string }>('GET', '/api/me', coachToken);
  const author = await newPerson('peer-author', { nameLatin: 'Rania Khalil', nameArabic: 'رانيا خليل' }, 'en');
  const reader = await newPerson('peer-reader', { nameLatin: 'Yousef Nimr', nameArabic: 'يوسف نمر' }, 'ar');
  const authorEnrollment = await join(cohortId, author.token);
  const readerEnrollment = await join(cohortId, reader.token);
  const circle = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة الزملاء ${suffix}`, en: `Peer circle ${suffix}` },
    coachIds: [coach.id],
  });
  await apiCall('POST', `/api/circles/${circle.id}/members`, trainer, { enrollmentIds: [authorEnrollment.id, readerEnrollment.id] });
  const made = await apiCall<{ items: AssignmentData[] }>('POST', `/api/cohorts/${cohortId}/assignments/instantiate`, trainer, {});
  const assignment = made.items[0];
  if (!assignment) throw new Error('the course has no exercise');
  await apiCall('PATCH', `/api/assignments/${assignment.id}`, trainer, { submissionKind: 'text' });
  await apiCall('GET', `/api/assignments/${assignment.id}/submission`, author.token);
  await apiCall('PUT', `/api/assignments/${assignment.id}/submission/draft`, author.token, {
    text: '## My story\n\nI grew up in **Jabal Amman**.\n\n<script>window.hacked = true</script>',
  });
  const pdf = new FormData();
  pdf.set('file', new Blob(['%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], { type: 'application/pdf' }), 'my-story.pdf');
  const uploaded = await fetch(`${API_URL()}/api/assignments/${assignment.id}/submission/files`, { method: 'POST', headers: { Authorization: `Bearer ${author.token}` }, body: pdf });
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
  const submitted = await apiCall<{ id: string }>('POST', `/api/assignments/${assignment.id}/submission/submit`, author.token, {});
  await apiCall('PUT', `/api/submissions/${submitted.id}/versions/1/review`, coachToken, {
    scores: Object.fromEntries(assignment.rubric.map((c) => [c.key, [...c.levels].sort((a, b) => b.points - a.points)[0]?.key])),
    feedback: 'Coach-only feedback words',
    decision: 'pass',
  });
  await apiCall('POST', `/api/submissions/${submitted.id}/versions/1/review/release`, coachToken, {});
  return { assignment, author, reader, submissionId: submitted.id };
}

it('a circle-mate reads passed work and comments in Arabic without JavaScript; the author sees the peer comment', async () => {
  const { assignment, author, reader, submissionId } = await circleWithPassedWork();
  const comment = 'قصة ملهمة، تعلّمت منها كيف أبدأ قصتي.';

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', reader.email, reader.password);
    await page.goto(`${WEB_URL()}/ar/exercises/${assignment.id}`);
    const section = page.locator('section', { has: page.locator('h2', { hasText: 'أعمال حلقتك' }) });
    await section.waitFor();
    expect(await section.textContent()).toContain('لا تغيّر نتيجة أحد');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await section.locator('a', { hasText: 'اقرأ عمل رانيا خليل' }).click();
    await page.waitForURL(new RegExp(`/ar/exercises/${assignment.id}/peers/${submissionId}$`));

    expect(await page.locator('h1').textContent()).toBe('عمل رانيا خليل');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('.answer strong', { hasText: 'Jabal Amman' }).waitFor();
    expect(await page.locator('.answer script').count()).toBe(0);
    const body = (await page.locator('main, body').first().textContent()) ?? '';
    expect(body).not.toContain('Coach-only feedback words');
    expect(body).toContain('تقييم المدرّب هو ما يُحتسب');
    expect(await page.getByText('لا تعليقات بعد').count()).toBe(1);
    // The attachment downloads through the web with the peer's session, as an attachment.
    const href = (await page.getByRole('link', { name: 'my-story.pdf' }).getAttribute('href')) ?? '';
    const download = await page.request.get(`${WEB_URL()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // An empty comment is refused in Arabic; then the real one lands, after a redirect.
    await submit(page, page.locator('button', { hasText: 'أضف التعليق' }));
    await page.getByText('اكتب تعليقاً أولاً.').waitFor();
    await page.locator('textarea[name="body"]').fill(comment);
    await submit(page, page.locator('button', { hasText: 'أضف التعليق' }));
    await page.getByText('أُضيف التعليق.').waitFor();
    const item = page.locator('.comments li', { hasText: comment });
    await item.waitFor();
    expect(await item.textContent()).toContain('يوسف نمر');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'peer-work-ar');
  });

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', author.email, author.password);
    await page.goto(`${WEB_URL()}/en/exercises/${assignment.id}`);
    const peer = page.locator('.peer', { hasText: 'From your circle' });
    await peer.waitFor();
    expect(await peer.textContent()).toContain(comment);
    expect(await peer.textContent()).toContain('Yousef Nimr');
    // Their own work is not listed among the circle's.
    const section = page.locator('section', { has: page.locator('h2', { hasText: "Your circle's work" }) });
    expect(await section.textContent()).toContain("No circle-mate's work on this exercise has passed yet.");
    // And the peer page of their own work is not theirs to read.
    const own = await page.goto(`${WEB_URL()}/en/exercises/${assignment.id}/peers/${submissionId}`);
    expect(own?.status()).toBe(404);
  });

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', reader.email, reader.password);
    await page.goto(`${WEB_URL()}/en/exercises/${assignment.id}/peers/${submissionId}`);
    await page.locator('h1', { hasText: "Rania Khalil's work" }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'peer-work-en');
  });
});
