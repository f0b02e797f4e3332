import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { exerciseWorld, instantiate, type AssignmentBody } from './assignment-fixtures';
import { bearer, registerAccount, sql, tableCounts, type Account } from './fixtures';
import { makeCircle, putInCircle, type CircleWorld } from './session-fixtures';

// Tiny but real files, made here: a 1×1 PNG, a minimal PDF, one MPEG-1 Layer III frame, a DOS executable header.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const MP3 = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

let t: TestApp;
let filesDir: string;
let w: CircleWorld;
let myStory: AssignmentBody;
let storyOfNow: AssignmentBody;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'halaqa-files-'));
  t = await bootApp({ FILES_DIR: filesDir });
  w = await exerciseWorld(t);
  [myStory, storyOfNow] = (await instantiate(t, w.trainer, w.cohortId)).items;
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const send = (method: 'post' | 'patch' | 'put' | 'delete', path: string, who: Account, body: unknown = {}, lang = 'en') =>
  request(t.url)[method](path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);
const upload = (assignmentId: string, who: Account, data: Buffer, name: string, lang = 'en') =>
  request(t.url).post(`/api/assignments/${assignmentId}/submission/files`).set('authorization', bearer(who)).set('accept-language', lang).attach('file', data, name);
const submit = (assignmentId: string, who: Account, lang = 'en') => send('post', `/api/assignments/${assignmentId}/submission/submit`, who, {}, lang);
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

interface SubmissionBody {
  id: string;
  status: string;
  draftText: string | null;
  draftFiles: { id: string; originalName: string; mediaType: string; sizeBytes: number; url: string }[];
  latestVersion: number;
  versions: { number: number; text: string; late: boolean; files: { id: string; originalName: string; mediaType: string }[]; review: unknown }[];
}

