import request from 'supertest';
import ar from '../../api/src/i18n/ar.json';
import { bootApp, type TestApp } from '../support/app';
import { adminAccount, bearer, sql, tableCounts, type Account } from './fixtures';
import { circleWorld, schedule, type CircleWorld, type SessionBody } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;
let paris: CircleWorld;

beforeAll(async () => {
  t = await bootApp();
  w = await circleWorld(t, { timeZone: 'Asia/Amman' });
  paris = await circleWorld(t, { timeZone: 'Europe/Paris' });
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account | null, lang = 'en') => {
  const r = request(t.url).get(path).set('accept-language', lang);
  return who ? r.set('authorization', bearer(who)) : r;
};
const send = (method: 'post' | 'patch' | 'put', path: string, who: Account, body: unknown, lang = 'en') =>
  request(t.url)[method](path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);

/** The sessions of a list or an edit answer. */
const itemsOf = (res: request.Response): SessionBody[] => (res.body as { items: SessionBody[] }).items;

/** Offset of a zone at an instant, per Intl ("GMT+2" → 120). */
function offsetMinutes(iso: string, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('scheduling sessions', () => {
  it('a weekly series at 18:00 in Europe/Paris stays at 18:00 across the March change; the UTC hour moves', async () => {
    const body = await schedule(t, paris.trainer, paris.circleId, { date: '2027-03-21', time: '18:00', durationMinutes: 90, repeat: 'weekly', occurrences: 3, agenda: { en: 'Story of self' } });
    expect(body.seriesId).toEqual(expect.any(String));
    expect(body.items.map((s) => [s.localStart, s.startsAt, s.timeZone, s.seriesIndex])).toEqual([
      ['2027-03-21T18:00', '2027-03-21T17:00:00.000Z', 'Europe/Paris', 1],
      ['2027-03-28T18:00', '2027-03-28T16:00:00.000Z', 'Europe/Paris', 2],
      ['2027-04-04T18:00', '2027-04-04T16:00:00.000Z', 'Europe/Paris', 3],
    ]);
    for (const s of body.items) expect(offsetMinutes(s.startsAt, 'Europe/Paris')).toBe(s.startsAt.startsWith('2027-03-21') ? 60 : 120);
    expect(body.items[0]).toMatchObject({ status: 'scheduled', sequence: 0, durationMinutes: 90, displayAgenda: 'Story of self', displayPlace: 'Weibdeh library', canManage: true });

    // The trainee sees them in their circle and in their own list, without the right to manage.
    const mine = await get('/api/me/sessions?from=2027-03-01&to=2027-05-01', paris.trainee);
    expect(mine.status).toBe(200);
    expect(itemsOf(mine).map((s) => s.id)).toEqual(body.items.map((s) => s.id));
    expect(mine.body.items[0]).toMatchObject({ canManage: false, circle: { id: paris.circleId, displayName: 'Weibdeh circle', courseTitle: 'Public Narrative' } });
    const list = await get(`/api/circles/${paris.circleId}/sessions?from=2027-03-28T00:00:00Z`, paris.trainee);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    // The coach sees them in their list too, and may manage them.
    const coachList = await get('/api/me/sessions?from=2027-03-01&to=2027-05-01', paris.coach);
    expect(itemsOf(coachList).map((s) => s.canManage)).toEqual([true, true, true]);
  });

  it('monthly on the 31st in Asia/Amman clamps to the end of shorter months; the coach may schedule; a single session has no series', async () => {
    const body = await schedule(t, w.coach, w.circleId, { date: '2027-01-31', time: '17:30', durationMinutes: 60, repeat: 'monthly', occurrences: 4 });
    expect(body.items.map((s) => s.localStart)).toEqual(['2027-01-31T17:30', '2027-02-28T17:30', '2027-03-31T17:30', '2027-04-30T17:30']);
    const single = await schedule(t, w.coach, w.circleId, { date: '2027-06-01', time: '09:00', durationMinutes: 60, onlineUrl: 'https://meet.example.org/halaqa' });
    expect(single).toMatchObject({ seriesId: null, items: [{ seriesIndex: null, localStart: '2027-06-01T09:00', onlineUrl: 'https://meet.example.org/halaqa' }] });
  });

  it('refuses bad input with a localized 422 naming the field, and writes nothing', async () => {
    const before = await tableCounts(t);
    const [{ n: sessionsBefore }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM circle_sessions');
    const base = { date: '2027-05-01', time: '18:00', durationMinutes: 90 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, date: '2027-02-30' }, 'date', 'isCalendarDate'],
      [{ ...base, time: '24:00' }, 'time', 'isLocalTime'],
      [{ ...base, time: '6pm' }, 'time', 'isLocalTime'],
      [{ ...base, durationMinutes: 5 }, 'durationMinutes', 'min'],
      [{ ...base, repeat: 'weekly', occurrences: 1 }, 'occurrences', 'min'],
      [{ ...base, repeat: 'weekly', occurrences: 53 }, 'occurrences', 'max'],
      [{ ...base, repeat: 'weekly' }, 'occurrences', 'required'],
      [{ ...base, repeat: 'weekly', occurrences: 2.5 }, 'occurrences', 'isInt'],
      [{ ...base, repeat: 'bimonthly', occurrences: 3 }, 'repeat', 'isIn'],
      [{ ...base, occurrences: 3 }, 'repeat', 'required'],
      [{ ...base, timeZone: 'Asia/Amman' }, 'timeZone', 'unknown_field'],
      [{ ...base, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', 'isUrl'],
      [{ ...base, place: { en: 'Library\u202Eyrarbil' } }, 'place.en', 'isSafeText'],
      [{ ...base, agenda: { en: 'a\u0000b' } }, 'agenda.en', 'isSafeText'],
      [{ ...base, agenda: { en: 'x'.repeat(2001) } }, 'agenda.en', 'maxLength'],
      [{ ...base, agenda: { de: 'Hallo' } }, 'agenda.de', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await send('post', `/api/circles/${w.circleId}/sessions`, w.trainer, body, 'ar');
      expect([res.status, res.body.code]).toEqual([422, 'validation.failed']);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.title).toBe(ar.errors.validation.title);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    }
    const localized = await send('post', `/api/circles/${w.circleId}/sessions`, w.trainer, { ...base, time: '25:00' }, 'ar');
    expect(localized.body.errors[0].message).toBe(ar.validation.isLocalTime);
    for (const body of [null, [], 'x', { ...base, durationMinutes: '90' }]) {
      const res = await request(t.url).post(`/api/circles/${w.circleId}/sessions`).set('authorization', bearer(w.trainer)).set('content-type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBe(422);
    }
    expect(await tableCounts(t)).toEqual(before);
    const [{ n: sessionsAfter }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM circle_sessions');
    expect(sessionsAfter).toBe(sessionsBefore);
    // Multi-line agenda and Arabic text with marks are fine.
    const { items } = await schedule(t, w.trainer, w.circleId, { ...base, agenda: { ar: 'قصة الذات\nقصة "نحن" \u200F' } });
    expect(((await get(`/api/sessions/${items[0].id}`, w.trainee, 'ar')).body as SessionBody).displayAgenda).toBe('قصة الذات\nقصة "نحن" \u200F'.trim());
  });

  it('answers 404 to everyone outside the circle: other circle’s coach and trainee, a cohort coach without a circle, strangers', async () => {
    const { items } = await schedule(t, w.trainer, w.circleId, { date: '2027-07-01', time: '18:00', durationMinutes: 60 });
    const id = items[0].id;
    for (const who of [w.otherCoach, w.otherTrainee, w.cohortCoach, w.stranger, paris.trainer]) {
      expect((await get(`/api/circles/${w.circleId}/sessions`, who)).status).toBe(404);
      expect((await get(`/api/sessions/${id}`, who)).status).toBe(404);
      expect((await get(`/api/sessions/${id}.ics`, who)).status).toBe(404);
      expect((await send('post', `/api/circles/${w.circleId}/sessions`, who, { date: '2027-07-02', time: '18:00', durationMinutes: 60 })).status).toBe(404);
      expect((await send('patch', `/api/sessions/${id}`, who, { time: '19:00' })).status).toBe(404);
      expect((await send('post', `/api/sessions/${id}/cancel`, who, { reason: 'x' })).status).toBe(404);
    }
    // A trainee of the circle sees it but may not change it.
    expect((await get(`/api/sessions/${id}`, w.trainee)).body).toMatchObject({ id, canManage: false });
    expect((await send('patch', `/api/sessions/${id}`, w.trainee, { time: '19:00' })).status).toBe(404);
    expect((await send('post', `/api/circles/${w.circleId}/sessions`, w.trainee, { date: '2027-07-02', time: '18:00', durationMinutes: 60 })).status).toBe(404);
    // Admins see any circle; unknown and malformed ids are 404; no token is 401.
    const admin = await adminAccount(t);
    expect((await get(`/api/sessions/${id}`, admin)).status).toBe(200);
    expect((await get('/api/sessions/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    expect((await get('/api/sessions/not-a-uuid', admin)).status).toBe(404);
    expect((await get(`/api/sessions/${id}`, null)).status).toBe(401);
  });
});

describe('editing and cancelling', () => {
  it('`following` moves this and later occurrences in wall-clock time across DST, bumping each one’s sequence; `this` only one', async () => {
    const { items } = await schedule(t, paris.coach, paris.circleId, { date: '2027-10-17', time: '18:00', durationMinutes: 90, repeat: 'weekly', occurrences: 4 });
    const res = await send('patch', `/api/sessions/${items[1].id}`, paris.coach, { time: '19:30', place: { en: 'Maison des associations' }, scope: 'following' });
    expect(res.status).toBe(200);
    expect(itemsOf(res).map((s) => [s.localStart, s.sequence, s.displayPlace])).toEqual([
      ['2027-10-24T19:30', 1, 'Maison des associations'],
      ['2027-10-31T19:30', 1, 'Maison des associations'],
      ['2027-11-07T19:30', 1, 'Maison des associations'],
    ]);
    // 31 October is after the change back to UTC+1: 19:30 local is 18:30Z, not 17:30Z.
    expect(res.body.items[1].startsAt).toBe('2027-10-31T18:30:00.000Z');
    const first = await get(`/api/sessions/${items[0].id}`, paris.coach);
    expect(first.body).toMatchObject({ localStart: '2027-10-17T18:00', sequence: 0, displayPlace: 'Weibdeh library' });

    const one = await send('patch', `/api/sessions/${items[3].id}`, paris.coach, { date: '2027-11-08', durationMinutes: 120 });
    expect(itemsOf(one).map((s) => [s.localStart, s.sequence, s.durationMinutes])).toEqual([['2027-11-08T19:30', 2, 120]]);
    expect((await get(`/api/sessions/${items[2].id}`, paris.coach)).body).toMatchObject({ localStart: '2027-10-31T19:30', sequence: 1 });
    // Sending what is already there changes nothing and bumps nothing.
    const same = await send('patch', `/api/sessions/${items[2].id}`, paris.coach, { time: '19:30' });
    expect(same.body.items[0].sequence).toBe(1);
    const bad = await send('patch', `/api/sessions/${items[2].id}`, paris.coach, { scope: 'all', time: '7:00', startsAt: '2027-01-01T00:00:00Z' });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['scope', 'startsAt', 'time']);
  });

  it('cancelling keeps the session with its reason, `following` cancels the rest of the series, and a cancelled one cannot change', async () => {
    const { items } = await schedule(t, w.trainer, w.circleId, { date: '2027-09-01', time: '18:00', durationMinutes: 90, repeat: 'every_2_weeks', occurrences: 4 });
    const res = await send('post', `/api/sessions/${items[2].id}/cancel`, w.coach, { reason: 'Ramadan break', scope: 'following' });
    expect(res.status).toBe(200);
    expect(itemsOf(res).map((s) => [s.id, s.status, s.cancelReason, s.sequence])).toEqual([
      [items[2].id, 'cancelled', 'Ramadan break', 1],
      [items[3].id, 'cancelled', 'Ramadan break', 1],
    ]);
    const list = await get(`/api/circles/${w.circleId}/sessions?from=2027-09-01&to=2027-11-01`, w.trainee);
    expect(itemsOf(list).map((s) => s.status)).toEqual(['scheduled', 'scheduled', 'cancelled', 'cancelled']);
    const again = await send('post', `/api/sessions/${items[2].id}/cancel`, w.coach, { reason: 'again' }, 'fr');
    expect([again.status, again.body.code]).toEqual([409, 'session.cancelled']);
    expect(again.body.title).toBe('Séance annulée');
    expect((await send('patch', `/api/sessions/${items[3].id}`, w.coach, { time: '19:00' })).status).toBe(409);
    const noReason = await send('post', `/api/sessions/${items[0].id}/cancel`, w.coach, { reason: '   ' });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'minLength' })]);
    const audit = await sql<{ action: string }>(t, `SELECT action FROM audit_events WHERE entity_type = 'circle_session' AND entity_id = $1`, [items[2].id]);
    expect(audit.map((a) => a.action)).toEqual(['session.cancelled']);
  });
});
