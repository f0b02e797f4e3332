import { expandSchedule, isLocalTime, localDateTime, shiftWallClock, zonedInstant } from './recurrence';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The zone's UTC offset at an instant, in minutes, as this machine's Intl tz data says (not our code). */
function offsetAt(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Wall clock of an instant in a zone, per Intl: `YYYY-MM-DD HH:mm`. */
function wallClock(instant: Date | number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Offset changes of a zone in a year, found by scanning Intl hour by hour then narrowing to the minute. */
const scanned = new Map<string, { at: number; before: number; after: number }[]>();
function transitions(timeZone: string, year: number): { at: number; before: number; after: number }[] {
  const key = `${timeZone} ${year}`;
  if (!scanned.has(key)) scanned.set(key, scan(timeZone, year));
  return scanned.get(key)!;
}
function scan(timeZone: string, year: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  const step = 6 * HOUR; // zones here change at most a few times a year, never twice within 6 hours
  for (let t = Date.UTC(year, 0, 1); t < end; t += step) {
    const before = offsetAt(t, timeZone);
    const after = offsetAt(t + step, timeZone);
    if (before === after) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before, after });
  }
  return found;
}

const isoLocal = (ms: number) => new Date(ms).toISOString().slice(0, 16); // a UTC-formatted "local" wall clock