describe('drafts and versions', () => {
  let submissionId: string;

  it('the trainee’s submission starts empty; drafts survive reloads and never touch versions', async () => {
    const first = await get(`/api/assignments/${myStory.id}/submission`, w.trainee);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'draft', draftText: '', draftFiles: [], latestVersion: 0, versions: [], effectiveDueAt: '2027-03-08T20:59:00.000Z' });
    submissionId = (first.body as SubmissionBody).id;
    const saved = await send('put', `/api/assignments/${myStory.id}/submission/draft`, w.trainee, { text: 'قصتي تبدأ في **عمّان**.' });
    expect(saved.status).toBe(200);
    const again = await get(`/api/assignments/${myStory.id}/submission`, w.trainee);
    expect(again.body).toMatchObject({ id: submissionId, status: 'draft', draftText: 'قصتي تبدأ في **عمّان**.', versions: [] });
    expect((await get(`/api/cohorts/${w.cohortId}/assignments`, w.trainee)).body.items[0]).toMatchObject({ status: 'draft' });
  });

  it('submitting freezes version 1; a resubmission after a return is version 2 and version 1 stays readable', async () => {
    const res = await submit(myStory.id, w.trainee);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', latestVersion: 1, versions: [{ number: 1, text: 'قصتي تبدأ في **عمّان**.', late: false, review: null }] });
    const twice = await submit(myStory.id, w.trainee, 'fr');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'submission.submitted', title: 'Déjà rendu' });

    // The draft may go on while the work waits (nothing of it reaches version 1).
    await send('put', `/api/assignments/${myStory.id}/submission/draft`, w.trainee, { text: 'Second take' });
    // A coach returns it for revision (the reviews API does this; here straight in the database).
    await sql(t, `UPDATE submissions SET status = 'returned' WHERE id = $1`, [submissionId]);
    const second = await submit(myStory.id, w.trainee);
    expect(second.status).toBe(200);
    expect((second.body as SubmissionBody).versions.map((v) => [v.number, v.text])).toEqual([
      [1, 'قصتي تبدأ في **عمّان**.'],
      [2, 'Second take'],
    ]);
    const [audit] = await sql<{ n: string }>(t, `SELECT count(*) AS n FROM audit_events WHERE action = 'submission.submitted' AND entity_id = $1`, [submissionId]);
    expect(Number(audit.n)).toBe(2);
  });

  it('each submission emails the coach of the trainee’s circle; a trainee with no circle reaches the lead trainer', async () => {
    const mails = await sql<{ to: string; data: Record<string, string> }>(
      t,
      `SELECT payload->>'to' AS to, payload->'data' AS data FROM outbox_messages WHERE payload->>'template' = 'submission_received' ORDER BY created_at`,
    );
    expect(mails.map((m) => m.to)).toEqual([w.coach.email, w.coach.email]);
    expect(mails[0].data).toMatchObject({ traineeName: 'Salma Trainee', assignmentTitle: 'My story', courseTitle: 'Public Narrative', url: `/en/grading/${submissionId}` });

    const loner = await registerAccount(t, { nameLatin: 'Lina Loner' });
    await sql(t, `INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active')`, [w.cohortId, loner.id]);
    await send('put', `/api/assignments/${myStory.id}/submission/draft`, loner, { text: 'Mine' });
    expect((await submit(myStory.id, loner)).status).toBe(200);
    const [last] = await sql<{ to: string }>(t, `SELECT payload->>'to' AS to FROM outbox_messages WHERE payload->>'template' = 'submission_received' AND payload->'data'->>'traineeName' = 'Lina Loner'`);
    expect(last.to).toBe(w.trainer.email);
  });

  it('staff of the trainee read the submission without the draft; another trainee, another circle’s coach and strangers get 404', async () => {
    const coach = await get(`/api/submissions/${submissionId}`, w.coach);
    expect(coach.status).toBe(200);
    expect(coach.body).toMatchObject({ draftText: null, draftFiles: [], latestVersion: 2, trainee: { displayName: 'Salma Trainee' } });
    expect((await get(`/api/submissions/${submissionId}`, w.trainer)).status).toBe(200);
    for (const who of [w.otherTrainee, w.otherCoach, w.cohortCoach, w.stranger, w.trainee]) {
      expect((await get(`/api/submissions/${submissionId}`, who)).status).toBe(404);
    }
    // Staff have no "own" submission.
    expect((await get(`/api/assignments/${myStory.id}/submission`, w.coach)).status).toBe(404);
    expect((await get(`/api/assignments/${myStory.id}/submission`, w.stranger)).status).toBe(404);
  });

  it('refuses a bad draft with a localized 422 and writes nothing', async () => {
    const before = await tableCounts(t);
    const cases: [unknown, string, string][] = [
      [{ text: 'x'.repeat(50_001) }, 'text', 'maxLength'],
      [{ text: 42 }, 'text', 'isString'],
      [{ text: 'ok', status: 'passed' }, 'status', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await send('put', `/api/assignments/${storyOfNow.id}/submission/draft`, w.otherTrainee, body, 'ar');
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    }
    expect(await tableCounts(t)).toEqual(before);
  });
});

