import { attendanceGeometry, filterQuery, formatDay, formatPercent, funnelGeometry, funnelLayout, staffFilters, type AttendancePoint } from './partner-reports';

const funnel = { enrolled: 40, active: 30, completed: 12, certified: 10 };

describe('partner dashboard filters', () => {
  it('reads the GET form back, dropping what the api would refuse', () => {
    expect(staffFilters(new URLSearchParams('cohortId=abc-123&courseSlug=public-narrative&city=%20عمّان%20&status=active'))).toEqual({
      cohortId: 'abc-123',
      courseSlug: 'public-narrative',
      city: 'عمّان',
      status: 'active',
    });
    expect(staffFilters(new URLSearchParams('cohortId=%27%3Bdrop&courseSlug=Not%20A%20Slug&status=graduated'))).toEqual({
      cohortId: '',
      courseSlug: '',
      city: '',
      status: '',
    });
  });

  it('passes only the filters that are set on to the CSV and PDF links', () => {
    expect(filterQuery({ cohortId: '', courseSlug: 'public-narrative', city: 'Tunis', status: '' })).toBe('?courseSlug=public-narrative&city=Tunis');
    expect(filterQuery({ cohortId: '', courseSlug: '', city: '', status: '' })).toBe('');
  });

  it('writes shares as whole percentages in the reader’s language, and nothing for no sessions', () => {
    expect(formatPercent(0.756, 'en')).toBe('76%');
    expect(formatPercent(0.5, 'fr')).toMatch(/^50\s%$/u);
    expect(formatPercent(null, 'ar')).toBeNull();
    expect(formatDay('2026-03-01', 'fr', 'long')).toBe('1 mars 2026');
  });
});

describe('completion funnel geometry', () => {
  it('draws each step as long as its share of the enrolled, labels at the left in English', () => {
    const { rows, width } = funnelGeometry(funnel, false);
    expect(rows.map((row) => row.step)).toEqual(['enrolled', 'active', 'completed', 'certified']);
    const full = rows[0]?.bar.width ?? 0;
    expect(full).toBeGreaterThan(200);
    expect(rows[1]?.bar.width).toBeCloseTo(full * 0.75, 0);
    expect(rows[3]?.bar.width).toBeCloseTo(full * 0.25, 0);
    // Labels first, bars after them, every bar starting at the same place; numbers just after each bar.
    for (const row of rows) {
      expect(row.label.x).toBe(funnelLayout.padding);
      expect(row.bar.x).toBe(funnelLayout.padding + funnelLayout.labelWidth);
      expect(row.valueAt.x).toBeGreaterThan(row.bar.x + row.bar.width);
      expect(row.bar.x + row.bar.width).toBeLessThanOrEqual(width);
    }
  });

  it('mirrors for Arabic: labels at the right, bars growing leftwards from the same right-hand edge', () => {
    const ltr = funnelGeometry(funnel, false);
    const rtl = funnelGeometry(funnel, true);
    rtl.rows.forEach((row, index) => {
      const twin = ltr.rows[index];
      if (!twin) throw new Error('same rows both ways');
      expect(row.label.x).toBe(rtl.width - funnelLayout.padding);
      expect(row.bar.x + row.bar.width).toBeCloseTo(rtl.width - funnelLayout.padding - funnelLayout.labelWidth, 5);
      expect(row.bar.width).toBe(twin.bar.width);
      expect(row.valueAt.x).toBeLessThan(row.bar.x);
      expect(row.bar.x).toBeGreaterThanOrEqual(0);
    });
  });

  it('draws no bars for an organization with no consenting staff yet', () => {
    const { rows } = funnelGeometry({ enrolled: 0, active: 0, completed: 0, certified: 0 }, true);
    expect(rows.every((row) => row.bar.width === 0 && row.share === 0)).toBe(true);
  });
});

describe('attendance over time geometry', () => {
  const weeks: AttendancePoint[] = [
    { date: '2026-03-02', held: 4, attended: 4, rate: 1 },
    { date: '2026-03-09', held: 4, attended: 2, rate: 0.5 },
    { date: '2026-03-16', held: 0, attended: 0, rate: null },
    { date: '2026-03-23', held: 4, attended: 3, rate: 0.75 },
  ];

  it('runs time left to right in English, each column as tall as its rate, no column for a week without sessions', () => {
    const { columns, baseline, line } = attendanceGeometry(weeks, false);
    const centres = columns.map((column) => column.centre);
    expect([...centres].sort((a, b) => a - b)).toEqual(centres);
    const full = columns[0]?.bar?.height ?? 0;
    expect(columns[1]?.bar?.height).toBeCloseTo(full / 2, 0);
    expect(columns[2]?.bar).toBeNull();
    expect((columns[3]?.bar?.y ?? 0) + (columns[3]?.bar?.height ?? 0)).toBeCloseTo(baseline, 0);
    // The line joins the three weeks that had sessions, in time order.
    expect(line.split(' ')).toHaveLength(3);
  });

  it('runs time right to left in Arabic: the first week at the right, the rate axis at the right too', () => {
    const ltr = attendanceGeometry(weeks, false);
    const rtl = attendanceGeometry(weeks, true);
    const centres = rtl.columns.map((column) => column.centre);
    expect([...centres].sort((a, b) => b - a)).toEqual(centres);
    rtl.columns.forEach((column, index) => expect(column.centre).toBeCloseTo(rtl.width - (ltr.columns[index]?.centre ?? 0), 5));
    expect(rtl.grid[0]?.label.x).toBeGreaterThan(rtl.width / 2);
    expect(ltr.grid[0]?.label.x).toBeLessThan(ltr.width / 2);
  });

  it('writes at most about six dates under a long axis, always the first', () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ date: `2026-01-${String(index + 1).padStart(2, '0')}`, held: 1, attended: 1, rate: 1 }));
    const ticks = attendanceGeometry(many, false).columns.filter((column) => column.tick);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]?.date).toBe('2026-01-01');
  });

  it('always writes the latest date, and never two dates in neighbouring columns', () => {
    for (const length of [2, 7, 10, 13, 17, 26]) {
      const points = Array.from({ length }, (_, index) => ({ date: `2026-03-${String(index + 1).padStart(2, '0')}`, held: 1, attended: 1, rate: 1 }));
      const labelled = attendanceGeometry(points, false)
        .columns.map((column, index) => (column.tick ? index : -1))
        .filter((index) => index >= 0);
      expect(labelled.at(-1)).toBe(length - 1);
      labelled.slice(1).forEach((index, i) => expect(index - labelled[i]).toBeGreaterThanOrEqual(Math.min(2, length - 1)));
    }
  });
});
