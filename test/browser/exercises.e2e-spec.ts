import { rmSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
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

interface Level {
  key: string;
  points: number;
}
interface AssignmentData {
  id: string;
  displayTitle: string;
  rubric: { key: string; levels: Level[] }[];
}

/** An Amman cohort led by trainer@ with its exercises, and one new trainee enrolled in it (Arabic, Amman time). */
async function cohortWithTrainee(label: string) {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Exercises ${label} ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  const trainee = await newPerson(`ex-${label}`, { nameLatin: 'Amal Haddad', nameArabic: 'أمل حداد' }, 'ar');
  await apiCall('PATCH', '/api/me', trainee.token, { timeZone: 'Asia/Amman' });
  await join(cohortId, trainee.token);
  const trainer = await apiLogin('trainer@example.org');
  const made = await apiCall<{ items: AssignmentData[] }>('POST', `/api/cohorts/${cohortId}/assignments/instantiate`, trainer, {});
  const assignment = made.items[0];
  if (!assignment) throw new Error('the course has no exercise');
  // A written answer and a file, so the test goes through both; due in a month, accepted late.
  await apiCall('PATCH', `/api/assignments/${assignment.id}`, trainer, {
    submissionKind: 'both',
    latePolicy: 'mark_late',
    dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  return { cohortId, trainee, trainer, assignment };
}

/** A tiny but real PDF (the api sniffs the content, not the name). */
function smallPdf(): string {
  const path = joinPath(ARTIFACTS, 'exercise-answer.pdf');
  writeFileSync(
    path,
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  return path;
}

/** A shell script renamed .pdf: refused for what it is. */
function fakePdf(): string {
  const path = joinPath(ARTIFACTS, 'not-really.pdf');
  writeFileSync(path, '#!/bin/sh\necho hello\n');
  return path;
}

it('a trainee drafts in Arabic without JavaScript, uploads a PDF, submits, reads the released feedback and resubmits; version 1 stays readable', async () => {
  const { cohortId, trainee, trainer, assignment } = await cohortWithTrainee('journey');
  const firstAnswer = 'قصتي: بدأت العمل مع جيراني في الحي.';

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohortId}/exercises`);
    await page.getByRole('heading', { level: 1, name: 'التمارين' }).waitFor();
    await page.getByText('لم يبدأ').first().waitFor();
    // In course order: the first exercise of the course is the one set up above (its title in Arabic here).
    const first = page.locator('.exercise-list a').first();
    const title = (await first.innerText()).trim();
    expect(title.length).toBeGreaterThan(0);
    await screenshot(page, 'exercises-list-ar');
    await first.click();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { name: 'معايير التقييم' }).waitFor();

    // Save a draft with the button (no JavaScript): it is there after the redirect.
    await page.getByLabel('الإجابة').fill(firstAnswer);
    await submit(page, page.getByRole('button', { name: 'حفظ المسودة' }));
    await page.getByText('حُفظت المسودة.').waitFor();
    expect(await page.getByLabel('الإجابة').inputValue()).toBe(firstAnswer);

    // A file that is not what its name says is refused in Arabic, clearly.
    await page.getByLabel('إضافة ملف').setInputFiles(fakePdf());
    await submit(page, page.getByRole('button', { name: 'رفع' }));
    const refusal = page.locator('#upload-errors');
    await refusal.waitFor();
    expect((await refusal.innerText()).trim().length).toBeGreaterThan(5);
    expect(await refusal.innerText()).not.toMatch(/undefined|error|500/i);

    await page.getByLabel('إضافة ملف').setInputFiles(smallPdf());
    await submit(page, page.getByRole('button', { name: 'رفع' }));
    await page.getByText('أُضيف الملف.').waitFor();
    await page.getByRole('link', { name: 'exercise-answer.pdf' }).first().waitFor();

    // Submit: a confirmation first, then the answer is frozen as version 1.
    await submit(page, page.getByRole('button', { name: 'تسليم…' }));
    await page.getByRole('heading', { name: 'هل تريد تسليم هذا التمرين؟' }).waitFor();
    await submit(page, page.getByRole('button', { name: 'نعم، سلِّم' }));
    await page.getByText('تم التسليم.', { exact: false }).waitFor();
    await page.locator('.exercise-meta .badge', { hasText: 'سُلِّم' }).waitFor();
    await page.getByText('النسخة 1').waitFor();
    await page.locator('#version-1').getByText(firstAnswer).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exercise-submitted-ar');
  });

  // The lead trainer reviews version 1 and releases it: revise.
  const mine = await apiCall<{ id: string }>('GET', `/api/assignments/${assignment.id}/submission`, trainee.token);
  const scores = Object.fromEntries(assignment.rubric.map((c) => [c.key, c.levels[0]?.key ?? '']));
  await apiCall('PUT', `/api/submissions/${mine.id}/versions/1/review`, trainer, {
    scores,
    feedback: 'أحسنت البداية، **أضف** مثالًا من تجربتك.',
    decision: 'revise',
  });
  await apiCall('POST', `/api/submissions/${mine.id}/versions/1/review/release`, trainer, {});

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/exercises/${assignment.id}`);
    await page.locator('.exercise-meta .badge', { hasText: 'أُعيد للمراجعة' }).waitFor();
    const v1 = page.locator('#version-1');
    await v1.getByText('عدِّل وسلِّم مرة أخرى').waitFor();
    await v1.locator('strong', { hasText: 'أضف' }).waitFor();

    // Revise and submit again: version 2 on top, version 1 still readable with its feedback.
    await page.getByLabel('الإجابة').fill(`${firstAnswer}\n\nمثال: نظّمنا حملة نظافة.`);
    await submit(page, page.getByRole('button', { name: 'حفظ المسودة' }));
    // The first file went with version 1; this version needs its own.
    await page.getByLabel('إضافة ملف').setInputFiles(smallPdf());
    await submit(page, page.getByRole('button', { name: 'رفع' }));
    await page.getByText('أُضيف الملف.').waitFor();
    await submit(page, page.getByRole('button', { name: 'تسليم…' }));
    await submit(page, page.getByRole('button', { name: 'نعم، سلِّم' }));
    await page.getByText('النسخة 2').waitFor();
    await page.locator('#version-2').getByText('مثال: نظّمنا حملة نظافة.').waitFor();
    await page.locator('#version-1 summary').click();
    await page.locator('#version-1').getByText(firstAnswer).waitFor();
    await page.locator('#version-1').getByText('عدِّل وسلِّم مرة أخرى').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exercise-resubmitted-ar');
  });

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/cohorts/${cohortId}/exercises`);
    await page.getByText('Submitted').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exercises-list-en');
  });
});

it('with JavaScript the draft saves itself a few seconds after typing stops, and is there after a reload', async () => {
  const { trainee, assignment } = await cohortWithTrainee('autosave');
  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/exercises/${assignment.id}`);
    const answer = page.getByRole('textbox', { name: 'Answer (Markdown is fine)' });
    await answer.fill('');
    await answer.pressSequentially('My circle met twice; نحن نتعلم معًا.', { delay: 5 });
    await page.getByText(/Saved at/).waitFor({ timeout: 15_000 });
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Answer (Markdown is fine)' }).inputValue()).toBe('My circle met twice; نحن نتعلم معًا.');
    await page.getByText(/Saved at/).waitFor();
    await screenshot(page, 'exercise-autosaved-en');
  });
  const mine = await apiCall<{ draftText: string; versions: unknown[] }>('GET', `/api/assignments/${assignment.id}/submission`, trainee.token);
  expect(mine.draftText).toBe('My circle met twice; نحن نتعلم معًا.');
  expect(mine.versions).toHaveLength(0);
});

