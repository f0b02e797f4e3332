import { vtimezone } from './vtimezone';

describe('vtimezone', () => {
  it('writes one observance per offset change the runtime knows, local time before the change', () => {
    const text = vtimezone('Europe/Paris', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'));
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'DTSTART:20270101T010000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20271031T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('gives Amman its single offset today, as the tz data says (no winter +02:00 since 2022)', () => {
    const offset = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Amman', timeZoneName: 'longOffset' }).format(new Date('2027-01-15T12:00:00Z')).slice(-6).replace(':', '');
    const text = vtimezone('Asia/Amman', new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(text).toContain(`TZOFFSETTO:${offset}`);
    expect(text).not.toContain('DAYLIGHT');
  });
});
