import type { Browser, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
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
  displayTitle: string;
  rubric: { key: string; levels: { key: string; points: number }[] }[];
}

/** A small CSV reader (quoted fields, doubled quotes, CRLF), enough to check what a spreadsheet app would show. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * An Amman cohort led by trainer@ with its exercises and two circles: coach@'s, with a trainee who has submitted
 * the first exercise, and another coach's, with a trainee of their own.
 */
async function cohortWithSubmission() {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Grading ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  const trainer = await apiLogin('trainer@example.org');
  const coachToken = await apiLogin('coach@example.org');
  const coach = await apiCall<{ id: string }>('GET', '/api/me', coachToken);
  const otherCoach = await newPerson('other-coach', { nameLatin: 'Omar Saleh', nameArabic: 'عمر صالح' }, 'ar');
  const otherCoachId = (await apiCall<{ id: string }>('GET', '/api/me', otherCoach.token)).id;
  const trainee = await newPerson('graded', { nameLatin: 'Rania Khalil', nameArabic: 'رانيا خليل' }, 'ar');
  const bystander = await newPerson('bystander', { nameLatin: 'Yousef Nimr', nameArabic: 'يوسف نمر' }, 'ar');
  const enrollment = await join(cohortId, trainee.token);
  const bystanderEnrollment = await join(cohortId, bystander.token);
  const ours = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة التصحيح ${suffix}`, en: `Grading circle ${suffix}` },
    coachIds: [coach.id],
  });
  const theirs = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة أخرى ${suffix}`, en: `Other circle ${suffix}` },
    coachIds: [otherCoachId],
  });
  await apiCall('POST', `/api/circles/${ours.id}/members`, trainer, { enrollmentIds: [enrollment.id] });
  await apiCall('POST', `/api/circles/${theirs.id}/members`, trainer, { enrollmentIds: [bystanderEnrollment.id] });
  const made = await apiCall<{ items: AssignmentData[] }>('POST', `/api/cohorts/${cohortId}/assignments/instantiate`, trainer, {});
  const assignment = made.items[0];
  if (!assignment) throw new Error('the course has no exercise');
  await apiCall('PATCH', `/api/assignments/${assignment.id}`, trainer, { submissionKind: 'text', latePolicy: 'mark_late' });
  await apiCall('GET', `/api/assignments/${assignment.id}/submission`, trainee.token);
  await apiCall('PUT', `/api/assignments/${assignment.id}/submission/draft`, trainee.token, {
    text: '## قصتي\n\nبدأت **رحلتي** في الحي.\n\n<script>window.hacked = true</script>',
  });
  const submitted = await apiCall<{ id: string }>('POST', `/api/assignments/${assignment.id}/submission/submit`, trainee.token, {});
  return { suffix, cohortId, circleId: ours.id, otherCircleId: theirs.id, trainer, trainee, otherCoach, assignment, submissionId: submitted.id };
}

