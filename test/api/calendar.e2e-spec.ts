import ICAL from 'ical.js';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bearer, sql, type Account } from './fixtures';
import { circleWorld, localDay, schedule, type CircleWorld, type SessionBody } from './session-fixtures';

let t: TestApp;
let amman: CircleWorld;
let hebron: CircleWorld;

beforeAll(async () => {
  t = await bootApp({ PUBLIC_API_URL: 'https://halaqa.example' });
  amman = await circleWorld(t, { timeZone: 'Asia/Amman' }, { trainee: 'ar' });
  hebron = await circleWorld(t, { timeZone: 'Asia/Hebron' });
  // The Amman coach also coaches the Hebron circle: their feed holds both zones.
  await sql(t, 'INSERT INTO circle_coaches (circle_id, user_id) VALUES ($1, $2)', [hebron.circleId, amman.coach.id]);
});

afterAll(async () => {
  await t.close();
});

async function feedUrl(who: Account, rotate = false): Promise<string> {
  const res = rotate
    ? await request(t.url).post('/api/me/calendar-feed/rotate').set('authorization', bearer(who))
    : await request(t.url).get('/api/me/calendar-feed').set('authorization', bearer(who));
  expect(res.status).toBe(200);
  return (res.body as { url: string }).url;
}

/** Fetches a feed URL from the test server (the URL names the public host). */
function fetchFeed(url: string): Promise<request.Response> {
  return request(t.url).get(new URL(url).pathname).buffer(true).parse((res, done) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    res.on('end', () => done(null, text));
  });
}

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  tzid: string;
  localStart: string;
  startsAt: string;
}

/** Parses with ical.js (an independent implementation), resolving each DTSTART through the document's own VTIMEZONEs. */
function parse(text: string): { zones: string[]; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtz) => {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart')!;
    const start = event.startDate;
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      tzid: String(dtstart.getParameter('tzid')),
      localStart: `${start.year}-${pad(start.month)}-${pad(start.day)}T${pad(start.hour)}:${pad(start.minute)}`,
      startsAt: start.toJSDate().toISOString(),
    };
  });
  return { zones, events };
}