describe('expandSchedule', () => {
  it('keeps 18:00 on the wall clock across Europe/Paris DST changes, the UTC hour moving with the offset', () => {
    const spring = expandSchedule({ date: '2026-03-22', time: '18:00', timeZone: 'Europe/Paris', repeat: 'weekly', occurrences: 3 });
    expect(spring.map((o) => o.startsAt.toISOString())).toEqual(['2026-03-22T17:00:00.000Z', '2026-03-29T16:00:00.000Z', '2026-04-05T16:00:00.000Z']);
    const autumn = expandSchedule({ date: '2026-10-18', time: '18:00', timeZone: 'Europe/Paris', repeat: 'weekly', occurrences: 2 });
    expect(autumn.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-18T16:00:00.000Z', '2026-10-25T17:00:00.000Z']);
    expect([...spring, ...autumn].every((o) => wallClock(o.startsAt, 'Europe/Paris').endsWith(' 18:00'))).toBe(true);
  });

  it.each(['Asia/Amman', 'Asia/Hebron', 'Africa/Tunis', 'Asia/Baghdad', 'Europe/Paris'])(
    '%s: a year of sessions every 2 weeks at 18:00 is 18:00 local each time, at the offset the tz data gives that day',
    (timeZone) => {
      const series = expandSchedule({ date: '2026-01-06', time: '18:00', timeZone, repeat: 'every_2_weeks', occurrences: 26 });
      expect(series).toHaveLength(26);
      for (const o of series) {
        expect(wallClock(o.startsAt, timeZone)).toBe(`${o.localDate} 18:00`);
        const offset = offsetAt(o.startsAt.getTime(), timeZone);
        expect(o.startsAt.getTime()).toBe(Date.parse(`${o.localDate}T18:00:00Z`) - offset * MINUTE);
      }
      // Where the zone changes offset during the year, the series really does span two UTC hours.
      const utcHours = new Set(series.map((o) => o.startsAt.getUTCHours()));
      expect(utcHours.size).toBe(transitions(timeZone, 2026).length > 0 ? 2 : 1);
    },
  );

  it('Asia/Amman and Asia/Baghdad: the tz data here has no change in 2026, Africa/Tunis neither', () => {
    for (const zone of ['Asia/Amman', 'Asia/Baghdad', 'Africa/Tunis']) expect(transitions(zone, 2026)).toEqual([]);
  });

  it.each(['Europe/Paris', 'Asia/Hebron'])('%s: a wall-clock time skipped by spring-forward moves forward by the gap', (timeZone) => {
    const forward = transitions(timeZone, 2026).filter((t) => t.after > t.before);
    expect(forward.length).toBeGreaterThan(0);
    for (const t of forward) {
      const gap = (t.after - t.before) * MINUTE;
      const skippedLocal = t.at + t.before * MINUTE + gap / 2; // e.g. 02:30 when 02:00 jumps to 03:00
      const [date, time] = isoLocal(skippedLocal).split('T');
      const instant = zonedInstant(date, time, timeZone);
      expect(instant.getTime()).toBe(t.at + gap / 2);
      expect(localDateTime(instant, timeZone).time).toBe(isoLocal(skippedLocal + gap).slice(11));
    }
  });

  it.each(['Europe/Paris', 'Asia/Hebron'])('%s: an ambiguous wall-clock time on fall-back day takes the earlier instant', (timeZone) => {
    const back = transitions(timeZone, 2026).filter((t) => t.after < t.before);
    expect(back.length).toBeGreaterThan(0);
    for (const t of back) {
      const overlap = (t.before - t.after) * MINUTE;
      const repeatedLocal = t.at + t.after * MINUTE + overlap / 2; // e.g. 02:30 which happens twice
      const [date, time] = isoLocal(repeatedLocal).split('T');
      const instant = zonedInstant(date, time, timeZone);
      expect(instant.getTime()).toBe(repeatedLocal - t.before * MINUTE);
      expect(instant.getTime()).toBeLessThan(t.at);
    }
  });

  it('a weekly series whose time falls in the Paris gap: only that day is moved, the others keep 02:30', () => {
    const series = expandSchedule({ date: '2026-03-22', time: '02:30', timeZone: 'Europe/Paris', repeat: 'weekly', occurrences: 3 });
    expect(series.map((o) => wallClock(o.startsAt, 'Europe/Paris'))).toEqual(['2026-03-22 02:30', '2026-03-29 03:30', '2026-04-05 02:30']);
  });

  it('monthly on the 31st clamps to the month’s last day and comes back to the 31st where it exists', () => {
    const series = expandSchedule({ date: '2027-01-31', time: '17:00', timeZone: 'Asia/Baghdad', repeat: 'monthly', occurrences: 5 });
    expect(series.map((o) => o.localDate)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    const leap = expandSchedule({ date: '2028-01-30', time: '17:00', timeZone: 'Africa/Tunis', repeat: 'every_2_months', occurrences: 3 });
    expect(leap.map((o) => o.localDate)).toEqual(['2028-01-30', '2028-03-30', '2028-05-30']);
    const feb = expandSchedule({ date: '2027-12-31', time: '17:00', timeZone: 'Africa/Tunis', repeat: 'every_2_months', occurrences: 2 });
    expect(feb.map((o) => o.localDate)).toEqual(['2027-12-31', '2028-02-29']);
  });

  it('a single session is one occurrence whatever `occurrences` says, and weekly/every_2_weeks step by 7/14 days', () => {
    expect(expandSchedule({ date: '2026-12-03', time: '18:00', timeZone: 'Asia/Amman', occurrences: 5 })).toHaveLength(1);
    expect(expandSchedule({ date: '2026-12-03', time: '18:00', timeZone: 'Asia/Amman', repeat: 'every_2_weeks', occurrences: 3 }).map((o) => o.localDate)).toEqual(['2026-12-03', '2026-12-17', '2026-12-31']);
    expect(expandSchedule({ date: '2026-12-31', time: '18:00', timeZone: 'Asia/Amman', repeat: 'weekly', occurrences: 2 }).map((o) => [o.index, o.localDate])).toEqual([[1, '2026-12-31'], [2, '2027-01-07']]);
  });
});

describe('shiftWallClock', () => {
  it('moves a later occurrence by the same wall-clock change across a DST change', () => {
    // 18:00 on 22 March becomes 19:30 on 23 March; the occurrence of 5 April (after spring-forward) follows in local time.
    const later = zonedInstant('2026-04-05', '18:00', 'Europe/Paris');
    const moved = shiftWallClock(later, 'Europe/Paris', { date: '2026-03-22', time: '18:00' }, { date: '2026-03-23', time: '19:30' });
    expect(wallClock(moved, 'Europe/Paris')).toBe('2026-04-06 19:30');
  });
});

describe('isLocalTime', () => {
  it('takes 24-hour HH:mm only', () => {
    expect(['00:00', '18:00', '23:59'].every(isLocalTime)).toBe(true);
    expect(['24:00', '7:00', '18:60', '18:00:00', '', 1800, null].some(isLocalTime)).toBe(false);
  });
});