it('coach@ reviews a submission in Arabic without JavaScript, scores the rubric and releases it; a coach of another circle gets 404', async () => {
  const { suffix, submissionId, assignment, trainee, otherCoach } = await cohortWithSubmission();

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', 'coach@example.org');
    // The dashboard leads to the grading queue.
    await page.locator('a', { hasText: 'افتح قائمة التصحيح' }).click();
    await page.waitForURL(/\/ar\/grading$/);
    // Retries leave earlier runs' rows behind: this run's is the one in this run's circle.
    const row = page.locator('.queue-row', { hasText: `حلقة التصحيح ${suffix}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('رانيا خليل');
    expect(await row.textContent()).toContain('سُلِّم في');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'grading-queue-ar');
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/ar/grading/${submissionId}`));

    // The answer is rendered from Markdown, and the script in it is gone.
    await page.locator('.submission-text strong', { hasText: 'رحلتي' }).waitFor();
    expect(await page.locator('.submission-text script').count()).toBe(0);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // One radio group per criterion: the best level of each, per-criterion and overall feedback, pass.
    for (const criterion of assignment.rubric) {
      const best = [...criterion.levels].sort((a, b) => b.points - a.points)[0];
      await page.locator(`input[name="score.${criterion.key}"][value="${best?.key ?? ''}"]`).check();
    }
    const first = assignment.rubric[0]?.key ?? '';
    await page.locator(`textarea[name="criterionFeedback.${first}"]`).fill('وصف واضح للحظة الاختيار.');
    await page.locator('textarea[name="feedback"]').fill('عمل **ممتاز**، أحسنتِ.');
    await page.locator('input[name="decision"][value="pass"]').check();
    await submit(page, page.locator('button', { hasText: 'حفظ مسودة المراجعة' }));
    await page.getByText('حُفظت مسودة المراجعة.').waitFor();
    // The draft is kept as it was chosen.
    expect(await page.locator('input[name="decision"][value="pass"]').isChecked()).toBe(true);
    await screenshot(page, 'grading-review-ar');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await submit(page, page.locator('button', { hasText: 'إرسال إلى المتدرب' }));
    await page.getByText('أُرسلت المراجعة إلى المتدرب.').waitFor();

    // A reply in the thread.
    await page.locator('textarea[name="body"]').fill('أرسلت ملاحظاتي، بالتوفيق!');
    await submit(page, page.locator('button', { hasText: 'إرسال' }).last());
    await page.locator('.thread .comment', { hasText: 'أرسلت ملاحظاتي' }).waitFor();
  });

  // The trainee now reads a passed submission with the released review.
  const mine = await apiCall<{ status: string; versions: { review: { decision: string; feedback: string } | null }[] }>(
    'GET',
    `/api/assignments/${assignment.id}/submission`,
    trainee.token,
  );
  expect(mine.status).toBe('passed');
  expect(mine.versions[0]?.review?.feedback).toContain('ممتاز');

  // Another circle's coach cannot open it.
  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', otherCoach.email, otherCoach.password);
    const response = await page.goto(`${WEB_URL()}/ar/grading/${submissionId}`);
    expect(response?.status()).toBe(404);
  });
});