describe('calendar feeds', () => {
  let hebronSeries: SessionBody[];
  let ammanSeries: SessionBody[];

  beforeAll(async () => {
    // A year of weekly sessions at 18:00: whatever Hebron's tz data says about its changes, the series crosses them.
    hebronSeries = (await schedule(t, hebron.coach, hebron.circleId, { date: localDay(7, 'Asia/Hebron'), time: '18:00', durationMinutes: 90, repeat: 'weekly', occurrences: 52 })).items;
    ammanSeries = (await schedule(t, amman.coach, amman.circleId, { date: localDay(3, 'Asia/Amman'), time: '17:00', durationMinutes: 60, repeat: 'every_2_months', occurrences: 6, place: { ar: 'جبل اللويبدة', en: 'Jabal al-Weibdeh' } })).items;
  });

  it('gives the same secret URL until rotated, on the public API host', async () => {
    const url = await feedUrl(amman.coach);
    expect(url).toMatch(/^https:\/\/halaqa\.example\/api\/calendar\/[A-Za-z0-9_-]{48}\.ics$/);
    expect(await feedUrl(amman.coach)).toBe(url);
    expect(await feedUrl(amman.trainee)).not.toBe(url);
  });

  it('serves every session of the user’s circles at its wall-clock time with TZID and a VTIMEZONE that ical.js reads back to the right instants across DST', async () => {
    const res = await fetchFeed(await feedUrl(amman.coach));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { zones, events } = parse(res.body as string);
    expect(zones.sort()).toEqual(['Asia/Amman', 'Asia/Hebron']);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(events).toHaveLength(hebronSeries.length + ammanSeries.length);
    for (const s of [...hebronSeries, ...ammanSeries]) {
      const e = byUid.get(`session-${s.id}@halaqa`)!;
      expect(e).toMatchObject({ tzid: s.timeZone, localStart: s.localStart, startsAt: s.startsAt, sequence: 0, status: 'CONFIRMED' });
    }
    // The series really spans more than one UTC offset when the tz data has Hebron change during the year.
    const hebronUtcHours = new Set(hebronSeries.map((s) => new Date(s.startsAt).getUTCHours()));
    const changes = new Set(hebronSeries.map((s) => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Hebron', timeZoneName: 'longOffset' }).format(new Date(s.startsAt)).slice(-9)));
    expect(changes.size).toBeGreaterThan(1); // this machine's tz data has Hebron change offset within a year
    expect(hebronUtcHours.size).toBe(changes.size);
    expect(byUid.get(`session-${ammanSeries[0].id}@halaqa`)).toMatchObject({ summary: 'Weibdeh circle — Public Narrative', location: 'Jabal al-Weibdeh' });
  });

  it('shows a cancellation as STATUS:CANCELLED and an edit as a higher SEQUENCE with the new time; in the reader’s language', async () => {
    const [first, second] = ammanSeries;
    await request(t.url).post(`/api/sessions/${first.id}/cancel`).set('authorization', bearer(amman.coach)).send({ reason: 'Storm' }).expect(200);
    await request(t.url).patch(`/api/sessions/${second.id}`).set('authorization', bearer(amman.coach)).send({ time: '19:15' }).expect(200);
    const { events } = parse((await fetchFeed(await feedUrl(amman.trainee))).body as string);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(`session-${first.id}@halaqa`)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(byUid.get(`session-${second.id}@halaqa`)).toMatchObject({ status: 'CONFIRMED', sequence: 1, localStart: `${second.localStart.slice(0, 10)}T19:15`, tzid: 'Asia/Amman' });
    // The trainee reads Arabic: summary and place in Arabic.
    expect(byUid.get(`session-${second.id}@halaqa`)).toMatchObject({ summary: 'حلقة اللويبدة — السرد العام', location: 'جبل اللويبدة' });
  });

  it('holds only the user’s circles, from 60 days back', async () => {
    const ids = (text: string) => parse(text).events.map((e) => e.uid);
    const traineeFeed = ids((await fetchFeed(await feedUrl(amman.trainee))).body as string);
    expect(traineeFeed.sort()).toEqual(ammanSeries.map((s) => `session-${s.id}@halaqa`).sort());
    // Another circle of the same cohort, a cohort coach without a circle, a stranger: none of these sessions.
    for (const who of [amman.otherTrainee, amman.otherCoach, amman.cohortCoach, amman.stranger]) {
      expect(ids((await fetchFeed(await feedUrl(who))).body as string)).toEqual([]);
    }
    const old = (await schedule(t, amman.coach, amman.circleId, { date: localDay(-90, 'Asia/Amman'), time: '18:00', durationMinutes: 60 })).items[0];
    const recent = (await schedule(t, amman.coach, amman.circleId, { date: localDay(-10, 'Asia/Amman'), time: '18:00', durationMinutes: 60 })).items[0];
    const after = ids((await fetchFeed(await feedUrl(amman.trainee))).body as string);
    expect(after).toContain(`session-${recent.id}@halaqa`);
    expect(after).not.toContain(`session-${old.id}@halaqa`);
    // Moved out of the circle: the feed stops showing it.
    await sql(t, 'UPDATE circle_memberships SET left_at = now() WHERE enrollment_id = $1', [amman.traineeEnrollment]);
    expect(ids((await fetchFeed(await feedUrl(amman.trainee))).body as string)).toEqual([]);
    await sql(t, 'INSERT INTO circle_memberships (circle_id, enrollment_id) VALUES ($1, $2)', [amman.circleId, amman.traineeEnrollment]);
  });

  it('rotating kills the old URL at once; forged, altered and malformed tokens are 404', async () => {
    const old = await feedUrl(hebron.trainee);
    expect((await fetchFeed(old)).status).toBe(200);
    const fresh = await feedUrl(hebron.trainee, true);
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
    expect(await feedUrl(hebron.trainee)).toBe(fresh);
    const token = new URL(fresh).pathname.split('/').pop()!.replace('.ics', '');
    const altered = token.slice(0, 47) + (token[47] === 'A' ? 'B' : 'A');
    for (const path of [`/api/calendar/${altered}.ics`, '/api/calendar/x.ics', `/api/calendar/${token}`, `/api/calendar/${'A'.repeat(48)}.ics`]) {
      expect((await request(t.url).get(path)).status).toBe(404);
    }
    const [{ n }] = await sql<{ n: string }>(t, `SELECT count(*) AS n FROM audit_events WHERE action = 'calendar_feed.rotated' AND actor_id = $1`, [hebron.trainee.id]);
    expect(Number(n)).toBe(1);
  });

  it('a session .ics for those who may see it (401 signed out, 404 outside)', async () => {
    const s = hebronSeries[10];
    const res = await request(t.url).get(`/api/sessions/${s.id}.ics`).set('authorization', bearer(hebron.trainee)).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const { zones, events } = parse(res.body as string);
    expect(zones).toEqual(['Asia/Hebron']);
    expect(events).toEqual([expect.objectContaining({ uid: `session-${s.id}@halaqa`, localStart: s.localStart, startsAt: s.startsAt, tzid: 'Asia/Hebron' })]);
    expect((await request(t.url).get(`/api/sessions/${s.id}.ics`)).status).toBe(401);
    expect((await request(t.url).get(`/api/sessions/${s.id}.ics`).set('authorization', bearer(amman.trainee))).status).toBe(404);
  });
});
