import request from 'supertest';
import ar from '../../api/src/i18n/ar.json';
import { bootApp, type TestApp } from '../support/app';
import { bearer, registerAccount, sql, tableCounts, type Account } from './fixtures';
import { emails, makeAssignment, submitted } from './review-fixtures';
import { circleWorld, putInCircle, type CircleWorld } from './session-fixtures';

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
const itemsOf = (res: request.Response) => (res.body as { items: { body: string; kind: string; mine: boolean }[] }).items;
const status = async (id: string) => (await sql<{ status: string }>(t, 'SELECT status FROM submissions WHERE id = $1', [id]))[0].status;

describe('reviews', () => {
  it('a draft review stays invisible to the trainee until released; release needs every criterion and a decision, returns the work and emails the trainee in Arabic', async () => {
    const id = await submitted(t, assignmentId, w.traineeEnrollment);
    const draft = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { story: 'proficient' }, feedback: 'Good start.' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ versionNumber: 1, points: 3, maxPoints: 6, passMark: 4, released: false, complete: false, decision: null });

    // The trainee sees nothing: not the review, not its existence; the work still reads "submitted".
    expect((await get(`/api/submissions/${id}/versions/1/review`, w.trainee)).status).toBe(404);
    expect(await status(id)).toBe('submitted');

    const incomplete = await send('post', `/api/submissions/${id}/versions/1/review/release`, w.coach, {}, 'ar');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'review.incomplete', title: ar.errors.review_incomplete.title });

    const full = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, {
      scores: { story: 'proficient', choice: 'beginning' },
      feedback: 'قصة مؤثرة، لكن الخيار غير واضح. أعيدي كتابة الجزء الأخير.',
      criterionFeedback: { choice: 'ما الخيار الذي واجهتِه؟' },
      decision: 'revise',
    });
    expect(full.body).toMatchObject({ points: 4, complete: true, released: false });
    const released = await send('post', `/api/submissions/${id}/versions/1/review/release`, w.coach);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ released: true, decision: 'revise', releasedAt: expect.any(String) });
    expect(await status(id)).toBe('returned');

    const mail = (await emails(t)).filter((e) => e.to === w.trainee.email && e.template !== 'welcome');
    expect(mail).toEqual([expect.objectContaining({ template: 'returned_for_revision', locale: 'ar', data: expect.objectContaining({ assignmentTitle: 'قصة الذات', url: `/ar/exercises/${assignmentId}` }) })]);

    const seen = await get(`/api/submissions/${id}/versions/1/review`, w.trainee);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ feedback: 'قصة مؤثرة، لكن الخيار غير واضح. أعيدي كتابة الجزء الأخير.', criterionFeedback: { choice: 'ما الخيار الذي واجهتِه؟' }, points: 4 });

    const again = await send('post', `/api/submissions/${id}/versions/1/review/release`, w.coach);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('review.already_released');
  });

  it('a released review may be edited and stays released; a changed decision moves the work; every change is audited', async () => {
    const other = await makeAssignment(t, w.cohortId, 2, { en: 'Story of us' });
    const id = await submitted(t, other, w.traineeEnrollment);
    await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { story: 'developing', choice: 'developing' }, feedback: 'Nearly.', decision: 'revise' });
    await send('post', `/api/submissions/${id}/versions/1/review/release`, w.trainer);

    // Once released it must stay complete.
    const partial = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { story: 'proficient' }, feedback: 'x', decision: 'pass' });
    expect(partial.status).toBe(422);
    const edited = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { story: 'proficient', choice: 'developing' }, feedback: 'On reflection, this passes.', decision: 'pass' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ released: true, decision: 'pass', points: 5 });
    expect(await status(id)).toBe('passed');

    const audit = await sql<{ action: string; data: { before: { decision: string } | null; after: { decision: string } } }>(
      t,
      `SELECT action, data FROM audit_events WHERE entity_id = $1 ORDER BY created_at, action`,
      [edited.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['review.created', 'review.released', 'review.edited_after_release']);
    expect(audit[2].data.before?.decision).toBe('revise');
    expect(audit[2].data.after.decision).toBe('pass');
  });

  it('only the coach of the trainee’s circle, the lead trainer and admins review; anyone else gets 404', async () => {
    const third = await makeAssignment(t, w.cohortId, 3, { en: 'Story of now' });
    const id = await submitted(t, third, w.traineeEnrollment);
    const body = { scores: { story: 'proficient' }, feedback: 'x' };
    for (const who of [w.otherCoach, w.cohortCoach, w.otherTrainee, w.stranger, w.trainee, peer]) {
      const res = await send('put', `/api/submissions/${id}/versions/1/review`, who, body);
      expect(res.status).toBe(404);
      expect((await send('post', `/api/submissions/${id}/versions/1/review/release`, who)).status).toBe(404);
    }
    for (const who of [w.otherCoach, w.cohortCoach, w.otherTrainee, w.stranger]) {
      expect((await get(`/api/submissions/${id}/versions/1/comments`, who)).status).toBe(404);
    }
    expect((await send('put', `/api/submissions/${id}/versions/1/review`, w.trainer, body)).status).toBe(200);
    // A version that does not exist, a malformed number or id: 404.
    expect((await send('put', `/api/submissions/${id}/versions/2/review`, w.coach, body)).status).toBe(404);
    expect((await get(`/api/submissions/${id}/versions/x1/review`, w.coach)).status).toBe(404);
    expect((await get(`/api/submissions/nope/versions/1/review`, w.coach)).status).toBe(404);
  });

  it('bad review input answers a localized 422 naming the field', async () => {
    const fourth = await makeAssignment(t, w.cohortId, 4, { en: 'Story of self II' });
    const id = await submitted(t, fourth, w.traineeEnrollment);
    const wrong = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { plot: 'proficient', story: 'excellent' }, feedback: 'x' }, 'ar');
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'scores.plot', message: ar.validation.unknownCriterion }),
        expect.objectContaining({ field: 'scores.story', message: ar.validation.unknownLevel }),
      ]),
    );
    const before = await tableCounts(t);
    for (const bad of [{ scores: {}, feedback: 'x', extra: 1 }, { scores: 'all good', feedback: 'x' }, { scores: {}, feedback: 'x', decision: 'maybe' }, { scores: {}, feedback: 'a'.repeat(20_001) }]) {
      const res = await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, bad);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 'hi\u202eevil' })).status).toBe(422);
    expect((await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 42 })).status).toBe(422);
    expect(await tableCounts(t)).toEqual(before);
  });
});

