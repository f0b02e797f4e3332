import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { FRAME_INSET, PAGE, renderCertificatePdf } from './certificate-pdf';
import type { CertificateFields } from './fields';
import { format as groupInFours } from './verification-code';

/**
 * Renders certificates with hard names to PDF and to PNG (poppler), keeps the pictures under var/review/certificates/
 * for a person to look at, and checks what a reader of the PDF would notice: every printed field extractable in
 * reading order, a QR code that decodes to the verify URL, fonts embedded as subsets, A4 landscape, tagged, ink where
 * the name is and none outside the frame.
 */
const REVIEW_DIR = resolve(__dirname, '../../var/review/certificates');
const DPI = 60;

function makeFields(overrides: Partial<CertificateFields> & { recipient: CertificateFields['recipient'] }): CertificateFields {
  return {
    code: 'H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
    verifyUrl: 'https://halaqa.example.org/verify/H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
    secondaryLocale: 'en',
    courseTitle: { ar: 'التيسير التشاركي للمجموعات', en: 'Participatory group facilitation', fr: 'Animation participative de groupes' },
    cohortName: { ar: 'دفعة ربيع 2026', en: 'Spring 2026', fr: 'Printemps 2026' },
    city: { ar: 'عمّان', en: 'Amman', fr: 'Amman' },
    online: false,
    startsOn: '2026-03-01',
    endsOn: '2026-04-30',
    issuedOn: '2026-05-03',
    issuer: { name: { ar: 'حلقة', en: 'Halaqa', fr: 'Halaqa' }, url: 'https://halaqa.example.org' },
    signatories: [
      { name: 'ليلى حدّاد', title: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer', fr: 'Formatrice principale' } },
      { name: 'Omar Khalil', title: { ar: 'مرافق الحلقة', en: 'Circle coach', fr: 'Accompagnateur du cercle' } },
    ],
    ...overrides,
  };
}

const cases: Array<{ slug: string; fields: CertificateFields }> = [
  { slug: 'diacritics', fields: makeFields({ recipient: { nameArabic: 'عَبْدُ اللّٰهِ بْنُ مُحَمَّد', nameLatin: 'Abdullah bin Muhammad' } }) },
  {
    slug: 'allah-ligature-fr-online',
    fields: makeFields({
      recipient: { nameArabic: 'عبد الله الخطيب', nameLatin: 'Abdallah El Khatib' },
      secondaryLocale: 'fr',
      online: true,
      city: {},
      signatories: [{ name: 'Hélène Lefèvre', title: { ar: 'منسّقة البرنامج', fr: 'Coordinatrice du programme' } }],
    }),
  },
  { slug: 'mixed-scripts', fields: makeFields({ recipient: { nameArabic: 'سارة (Sara) الحسيني 2026', nameLatin: 'Sara Al-Husseini' } }) },
  {
    slug: 'arabic-only-online',
    fields: makeFields({ recipient: { nameArabic: 'هالة عبد الرحمن الزعبي', nameLatin: null }, online: true, city: {}, signatories: [] }),
  },
  { slug: 'french-accents-latin-only', fields: makeFields({ recipient: { nameArabic: null, nameLatin: 'Hélène Lefèvre-Œuvray' }, secondaryLocale: 'fr' }) },
  {
    slug: 'very-long-arabic',
    fields: makeFields({
      recipient: {
        nameArabic: 'عبد الرحمن بن محمد بن عبد الله بن إبراهيم بن عبد العزيز بن سعود بن فيصل الهاشمي القرشي المكي المدني الحجازي',
        nameLatin: 'Abdulrahman Al-Hashimi',
      },
    }),
  },
  {
    slug: 'very-long-latin-three-signatories',
    fields: makeFields({
      recipient: {
        nameArabic: 'مكسيميليان',
        nameLatin: 'Maximilienne-Éléonore de La Rochefoucauld-Montmorency d’Aubigné-Villeneuve des Champs-Élysées et de Saint-Germain',
      },
      signatories: [
        { name: 'ليلى حدّاد', title: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer' } },
        { name: 'Omar Khalil', title: { ar: 'مرافق الحلقة', en: 'Circle coach' } },
        { name: 'Nour El-Din Abdelrahman Al-Masri', title: { ar: 'مدير البرامج في المنظمة الشريكة', en: 'Programme director, partner organization' } },
      ],
    }),
  },
];

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/**
 * The text pdftotext extracts, and what poppler complained of while reading the page: it reports a malformed
 * content stream (an EMC without its BDC, marked content left open at the page's end) on stderr and reads on.
 */
function extract(file: string): { text: string; complaints: string } {
  const result = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return { text: result.stdout, complaints: result.stderr };
}

/**
 * poppler's pdftotext assumes a PDF's glyphs are in display order: it reverses every right-to-left stretch and
 * wraps it in RLE…PDF. Our Arabic lines carry their logical text as ActualText, so that one step is undone here to
 * read what the PDF says (the ADR explains why the PDF keeps the logical text).
 */
function logicalText(popplerText: string): string {
  return popplerText.replace(/\u202B([^\u202C]*)\u202C/g, (_, rtl: string) => [...rtl].reverse().join('')).replace(/[\u202A-\u202E]/g, '');
}

/** The PNG's pixels as ink (darker than near-white) or not. */
function inkAt(png: PNG): (x: number, y: number) => boolean {
  return (x, y) => {
    const i = (png.width * y + x) * 4;
    return Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) < 200;
  };
}

describe('certificate PDF (rendered and reviewed as pictures)', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
    mkdirSync(REVIEW_DIR, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(cases)('$slug: every field readable, QR code leading to the verify URL, fonts embedded, A4 landscape, tagged, drawn inside the frame', async ({ slug, fields }) => {
    const pdf = await renderCertificatePdf(fields);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(work, `${slug}.pdf`);
    writeFileSync(file, pdf);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Pages:\s+1\b/);

    const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\+Amiri-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    const extracted = extract(file);
    expect(extracted.complaints).toBe('');
    const text = logicalText(extracted.text);
    const printed = [
      fields.recipient.nameArabic,
      fields.recipient.nameLatin,
      groupInFours(fields.code),
      fields.verifyUrl,
      fields.courseTitle.ar,
      fields.courseTitle[fields.secondaryLocale],
      ...fields.signatories.map((signatory) => signatory.name),
    ].filter((value): value is string => Boolean(value));
    // A long name may be wrapped onto two lines: compare with line breaks as spaces.
    const flat = text.replace(/\s+/g, ' ');
    for (const value of printed) expect(flat).toContain(value);

    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-singlefile', file, join(REVIEW_DIR, slug)]);
    const png = PNG.sync.read(readFileSync(join(REVIEW_DIR, `${slug}.png`)));
    const px = DPI / 72;
    expect(png.width).toBe(Math.ceil(PAGE.width * px));
    expect(png.height).toBe(Math.ceil(PAGE.height * px));
    const ink = inkAt(png);

    // Nothing between the paper's edge and the gold frame.
    const margin = Math.floor((FRAME_INSET - 2) * px);
    let outside = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const inMargin = x < margin || y < margin || x >= png.width - margin || y >= png.height - margin;
        if (inMargin && ink(x, y)) outside++;
      }
    }
    expect(outside).toBe(0);

    // Nor between the gold frame and the inner one: text that ran into the frame would cross this gap.
    const gap = [Math.ceil((FRAME_INSET + 1.5) * px), Math.floor((FRAME_INSET + 5.5) * px)];
    let inGap = 0;
    for (let o = gap[0]; o <= gap[1]; o++) {
      for (let t = o; t < png.width - o; t++) if (ink(t, o) || ink(t, png.height - 1 - o)) inGap++;
      for (let t = o; t < png.height - o; t++) if (ink(o, t) || ink(png.width - 1 - o, t)) inGap++;
    }
    expect(inGap).toBe(0);

    // The holder's name sits in the middle band of the page: there must be ink there.
    let nameInk = 0;
    for (let y = Math.round(png.height * 0.36); y < Math.round(png.height * 0.56); y++) {
      for (let x = Math.round(png.width * 0.2); x < Math.round(png.width * 0.8); x++) if (ink(x, y)) nameInk++;
    }
    expect(nameInk).toBeGreaterThan(500);

    // A phone can read the QR code, and it leads to the printed URL (rendered finer than the review picture).
    const fine = join(work, `${slug}-qr`);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', '-x', '0', '-y', String(Math.floor(PAGE.height * 0.7 * (150 / 72))), '-W', '600', '-H', '500', file, fine]);
    const qrPng = PNG.sync.read(readFileSync(`${fine}.png`));
    const decoded = jsQR(new Uint8ClampedArray(qrPng.data), qrPng.width, qrPng.height);
    expect(decoded?.data).toBe(fields.verifyUrl);
  });
});
