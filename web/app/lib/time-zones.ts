/** Time zones of the people Halaqa serves first, offered at the top of every time zone list. */
export const regionTimeZones = [
  'Asia/Amman',
  'Asia/Hebron',
  'Asia/Gaza',
  'Asia/Jerusalem',
  'Africa/Tunis',
  'Asia/Baghdad',
  'Asia/Beirut',
  'Asia/Damascus',
  'Africa/Cairo',
  'Africa/Algiers',
  'Africa/Casablanca',
  'Africa/Tripoli',
  'Africa/Khartoum',
  'Asia/Riyadh',
  'Asia/Kuwait',
  'Asia/Qatar',
  'Asia/Dubai',
  'Asia/Aden',
  'Europe/Istanbul',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/London',
  'UTC',
] as const;

export const defaultTimeZone = 'Asia/Amman';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime knows, minus the region ones already listed; computed on the server, sent to the page. */
export function otherTimeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const region = new Set<string>(regionTimeZones);
  return all.filter((zone) => !region.has(zone));
}
