import { Temporal } from '@js-temporal/polyfill';

function offsetText(nanoseconds: number): string {
  const minutes = Math.round(nanoseconds / 60e9);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** `YYYYMMDDTHHMMSS`, the local time of an instant at a given offset (VTIMEZONE DTSTART is local, before the change). */
function localStamp(instant: Temporal.Instant, offsetNanoseconds: number): string {
  const local = instant.add({ nanoseconds: offsetNanoseconds }).toZonedDateTimeISO('UTC');
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(local.year, 4)}${p(local.month)}${p(local.day)}T${p(local.hour)}${p(local.minute)}${p(local.second)}`;
}

const cache = new Map<string, string>();

/**
 * A VTIMEZONE for `timeZone` written from this runtime's tz data (the same data `recurrence.ts` used to place the
 * sessions), with one observance per offset change between `from` and `to`. Packaged VTIMEZONE collections lag
 * behind: @touch4it/ical-timezones still gives Asia/Amman a winter offset of +02:00, which Jordan dropped in 2022,
 * and Palestine's dates change almost every year. Explicit observances (no RRULE) say exactly what the tz data says.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const start = Temporal.Instant.fromEpochMilliseconds(from.getTime());
  const end = Temporal.Instant.fromEpochMilliseconds(to.getTime());
  const key = `${timeZone} ${start.toString().slice(0, 4)} ${end.toString().slice(0, 4)}`;
  const known = cache.get(key);
  if (known) return known;
  let zoned = start.toZonedDateTimeISO(timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  // What is in force at the start, as a first observance.
  const initial = offsetText(zoned.offsetNanoseconds);
  lines.push('BEGIN:STANDARD', `DTSTART:${localStamp(start, zoned.offsetNanoseconds)}`, `TZOFFSETFROM:${initial}`, `TZOFFSETTO:${initial}`, 'END:STANDARD');
  for (let i = 0; i < 200; i++) {
    const next = zoned.getTimeZoneTransition('next');
    if (!next || Temporal.Instant.compare(next.toInstant(), end) > 0) break;
    const before = zoned.offsetNanoseconds;
    const after = next.offsetNanoseconds;
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(next.toInstant(), before)}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
    zoned = next;
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  if (cache.size > 500) cache.clear();
  cache.set(key, text);
  return text;
}