describe('threads and peer comments', () => {
  it('the trainee and the coach talk in the thread of a version, optionally about a criterion', async () => {
    const a = await makeAssignment(t, w.cohortId, 5, { en: 'Story of us II' });
    const id = await submitted(t, a, w.traineeEnrollment);
    const q = await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 'Is my choice clear enough?', criterionKey: 'choice' });
    expect(q.status).toBe(201);
    expect(q.body).toMatchObject({ kind: 'thread', criterionKey: 'choice', body: 'Is my choice clear enough?', mine: true, author: { displayName: 'Salma Trainee' } });
    const reply = await send('post', `/api/submissions/${id}/versions/1/comments`, w.coach, { body: 'Yes — name the moment you chose.' });
    expect(reply.status).toBe(201);
    const thread = await get(`/api/submissions/${id}/versions/1/comments`, w.trainee);
    expect(itemsOf(thread).map((c) => [c.body, c.mine])).toEqual([
      ['Is my choice clear enough?', true],
      ['Yes — name the moment you chose.', false],
    ]);
    const unknown = await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 'Hm', criterionKey: 'plot' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'criterionKey' });
    expect((await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: '' })).status).toBe(422);
    expect((await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 'x'.repeat(5001) })).status).toBe(422);
  });

  it('circle-mates read and comment only on released, passed work, and see only peer comments', async () => {
    const a = await makeAssignment(t, w.cohortId, 6, { en: 'Public story' });
    const id = await submitted(t, a, w.traineeEnrollment);
    await send('post', `/api/submissions/${id}/versions/1/comments`, w.trainee, { body: 'A private question to my coach.' });
    // Submitted, not yet reviewed: nothing for the peer.
    expect((await get(`/api/submissions/${id}/versions/1/comments`, peer)).status).toBe(404);
    expect((await send('post', `/api/submissions/${id}/versions/1/comments`, peer, { body: 'Nice!', kind: 'peer' })).status).toBe(404);
    // Returned for revision: still nothing.
    await send('put', `/api/submissions/${id}/versions/1/review`, w.coach, { scores: { story: 'beginning', choice: 'beginning' }, feedback: 'Again.', decision: 'revise' });
    await send('post', `/api/submissions/${id}/versions/1/review/release`, w.coach);
    expect((await get(`/api/submissions/${id}/versions/1/comments`, peer)).status).toBe(404);

    const b = await makeAssignment(t, w.cohortId, 7, { en: 'Public story II' });
    const passedId = await submitted(t, b, w.traineeEnrollment);
    await send('post', `/api/submissions/${passedId}/versions/1/comments`, w.trainee, { body: 'Thread only.' });
    await send('put', `/api/submissions/${passedId}/versions/1/review`, w.coach, { scores: { story: 'proficient', choice: 'proficient' }, feedback: 'Excellent.', decision: 'pass' });
    await send('post', `/api/submissions/${passedId}/versions/1/review/release`, w.coach);
    expect((await emails(t)).filter((e) => e.to === w.trainee.email).map((e) => e.template)).toContain('feedback_released');

    const before = await get(`/api/submissions/${passedId}/versions/1/comments`, peer);
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([]);
    const written = await send('post', `/api/submissions/${passedId}/versions/1/comments`, peer, { body: 'Your story moved me.' });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ kind: 'peer', author: { displayName: 'Yara Peer' } });
    // A peer writes peer comments only; staff and the trainee do not write peer comments.
    expect((await send('post', `/api/submissions/${passedId}/versions/1/comments`, peer, { body: 'x', kind: 'thread' })).status).toBe(422);
    expect((await send('post', `/api/submissions/${passedId}/versions/1/comments`, w.coach, { body: 'x', kind: 'peer' })).status).toBe(422);

    const peerView = await get(`/api/submissions/${passedId}/versions/1/comments`, peer);
    expect(itemsOf(peerView).map((c) => c.body)).toEqual(['Your story moved me.']);
    const traineeView = await get(`/api/submissions/${passedId}/versions/1/comments`, w.trainee);
    expect(itemsOf(traineeView).map((c) => [c.kind, c.body])).toEqual([
      ['thread', 'Thread only.'],
      ['peer', 'Your story moved me.'],
    ]);
    // A trainee of another circle is not a peer.
    expect((await get(`/api/submissions/${passedId}/versions/1/comments`, w.otherTrainee)).status).toBe(404);
    // The peer never sees the review itself.
    expect((await get(`/api/submissions/${passedId}/versions/1/review`, peer)).status).toBe(404);
  });
});
