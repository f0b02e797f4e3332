import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSlug } from './partner-summary.service';
import { MAX_COHORT_ROWS, renderSummaryPdf, type SummaryPdfInput } from './summary-pdf';

/** pdftotext reverses right-to-left stretches inside RLE…PDF; undo it to read the logical text. */
function logicalText(popplerText: string): string {
  return popplerText.replace(/\u202B([^\u202C]*)\u202C/g, (_, rtl: string) => [...rtl].reverse().join('')).replace(/[\u202A-\u202E]/g, '');
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The PDF's text as pdftotext reads it, by page, and pdfinfo's report. poppler reports a malformed content stream
 * (an EMC without its BDC, marked content left open at a page's end) on stderr and reads on: that must stay empty.
 */
async function read(input: SummaryPdfInput): Promise<{ text: string; pages: string[]; info: string }> {
  const file = join(work, `${input.locale}.pdf`);
  writeFileSync(file, await renderSummaryPdf(input));
  const extracted = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(extracted.status).toBe(0);
  expect(extracted.stderr).toBe('');
  const raw = logicalText(extracted.stdout);
  return { text: raw.replace(/\s+/g, ' '), pages: raw.split('\f').filter((page) => page.trim()), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
}

const base: Omit<SummaryPdfInput, 'locale' | 'cohorts'> = {
  organizationName: 'منتدى النجف الاجتماعي',
  preparedOn: '2026-11-21',
  filters: [],
  funnel: { enrolled: 260, active: 200, completed: 120, certified: 90 },
  hiddenCount: 0,
  seats: [],
};

const cohorts = (count: number): SummaryPdfInput['cohorts'] =>
  Array.from({ length: count }, (_, i) => ({ cohort: `Cohort ${i + 1}`, enrolled: 1, active: 1, completed: 0, certified: 0, attendance: null }));

describe('summary PDF', () => {
  it(`stops the per-cohort table at ${MAX_COHORT_ROWS} rows and says how many more, repeating the header on every page`, async () => {
    const { text, pages, info } = await read({ ...base, locale: 'en', cohorts: cohorts(MAX_COHORT_ROWS + 7) });
    expect(text).toContain(`Cohort ${MAX_COHORT_ROWS} `);
    expect(text).not.toContain(`Cohort ${MAX_COHORT_ROWS + 1} `);
    expect(text).toContain('… and 7 more cohorts (see the CSV export).');
    expect(pages.length).toBeGreaterThan(3);
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages.length}\\b`));
    // Tagged for screen readers: headings, tables with header cells, page furniture as artifacts.
    expect(info).toMatch(/Tagged:\s+yes/);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      if (index > 0 && index < pages.length - 1) expect(page).toContain('Average attendance');
    }
    // No one chose to hide: the hidden-staff sentence is left out; an empty seat list says so.
    expect(text).not.toContain('not agreed');
    expect(text).toContain('No seats are allocated to the organization in these cohorts.');
  });

  it('writes the Arabic organization name and Arabic labels in reading order, with the Arabic plural for the rest', async () => {
    const { text } = await read({ ...base, locale: 'ar', hiddenCount: 3, cohorts: cohorts(MAX_COHORT_ROWS + 2) });
    for (const words of ['منتدى النجف الاجتماعي', 'ملخّص تقدّم الفريق', 'أُعِدّ في 21 نوفمبر 2026', 'عوامل التصفية: لا شيء: كل فريق المنظمة', '3 أعضاء من الفريق لم يوافقوا على مشاركة تقدّمهم فلا يُحتسبون.', '… ودفعتان أخريان (انظر ملف CSV).']) {
      expect(text).toContain(words);
    }
  });

  it('says so when no consenting staff match', async () => {
    const { text } = await read({ ...base, locale: 'fr', funnel: { enrolled: 0, active: 0, completed: 0, certified: 0 }, cohorts: [] });
    expect(text).toContain('Aucun membre de l’équipe partageant sa progression ne correspond à ces filtres.');
  });
});

describe('fileSlug', () => {
  it.each([
    ['Najaf Social Forum', 'najaf-social-forum'],
    ['Association des Femmes de Sfax — Élan', 'association-des-femmes-de-sfax-elan'],
    ['منتدى النجف', ''],
  ])('%s → %s', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });
});