describe('attachments', () => {
  let pdfId: string;

  it('a real PDF, PNG and MP3 are accepted by their content; a lying extension, an EXE renamed .pdf and plain text are refused in the user’s language', async () => {
    const pdf = await upload(storyOfNow.id, w.trainee, PDF, 'essay.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ originalName: 'essay.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    pdfId = pdf.body.id as string;
    expect((await upload(storyOfNow.id, w.trainee, PNG, 'map.png')).body).toMatchObject({ mediaType: 'image/png' });
    expect((await upload(storyOfNow.id, w.trainee, MP3, 'حكايتي.mp3')).body).toMatchObject({ mediaType: 'audio/mpeg', originalName: 'حكايتي.mp3' });

    const lying = await upload(storyOfNow.id, w.trainee, PNG, 'essay.pdf', 'fr');
    expect(lying.status).toBe(415);
    expect(lying.body).toMatchObject({ code: 'file.extension_mismatch', title: 'Le fichier n’est pas ce que dit son nom' });
    const exe = await upload(storyOfNow.id, w.trainee, EXE, 'essay.pdf', 'ar');
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ code: 'file.unsupported_type', title: 'هذا النوع من الملفات غير مقبول' });
    expect((await upload(storyOfNow.id, w.trainee, Buffer.from('just text'), 'notes.pdf')).status).toBe(415);

    const own = (await get(`/api/assignments/${storyOfNow.id}/submission`, w.trainee)).body as SubmissionBody;
    expect(own.draftFiles.map((f) => f.originalName)).toEqual(['essay.pdf', 'map.png', 'حكايتي.mp3']);
    const [{ n }] = await sql<{ n: string }>(t, `SELECT count(*) AS n FROM submission_files`);
    expect(Number(n)).toBe(3);
  });

  it('refuses a file over 10 MB (413), a sixth file (409), a request that is not multipart (415), and an upload with no file (422)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(storyOfNow.id, w.trainee, big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'file.too_large', detail: 'A file may be at most 10 MB.' });
    expect((await upload(storyOfNow.id, w.trainee, PNG, 'four.png')).status).toBe(201);
    expect((await upload(storyOfNow.id, w.trainee, PNG, 'five.png')).status).toBe(201);
    const sixth = await upload(storyOfNow.id, w.trainee, PNG, 'six.png');
    expect(sixth.status).toBe(409);
    expect(sixth.body.code).toBe('file.too_many');
    const json = await send('post', `/api/assignments/${storyOfNow.id}/submission/files`, w.trainee, { file: 'x' });
    expect(json.status).toBe(415);
    const empty = await request(t.url).post(`/api/assignments/${storyOfNow.id}/submission/files`).set('authorization', bearer(w.trainee)).field('note', 'no file');
    expect(empty.status).toBe(422);
    // Removing a draft file makes room again.
    const own = (await get(`/api/assignments/${storyOfNow.id}/submission`, w.trainee)).body as SubmissionBody;
    const five = own.draftFiles.find((f) => f.originalName === 'five.png')!;
    expect((await send('delete', `/api/assignments/${storyOfNow.id}/submission/files/${five.id}`, w.trainee)).status).toBe(204);
    expect((await send('delete', `/api/assignments/${storyOfNow.id}/submission/files/${five.id}`, w.trainee)).status).toBe(404);
  });

  it('downloads as an attachment with its sniffed type and nosniff, for its author and the staff who review it; never for another trainee (404)', async () => {
    const mine = await get(`/api/files/${pdfId}`, w.trainee).buffer(true).parse(binary);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toMatch(/^attachment; filename="essay.pdf"/);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(mine.body as Buffer, PDF)).toBe(0);
    // A draft file is its author's alone, even for the coach.
    expect((await get(`/api/files/${pdfId}`, w.coach)).status).toBe(404);

    // Kind `both`: text is needed too.
    const noText = await submit(storyOfNow.id, w.trainee);
    expect(noText.status).toBe(422);
    expect(noText.body.errors).toEqual([expect.objectContaining({ field: 'text', code: 'textRequired' })]);
    await send('put', `/api/assignments/${storyOfNow.id}/submission/draft`, w.trainee, { text: 'See the attached essay.' });
    const done = await submit(storyOfNow.id, w.trainee);
    expect(done.status).toBe(200);
    const v1 = (done.body as SubmissionBody).versions[0];
    expect(v1.files.map((f) => f.originalName)).toEqual(['essay.pdf', 'map.png', 'حكايتي.mp3', 'four.png']);
    expect((done.body as SubmissionBody).draftFiles).toEqual([]);

    const audio = v1.files[2];
    const coach = await get(`/api/files/${audio.id}`, w.coach);
    expect(coach.status).toBe(200);
    expect(coach.headers['content-type']).toBe('audio/mpeg');
    expect(coach.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('حكايتي.mp3')}`);
    expect((await get(`/api/files/${audio.id}`, w.trainer)).status).toBe(200);
    for (const who of [w.otherTrainee, w.otherCoach, w.stranger]) expect((await get(`/api/files/${audio.id}`, who)).status).toBe(404);
    // A submitted file cannot be removed.
    expect((await send('delete', `/api/assignments/${storyOfNow.id}/submission/files/${audio.id}`, w.trainee)).status).toBe(404);
  });

  it('a circle-mate sees a version’s files only once its review is released and passed', async () => {
    const mate = await registerAccount(t, { nameLatin: 'Maya Mate' });
    await putInCircle(t, w.cohortId, w.circleId, mate);
    const own = (await get(`/api/assignments/${storyOfNow.id}/submission`, w.trainee)).body as SubmissionBody & { id: string };
    const file = own.versions[0].files[0];
    expect((await get(`/api/files/${file.id}`, mate)).status).toBe(404);
    const [version] = await sql<{ id: string }>(t, `SELECT id FROM submission_versions WHERE submission_id = $1 AND number = 1`, [own.id]);
    await sql(t, `INSERT INTO reviews (version_id, scores, points, decision) VALUES ($1, '{"urgency":"developing"}', 1, 'pass')`, [version.id]);
    expect((await get(`/api/files/${file.id}`, mate)).status).toBe(404);
    await sql(t, `UPDATE reviews SET released_at = now() WHERE version_id = $1`, [version.id]);
    expect((await get(`/api/files/${file.id}`, mate)).status).toBe(200);
    // Still not the staff read.
    expect((await get(`/api/submissions/${own.id}`, mate)).status).toBe(404);
  });
});

describe('due dates and late policies', () => {
  let late: CircleWorld;
  let assignment: AssignmentBody;

  beforeAll(async () => {
    late = await exerciseWorld(t, '2026-01-05');
    assignment = (await instantiate(t, late.trainer, late.cohortId)).items[0];
    for (const who of [late.trainee, late.otherTrainee]) await send('put', `/api/assignments/${assignment.id}/submission/draft`, who, { text: 'Late work' });
  });

  it('under close, submitting after the due date is refused (409 assignment.closed) and nothing is written', async () => {
    await send('patch', `/api/assignments/${assignment.id}`, late.trainer, { latePolicy: 'close' });
    const before = await tableCounts(t);
    const res = await submit(assignment.id, late.trainee, 'ar');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'assignment.closed', title: 'انتهى التسليم' });
    expect(await tableCounts(t)).toEqual(before);
    expect((await get(`/api/cohorts/${late.cohortId}/assignments`, late.trainee)).body.items[0]).toMatchObject({ status: 'draft', late: true });
  });

  it('an extension lets one trainee submit on time while the other stays closed', async () => {
    const future = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    expect((await send('put', `/api/assignments/${assignment.id}/extensions/${late.traineeEnrollment}`, late.trainer, { dueAt: future })).status).toBe(200);
    const ok = await submit(assignment.id, late.trainee);
    expect(ok.status).toBe(200);
    expect(ok.body.versions[0]).toMatchObject({ number: 1, late: false });
    expect((await submit(assignment.id, late.otherTrainee)).status).toBe(409);
  });

  it('under mark_late and accept, late work is taken and flagged late', async () => {
    await send('patch', `/api/assignments/${assignment.id}`, late.trainer, { latePolicy: 'mark_late' });
    const res = await submit(assignment.id, late.otherTrainee);
    expect(res.status).toBe(200);
    expect(res.body.versions[0]).toMatchObject({ late: true });
    expect((await get(`/api/cohorts/${late.cohortId}/assignments`, late.otherTrainee)).body.items[0]).toMatchObject({ status: 'submitted', late: true });

    await send('patch', `/api/assignments/${assignment.id}`, late.trainer, { latePolicy: 'accept' });
    const third = await registerAccount(t);
    const circle = await makeCircle(t, late.cohortId, { coaches: [late.coach] });
    await putInCircle(t, late.cohortId, circle, third);
    await send('put', `/api/assignments/${assignment.id}/submission/draft`, third, { text: 'Also late' });
    const accepted = await submit(assignment.id, third);
    expect(accepted.status).toBe(200);
    expect(accepted.body.versions[0]).toMatchObject({ late: true });
  });
});