it('trainer@ sees the gradebook, filters it by circle and downloads a CSV that reads the Arabic names', async () => {
  const { cohortId, circleId } = await cohortWithSubmission();

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/en/manage/cohorts/${cohortId}`);
    await page.locator('a', { hasText: 'Gradebook' }).first().click();
    await page.waitForURL(new RegExp(`/en/manage/cohorts/${cohortId}/gradebook`));
    const table = page.locator('table.gradebook');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    // The table scrolls inside its own box; the page itself never does.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'gradebook-en');

    await page.locator('select[name="circleId"]').selectOption(circleId);
    await Promise.all([page.waitForURL(/circleId=/), page.locator('form.grading-filters button[type="submit"]').click()]);
    await page.waitForLoadState('networkidle');
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Rania Khalil');
    expect(await table.locator('tbody tr').first().textContent()).toContain('Submitted');

    const href = (await page.locator('a', { hasText: 'Download CSV' }).getAttribute('href')) ?? '';
    expect(href).toContain(`circleId=${circleId}`);
    const download = await page.request.get(`${WEB_URL()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    const bytes = await download.body();
    // UTF-8 with a byte-order mark, so spreadsheet apps read the Arabic.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8')).filter((r) => r.some((cell) => cell !== ''));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.join(' ')).toMatch(/Rania Khalil|رانيا خليل/);
  });

  await withPage(true, 'ar', async (page) => {
    await signIn(page, 'ar', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/gradebook`);
    await page.locator('table.gradebook').waitFor();
    expect(await page.locator('table.gradebook tbody').textContent()).toContain('رانيا خليل');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'gradebook-ar');
    await page.goto(`${WEB_URL()}/ar/manage/cohorts/${cohortId}/assignments`);
    await page.locator('.assignment').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'assignments-ar');
  });
});

it('trainer@ changes an assignment’s due date and late policy, extends it for one trainee, sees it listed and removes it, in French without JavaScript', async () => {
  const { cohortId, assignment, trainee } = await cohortWithSubmission();
  const traineeEnrollment = await apiCall<{ items: { id: string; user: { email: string } }[] }>(
    'GET',
    `/api/cohorts/${cohortId}/enrollments?status=active&pageSize=100`,
    await apiLogin('trainer@example.org'),
  );
  const enrollmentId = traineeEnrollment.items.find((row) => row.user.email === trainee.email)?.id ?? '';

  await withPage(false, 'fr', async (page) => {
    await signIn(page, 'fr', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/fr/manage/cohorts/${cohortId}`);
    await page.locator('a', { hasText: 'Exercices' }).first().click();
    await page.waitForURL(new RegExp(`/fr/manage/cohorts/${cohortId}/assignments`));
    const card = page.locator(`#a-${assignment.id}`);
    await card.locator('summary', { hasText: 'Modifier l’échéance' }).click();
    // Typed in the cohort's own zone (Amman, UTC+3): 30 June 2027 at 18:00 is 15:00 UTC.
    await card.locator('input[name="dueAt"]').first().fill('2027-06-30T18:00');
    await card.locator('select[name="latePolicy"]').selectOption('close');
    await submit(page, card.locator('button', { hasText: 'Enregistrer' }));
    await page.getByText('Exercice enregistré.').waitFor();
    expect(await page.locator(`#a-${assignment.id}`).textContent()).toContain('Fermé après l’échéance');

    const again = page.locator(`#a-${assignment.id}`);
    await again.locator('summary', { hasText: 'Prolonger pour un participant' }).click();
    await again.locator('select[name="enrollmentId"]').first().selectOption(enrollmentId);
    await again.locator('form', { has: page.locator('input[name="reason"]') }).locator('input[name="dueAt"]').fill('2027-07-07T18:00');
    await again.locator('input[name="reason"]').fill('Raison familiale');
    await submit(page, again.locator('button', { hasText: 'Prolonger' }));
    await page.getByText('Prolongation enregistrée.').waitFor();
    // Listed under the assignment, in the cohort's zone, with its reason.
    const listed = page.locator(`#a-${assignment.id} .extension`);
    expect(await listed.count()).toBe(1);
    const line = (await listed.textContent()) ?? '';
    expect(line).toContain('Rania Khalil');
    expect(line).toContain('18:00');
    expect(line).toContain('Asia/Amman');
    expect(line).toContain('Raison familiale');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'assignments-fr');
  });

  // Still there after the other changes; then removed from its own line, without JavaScript.
  expect(
    (await apiCall<{ enrollmentId: string; reason: string | null }[]>('GET', `/api/assignments/${assignment.id}/extensions`, await apiLogin('trainer@example.org'))).map((x) => [
      x.enrollmentId,
      x.reason,
    ]),
  ).toEqual([[enrollmentId, 'Raison familiale']]);
  await withPage(false, 'fr', async (page) => {
    await signIn(page, 'fr', 'trainer@example.org');
    await page.goto(`${WEB_URL()}/fr/manage/cohorts/${cohortId}/assignments`);
    const line = page.locator(`#a-${assignment.id} .extension`);
    await submit(page, line.locator('button', { hasText: 'Retirer' }));
    await page.getByText('Prolongation retirée.').waitFor();
    expect(await page.locator(`#a-${assignment.id} .extension`).count()).toBe(0);
  });

  const trainer = await apiLogin('trainer@example.org');
  const saved = await apiCall<{ dueAt: string; latePolicy: string }>('GET', `/api/assignments/${assignment.id}`, trainer);
  expect(saved).toMatchObject({ dueAt: '2027-06-30T15:00:00.000Z', latePolicy: 'close' });
  const theirs = await apiCall<{ items: { id: string; effectiveDueAt: string }[] }>('GET', `/api/cohorts/${cohortId}/assignments`, trainee.token);
  expect(theirs.items.find((item) => item.id === assignment.id)?.effectiveDueAt).toBe('2027-06-30T15:00:00.000Z');
  expect(await apiCall<unknown[]>('GET', `/api/assignments/${assignment.id}/extensions`, trainer)).toEqual([]);
});
