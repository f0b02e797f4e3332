#!/usr/bin/env node
/**
 * Certificates benchmark (issue 6), three parts:
 *   1. the PDF renderer of `@halaqa/certificates` alone, 1,000 certificates with varied Arabic and Latin names in one
 *      process: p50/p95 per certificate, median size, the process's peak RSS;
 *   2. the same certificate as HTML printed by headless Chromium (one page reused, Amiri from the same TTF through
 *      @font-face, the QR code as SVG), 50 times: p50, and how many times faster the PDF renderer is;
 *   3. issuing a cohort of 1,000 through the api and the worker (cohort_1000_seconds) — `cohortBenchmark` below.
 * Needs the built library (`npx nx build certificates`); part 3 also the built api, PostgreSQL and Redis. Last line:
 * one JSON object.
 *
 *   npm run bench:certificates
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, percentile, step } from './lib.mjs';

const require = createRequire(join(ROOT, 'certificates', 'package.json'));
const { renderCertificatePdf, CERTIFICATE_LABELS, formatDay, formatDayRange, formatVerificationCode } = require(join(ROOT, 'certificates', 'dist', 'index.js'));

const SIZES = { pdfs: 1000, warmup: 20, chromium: 50 };

const FIRST = ['سارة', 'محمد', 'ليلى', 'عمر', 'هالة', 'يوسف', 'نور', 'خالد', 'رنا', 'عبد الله', 'مريم', 'إبراهيم', 'زينب', 'طارق', 'آمنة', 'حسن'];
const MIDDLE = ['', 'بن علي ', 'عبد الرحمن ', 'أحمد ', 'مصطفى '];
const LAST = ['الحسيني', 'حدّاد', 'الخطيب', 'منصور', 'العلي', 'بن عاشور', 'الزعبي', 'الطرابلسي', 'الفاسي', 'النجار', 'عَبْدُ اللّٰهِ'];
const LATIN_FIRST = ['Sara', 'Mohammed', 'Layla', 'Omar', 'Hala', 'Youssef', 'Nour', 'Khaled', 'Rana', 'Abdallah', 'Maryam', 'Ibrahim', 'Zeineb', 'Tarek', 'Amina', 'Hassan'];
const LATIN_LAST = ['Al-Husseini', 'Haddad', 'El Khatib', 'Mansour', 'Al-Ali', 'Ben Achour', 'Zoubi', 'Trabelsi', 'El Fassi', 'Najjar', 'Abdallah'];

/** The i-th certificate: names vary (so shaping is not all cached), everything else as a real cohort would print. */
function certificate(i) {
  const code = `H4TB8W1QKZ3M0R5NYC2EV${String(i).padStart(5, '0')}PQ`.slice(0, 28);
  return {
    code,
    verifyUrl: `https://halaqa.example.org/verify/${code}`,
    secondaryLocale: i % 4 === 0 ? 'fr' : 'en',
    recipient: {
      nameArabic: i % 25 === 0 ? null : `${FIRST[i % FIRST.length]} ${MIDDLE[i % MIDDLE.length]}${LAST[(i * 7) % LAST.length]}`,
      nameLatin: i % 31 === 0 ? null : `${LATIN_FIRST[i % LATIN_FIRST.length]} ${LATIN_LAST[(i * 7) % LATIN_LAST.length]}`,
    },
    courseTitle: { ar: 'التيسير التشاركي للمجموعات', en: 'Participatory group facilitation', fr: 'Animation participative de groupes' },
    cohortName: { ar: 'دفعة ربيع 2026', en: 'Spring 2026', fr: 'Printemps 2026' },
    city: { ar: 'عمّان', en: 'Amman', fr: 'Amman' },
    online: i % 3 === 0,
    startsOn: '2026-03-01',
    endsOn: '2026-04-30',
    issuedOn: '2026-05-03',
    issuer: { name: { ar: 'حلقة', en: 'Halaqa', fr: 'Halaqa' }, url: 'https://halaqa.example.org' },
    signatories: [
      { name: 'ليلى حدّاد', title: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer', fr: 'Formatrice principale' } },
      { name: 'Omar Khalil', title: { ar: 'مرافق الحلقة', en: 'Circle coach', fr: 'Accompagnateur du cercle' } },
    ],
  };
}

/** Part 1: the PDF renderer in this process. */
async function pdfBenchmark() {
  step(`part 1: ${SIZES.pdfs} PDFs with pdfkit (after ${SIZES.warmup} to warm up)`);
  for (let i = 0; i < SIZES.warmup; i++) await renderCertificatePdf(certificate(SIZES.pdfs + i));
  const times = [];
  const cpu = [];
  const sizes = [];
  for (let i = 0; i < SIZES.pdfs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const pdf = await renderCertificatePdf(certificate(i));
    times.push(performance.now() - t0);
    const { user, system } = process.cpuUsage(c0);
    cpu.push((user + system) / 1000);
    sizes.push(pdf.length);
  }
  for (const list of [times, cpu, sizes]) list.sort((a, b) => a - b);
  const result = {
    pdf_p50_ms: +percentile(times, 50).toFixed(2),
    pdf_p95_ms: +percentile(times, 95).toFixed(2),
    // CPU time of this process per certificate: what a busy machine's wall clock inflates least.
    pdf_cpu_p50_ms: +percentile(cpu, 50).toFixed(2),
    pdf_bytes: percentile(sizes, 50),
    // maxRSS is in kilobytes: the whole process (Node, the two parsed Amiri faces, the shared layout cache).
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  step(`pdf p50 ${result.pdf_p50_ms} ms, p95 ${result.pdf_p95_ms} ms (CPU p50 ${result.pdf_cpu_p50_ms} ms), median ${(result.pdf_bytes / 1024).toFixed(1)} KiB, peak RSS ${result.peak_rss_mb} MB`);
  return result;
}

const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The same certificate as an HTML page (the browser does bidi and shaping itself). */
async function certificateHtml(fields, fontUrls) {
  const second = fields.secondaryLocale;
  const ar = CERTIFICATE_LABELS.ar;
  const other = CERTIFICATE_LABELS[second];
  const text = (value, locale) => value[locale] || value[locale === 'ar' ? second : 'ar'] || '';
  const place = (locale) => (fields.online ? CERTIFICATE_LABELS[locale].online : text(fields.city, locale));
  const details = (locale) =>
    [`${CERTIFICATE_LABELS[locale].cohort}: ${text(fields.cohortName, locale)}`, place(locale), formatDayRange(fields.startsOn, fields.endsOn, locale)].filter(Boolean).join(' · ');
  const qr = require('qrcode');
  const svg = await qr.toString(fields.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const line = (value, lang, cls) => (value ? `<p lang="${lang}" dir="auto" class="${cls}">${escape(value)}</p>` : '');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face { font-family: Amiri; src: url(${fontUrls.regular}); font-weight: 400; }
@font-face { font-family: Amiri; src: url(${fontUrls.bold}); font-weight: 700; }
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; font-family: Amiri; color: #1d2626; }
.page { box-sizing: border-box; width: 297mm; height: 210mm; padding: 7.8mm; }
.frame { box-sizing: border-box; height: 100%; border: 2pt solid #a8812f; padding: 4pt; }
.inner { box-sizing: border-box; height: 100%; border: 0.75pt solid #0f5e59; text-align: center; position: relative; padding-top: 10pt; }
p { margin: 0; line-height: 1.25; }
.issuer { color: #0f5e59; font-weight: 700; font-size: 15pt; } .issuer2 { color: #0f5e59; font-size: 11pt; }
.title { font-weight: 700; font-size: 36pt; } .title2 { font-size: 18pt; }
.label { color: #4f5d5d; font-size: 12pt; } .label2 { color: #4f5d5d; font-size: 11pt; }
.name { color: #0f5e59; font-weight: 700; font-size: 32pt; } .name2 { color: #0f5e59; font-weight: 700; font-size: 26pt; }
.course { font-weight: 700; font-size: 22pt; } .course2 { font-size: 17pt; } .details { font-size: 13pt; } .details2 { font-size: 11.5pt; }
.band { position: absolute; bottom: 14pt; left: 14pt; right: 14pt; display: flex; direction: ltr; align-items: flex-end; gap: 12pt; }
.qr svg { width: 84pt; height: 84pt; display: block; } .verify { width: 232pt; font-size: 10pt; } .code { font-weight: 700; font-size: 13pt; }
.signatories { flex: 1; display: flex; flex-direction: row-reverse; justify-content: space-around; font-size: 10pt; }
.signatory { border-top: 0.6pt solid #a8812f; min-width: 120pt; padding-top: 4pt; }
</style></head><body><div class="page"><div class="frame"><div class="inner">
${line(text(fields.issuer.name, 'ar'), 'ar', 'issuer')}${line(text(fields.issuer.name, second), second, 'issuer2')}
${line(ar.title, 'ar', 'title')}${line(other.title, second, 'title2')}
${line(ar.awardedTo, 'ar', 'label')}${line(other.awardedTo, second, 'label2')}
${line(fields.recipient.nameArabic, 'ar', 'name')}${line(fields.recipient.nameLatin, second, 'name2')}
${line(ar.hasCompleted, 'ar', 'label')}${line(other.hasCompleted, second, 'label2')}
${line(text(fields.courseTitle, 'ar'), 'ar', 'course')}${line(text(fields.courseTitle, second), second, 'course2')}
${line(details('ar'), 'ar', 'details')}${line(details(second), second, 'details2')}
<div class="band"><div class="qr">${svg}</div><div class="verify">
${line(`${ar.code} · ${other.code}`, 'ar', '')}${line(formatVerificationCode(fields.code), 'en', 'code')}
${line(`${ar.verifyAt} · ${other.verifyAt}`, 'ar', '')}${line(fields.verifyUrl, 'en', '')}</div>
<div class="signatories">${fields.signatories
    .map((s) => `<div class="signatory">${line(s.name, 'ar', 'code')}${line(text(s.title, 'ar'), 'ar', '')}${line(text(s.title, second), second, '')}</div>`)
    .join('')}</div></div>
${line(`${ar.issuedOn} ${formatDay(fields.issuedOn, 'ar')}`, 'ar', 'details')}${line(`${other.issuedOn} ${formatDay(fields.issuedOn, second)}`, second, 'details2')}
</div></div></div></body></html>`;
}

/** Part 2: the same certificate printed by headless Chromium, one page reused. */
async function chromiumBenchmark(pdfP50) {
  const { chromium } = require('playwright-core');
  const amiri = join(require.resolve('@expo-google-fonts/amiri/package.json'), '..');
  const fontUrls = {
    regular: pathToFileURL(join(amiri, '400Regular', 'Amiri_400Regular.ttf')).href,
    bold: pathToFileURL(join(amiri, '700Bold', 'Amiri_700Bold.ttf')).href,
  };
  step(`part 2: ${SIZES.chromium} PDFs of the same certificates as HTML with headless Chromium`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    // A file:// document may load the TTF from disk like the renderer does (about:blank may not).
    await page.goto(pathToFileURL(join(ROOT, 'bench', 'README.md')).href);
    const times = [];
    for (let i = -3; i < SIZES.chromium; i++) {
      const t0 = performance.now();
      await page.setContent(await certificateHtml(certificate(Math.max(i, 0)), fontUrls), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      if (pdf.length < 1000) throw new Error('Chromium printed an empty PDF');
      if (i >= 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const chromiumP50 = +percentile(times, 50).toFixed(1);
    const result = { chromium_p50_ms: chromiumP50, speedup_vs_chromium: +(chromiumP50 / pdfP50).toFixed(1) };
    step(`chromium p50 ${chromiumP50} ms: pdfkit is ${result.speedup_vs_chromium}× faster`);
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * Part 3 (bench/certificates-cohort.mjs): issue certificates to a cohort of 1,000 through the api and let the worker
 * render and email them all; returns `{ cohort_1000_seconds, … }`.
 */
export async function cohortBenchmark() {
  step('part 3: a cohort of 1,000 issued through the api, rendered and emailed by the worker');
  const { issueCohort1000 } = await import('./certificates-cohort.mjs');
  return issueCohort1000();
}

async function main() {
  const pdf = await pdfBenchmark();
  const chromium = await chromiumBenchmark(pdf.pdf_p50_ms);
  const cohort = await cohortBenchmark();
  console.log(JSON.stringify({ bench: 'certificates', sizes: SIZES, results: { ...pdf, ...chromium, ...cohort } }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