it('the demo trainee finds their exercises from My circle, reads passed work with its feedback, thread and peer comment, and replies', async () => {
  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', 'trainee@example.org');
    await page.goto(`${WEB_URL()}/en/my-circle`);
    const panel = page.locator('.my-exercises');
    await panel.getByRole('heading', { name: 'My exercises' }).waitFor();
    await panel.getByText(/1 of \d+ passed/).waitFor();
    await panel.getByRole('link', { name: 'Open exercises' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exercises' }).waitFor();
    const rows = page.locator('.exercise-row');
    await rows.first().getByText('Passed').waitFor();
    await rows.nth(1).getByText('Returned for revision').waitFor();
    await rows.nth(2).getByText('Draft').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await rows.first().getByRole('link').click();

    await page.getByText('You passed this exercise.').waitFor();
    const v1 = page.locator('#version-1');
    await v1.locator('strong', { hasText: 'Strong point:' }).waitFor();
    await v1.getByText('Should the coordinator also hold the budget').waitFor();
    await v1.getByText('split it once the team passes eight people').waitFor();
    await v1.locator('.peer').getByText('I like the Sunday rhythm').waitFor();

    await v1.getByLabel('Your comment').fill('Thanks — we wrote down how we decide when roles overlap.');
    await submit(page, v1.getByRole('button', { name: 'Add comment' }));
    await page.getByText('Comment added.').waitFor();
    await page.locator('#version-1').getByText('we wrote down how we decide when roles overlap').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exercise-passed-thread-en');
  });
});

it('a file over 10 MB is refused in the reader\'s language, a draft file is removed, and a refused draft keeps its text, all without JavaScript', async () => {
  const { trainee, assignment } = await cohortWithTrainee('limits');
  const big = joinPath(ARTIFACTS, 'too-big.pdf');
  writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32)]));
  await withPage(false, 'fr', async (page) => {
    await signIn(page, 'fr', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/fr/exercises/${assignment.id}`);
    await page.getByText('Au plus 10 Mo par fichier', { exact: false }).waitFor();
    await page.getByLabel('Ajouter un fichier').setInputFiles(big);
    await submit(page, page.getByRole('button', { name: 'Envoyer' }));
    await page.locator('#upload-errors').getByText('Ce fichier dépasse 10 Mo.', { exact: false }).waitFor();

    await page.getByLabel('Ajouter un fichier').setInputFiles(smallPdf());
    await submit(page, page.getByRole('button', { name: 'Envoyer' }));
    await page.getByText('Fichier ajouté.').waitFor();
    // The link downloads it through the web with the session: an attachment, never sniffed.
    const href = (await page.getByRole('link', { name: 'exercise-answer.pdf' }).getAttribute('href')) ?? '';
    const download = await page.request.get(`${WEB_URL()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await submit(page, page.getByRole('button', { name: 'Retirer exercise-answer.pdf' }));
    await page.getByText('Fichier retiré.').waitFor();
    await page.getByText('Pas encore de fichier.').waitFor();

    // A draft the api refuses (a hidden direction override) comes back with its message and the text as typed.
    const hostile = 'Mon plan \u202egnp.exe et la suite de ma réponse';
    const editor = page.getByRole('textbox', { name: 'Réponse (Markdown accepté)' });
    await editor.fill(hostile);
    await submit(page, page.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await page.locator('#draft-errors').waitFor();
    expect(await page.getByRole('textbox', { name: 'Réponse (Markdown accepté)' }).inputValue()).toBe(hostile);
  });
  rmSync(big, { force: true });
});
