import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { makeAssignment, submitted } from './review-fixtures';
import { circleWorld, makeCircle, putInCircle, type CircleWorld } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;
let peer: Account;
let assignmentId: string;

beforeAll(async () => {
  t = await bootApp();
  w = await circleWorld(t, {}, { trainee: 'ar' });
  peer = await registerAccount(t, { nameLatin: 'Yara Peer', nameArabic: 'يارا' });
  await putInCircle(t, w.cohortId, w.circleId, peer);
  assignmentId = await makeAssignment(t, w.cohortId, 1, { ar: 'قصة الذات', en: 'Story of self', fr: 'Récit de soi' });
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const send = (method: 'post' | 'put', path: string, who: Account, body: unknown = {}, lang = 'en') =>
  request(t.url)[method](path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);

/** The coach scores version n fully and decides; `release` false leaves the review a draft. */
async function review(id: string, n: number, decision: 'pass' | 'revise', release = true): Promise<void> {
  const saved = await send('put', `/api/submissions/${id}/versions/${n}/review`, w.coach, { scores: { story: 'proficient', choice: 'proficient' }, feedback: 'Secret coach feedback', decision });
  expect(saved.status).toBe(200);
  if (release) expect((await send('post', `/api/submissions/${id}/versions/${n}/review/release`, w.coach)).status).toBe(200);
}

const listed = async (who: Account) => {
  const res = await get(`/api/assignments/${assignmentId}/peer-work`, who);
  expect(res.status).toBe(200);
  return res.body as { submissionId: string; versionNumber: number; author: { nameLatin: string; nameArabic: string }; submittedAt: string }[];
};

describe('peer work', () => {
  it('a circle-mate lists and reads passed, released work (text, files, peer comments; no review, no email) and comments on it', async () => {
    const id = await submitted(t, assignmentId, w.traineeEnrollment, { versions: 2, submittedAt: '2026-03-12T09:00:00Z' });
    const [version] = await sql<{ id: string }>(t, 'SELECT id FROM submission_versions WHERE submission_id = $1 AND number = 2', [id]);
    await sql(t, `INSERT INTO submission_files (submission_id, version_id, file_key, original_name, media_type, size_bytes, sha256) VALUES ($1, $2, 'k/1', 'قصتي.pdf', 'application/pdf', 1234, $3)`, [id, version.id, 'a'.repeat(64)]);
    await review(id, 1, 'revise');
    await review(id, 2, 'pass');

    expect(await listed(peer)).toEqual([{ submissionId: id, versionNumber: 2, author: { nameLatin: 'Salma Trainee', nameArabic: 'سلمى' }, submittedAt: '2026-03-12T09:00:00.000Z' }]);
    // Never the caller's own work in their list.
    expect(await listed(w.trainee)).toEqual([]);

    const read = await get(`/api/submissions/${id}/peer`, peer);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ submissionId: id, assignmentId, versionNumber: 2, text: 'My story, version 2', files: [{ originalName: 'قصتي.pdf', mediaType: 'application/pdf', sizeBytes: 1234 }], comments: [] });
    const raw = JSON.stringify(read.body);
    expect(raw).not.toContain('Secret coach feedback');
    expect(raw).not.toContain('@');
    expect(raw).not.toContain('scores');

    // The coach's thread stays out of the peer's sight; the peer's comment shows up, to the peer and to the author.
    expect((await send('post', `/api/submissions/${id}/versions/2/comments`, w.coach, { body: 'Coach thread only' })).status).toBe(201);
    const comment = await send('post', `/api/submissions/${id}/versions/2/comments`, peer, { body: 'قصة ملهمة، شكراً' });
    expect(comment.status).toBe(201);
    const again = await get(`/api/submissions/${id}/peer`, peer, 'ar');
    expect(again.body.comments).toEqual([{ id: comment.body.id, author: { displayName: 'يارا' }, body: 'قصة ملهمة، شكراً', criterionKey: null, mine: true, createdAt: expect.any(String) }]);
    const authorView = await get(`/api/submissions/${id}/versions/2/comments`, w.trainee);
    expect((authorView.body as { items: { body: string; kind: string }[] }).items).toContainEqual(expect.objectContaining({ body: 'قصة ملهمة، شكراً', kind: 'peer' }));

    // The author uses their own route; staff theirs.
    expect((await get(`/api/submissions/${id}/peer`, w.trainee)).status).toBe(404);
    expect((await get(`/api/submissions/${id}/peer`, w.coach)).status).toBe(404);
  });

  it('unreleased or returned work is 404 and not listed; another circle and strangers get 404', async () => {
    const mate = await registerAccount(t, { nameLatin: 'Lina Mate' });
    const mateEnrollment = await putInCircle(t, w.cohortId, w.circleId, mate);
    const returned = await submitted(t, assignmentId, mateEnrollment);
    await review(returned, 1, 'revise');
    const unreleasedMate = await registerAccount(t, { nameLatin: 'Hadi Draftreview' });
    const unreleased = await submitted(t, assignmentId, await putInCircle(t, w.cohortId, w.circleId, unreleasedMate));
    await review(unreleased, 1, 'pass', false);

    const ids = (await listed(peer)).map((i) => i.submissionId);
    expect(ids).not.toContain(returned);
    expect(ids).not.toContain(unreleased);
    expect((await get(`/api/submissions/${returned}/peer`, peer)).status).toBe(404);
    expect((await get(`/api/submissions/${unreleased}/peer`, peer)).status).toBe(404);
    expect((await send('post', `/api/submissions/${unreleased}/versions/1/comments`, peer, { body: 'hi' })).status).toBe(404);

    const [passed] = await listed(peer);
    expect((await get(`/api/submissions/${passed.submissionId}/peer`, w.otherTrainee)).status).toBe(404);
    expect((await get(`/api/assignments/${assignmentId}/peer-work`, w.otherTrainee)).body).toEqual([]);
    expect((await get(`/api/submissions/${passed.submissionId}/peer`, w.stranger)).status).toBe(404);
    expect((await get(`/api/assignments/${assignmentId}/peer-work`, w.stranger)).status).toBe(404);
    expect((await get(`/api/assignments/00000000-0000-4000-8000-000000000000/peer-work`, peer)).status).toBe(404);
  });

  it('a member who moved circles sees the new circle’s passed work only', async () => {
    const mover = await registerAccount(t, { nameLatin: 'Adam Mover' });
    const moverEnrollment = await putInCircle(t, w.cohortId, w.circleId, mover);
    expect((await listed(mover)).map((i) => i.author.nameLatin)).toContain('Salma Trainee');

    const newCircle = await makeCircle(t, w.cohortId, { name: { en: 'New circle' }, coaches: [w.coach] });
    const newMate = await registerAccount(t, { nameLatin: 'Nadia Newmate' });
    const newWork = await submitted(t, assignmentId, await putInCircle(t, w.cohortId, newCircle, newMate));
    await review(newWork, 1, 'pass');
    await sql(t, 'UPDATE circle_memberships SET left_at = now() WHERE enrollment_id = $1 AND left_at IS NULL', [moverEnrollment]);
    await sql(t, 'INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) VALUES ($1, $2, now())', [newCircle, moverEnrollment]);

    expect((await listed(mover)).map((i) => i.author.nameLatin)).toEqual(['Nadia Newmate']);
    expect((await get(`/api/submissions/${newWork}/peer`, mover)).status).toBe(200);
    const [old] = await listed(peer);
    expect((await get(`/api/submissions/${old.submissionId}/peer`, mover)).status).toBe(404);
  });
});
