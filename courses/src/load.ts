import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type {
  Course,
  CourseIssue,
  CourseLocale,
  CourseModule,
  ExerciseTemplate,
  Lesson,
  Localized,
  RubricCriterion,
  ValidatedCourse,
} from './manifest';

/** Absolute path of `courses/content`, the same from `courses/src` (ts, jest) and from `courses/dist` (built). */
export const courseContentDir: string = path.resolve(__dirname, '..', 'content');

const LOCALES = ['ar', 'en', 'fr'] as const;
const KEY = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by "-", e.g. story-of-self');
const localized = z
  .object({ ar: z.string().optional(), en: z.string().optional(), fr: z.string().optional() })
  .strict();
/** A Markdown file per locale: a path relative to the course folder containing `{locale}`. */
const markdownRef = z.string().regex(/\{locale\}/, 'must be a path containing {locale}, e.g. modules/01/lesson-1.{locale}.md');

const levelSchema = z.object({ key: KEY, points: z.number().int().min(0), label: localized, description: localized }).strict();
const criterionSchema = z.object({ key: KEY, title: localized, levels: z.array(levelSchema).min(2) }).strict();
const exerciseSchema = z
  .object({
    key: KEY,
    title: localized,
    instructions: markdownRef,
    submissionKind: z.enum(['text', 'file', 'both']),
    rubric: z.array(criterionSchema).min(1),
    passMark: z.number().int().min(0),
    dueAfterDays: z.number().int().min(0).max(365),
  })
  .strict();
const lessonSchema = z.object({ key: KEY, title: localized, body: markdownRef, duration: z.number().int().positive() }).strict();
const moduleSchema = z
  .object({
    key: KEY,
    title: localized,
    summary: localized,
    lessons: z.array(lessonSchema).min(1),
    exercises: z.array(exerciseSchema).default([]),
  })
  .strict();
const manifestSchema = z
  .object({
    slug: KEY,
    title: localized,
    summary: localized,
    locales: z.array(z.enum(LOCALES)).min(1),
    completion: z
      .object({
        minAttendancePercent: z.number().min(0).max(100),
        requiredExercises: z.union([z.literal('all'), z.array(KEY)]),
        finalReview: z.boolean(),
      })
      .strict(),
    modules: z.array(moduleSchema).min(1),
  })
  .strict();
type Manifest = z.infer<typeof manifestSchema>;
type Path = (string | number)[];

class Reporter {
  readonly issues: CourseIssue[] = [];
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Line of the YAML node at `at`, or of its nearest existing parent. */
  lineOf(at: Path): number | null {
    for (let n = at.length; n >= 0; n--) {
      // A value inside a mapping is named by its key's line (`title:`), where an author looks for it, even when the
      // value is a block that starts on the next line.
      const parent = n > 0 ? this.doc.getIn(at.slice(0, n - 1), true) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === at[n - 1]);
        const k = pair?.key as YamlNode | undefined;
        if (k?.range) return this.lines.linePos(k.range[0]).line;
      }
      const node = this.doc.getIn(at.slice(0, n), true) as YamlNode | undefined;
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  add(at: Path, message: string): void {
    this.issues.push({ file: this.file, line: this.lineOf(at), message: `${at.join('.') || '(root)'}: ${message}` });
  }
}

/** Reads one course folder (`course.yaml` plus its Markdown) and validates it. */
export async function loadCourse(dir: string): Promise<{ course?: ValidatedCourse; issues: CourseIssue[] }> {
  const file = path.join(dir, 'course.yaml');
  let source: string;
  try {
    source = await fs.readFile(file, 'utf8');
  } catch {
    return { issues: [{ file, line: null, message: 'course.yaml not found' }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({ file, line: lines.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const r = new Reporter(file, doc, lines);
  const parsed = manifestSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // An unknown field is pointed at by its own line, not its parent's.
      r.add(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path, issue.message);
    }
    return { issues: r.issues };
  }
  const m = parsed.data;
  if (m.slug !== path.basename(dir)) r.add(['slug'], `must match the folder name "${path.basename(dir)}"`);
  const course = await checkAndBuild(m, dir, r);
  if (r.issues.length > 0) return { issues: r.issues };
  return { course: { course, contentHash: contentHash(course) }, issues: [] };
}

function checkLocalized(r: Reporter, locales: CourseLocale[], value: Localized, at: Path): void {
  for (const l of locales) if (!value[l]?.trim()) r.add([...at, l], `missing text in locale "${l}" (listed in locales)`);
}

function unique(r: Reporter, items: { key: string }[], at: Path, what: string, seen = new Map<string, Path>()): void {
  items.forEach((item, i) => {
    const first = seen.get(item.key);
    if (first) r.add([...at, i, 'key'], `duplicate ${what} key "${item.key}" (first at ${first.join('.')})`);
    else seen.set(item.key, [...at, i]);
  });
}

interface MarkdownFile {
  file: string;
  text: string;
  at: Path;
}

async function readMarkdown(r: Reporter, dir: string, ref: string, locales: CourseLocale[], at: Path, out: MarkdownFile[]): Promise<Localized> {
  const result: Localized = {};
  for (const l of locales) {
    const file = path.join(dir, ref.replaceAll('{locale}', l));
    try {
      const text = await fs.readFile(file, 'utf8');
      if (!text.trim()) r.add(at, `${path.relative(dir, file)} is empty`);
      result[l] = text.replace(/\r\n/g, '\n').trim() + '\n';
      out.push({ file, text, at });
    } catch {
      r.add(at, `missing Markdown file ${path.relative(dir, file)} for locale "${l}"`);
    }
  }
  return result;
}

async function checkAndBuild(m: Manifest, dir: string, r: Reporter): Promise<Course> {
  const locales = [...new Set(m.locales)];
  if (locales.length !== m.locales.length) r.add(['locales'], 'a locale is listed twice');
  checkLocalized(r, locales, m.title, ['title']);
  checkLocalized(r, locales, m.summary, ['summary']);
  unique(r, m.modules, ['modules'], 'module');
  const exerciseKeys = new Map<string, Path>();
  const markdown: MarkdownFile[] = [];
  const modules: CourseModule[] = [];
  for (const [mi, mod] of m.modules.entries()) {
    const mp: Path = ['modules', mi];
    checkLocalized(r, locales, mod.title, [...mp, 'title']);
    checkLocalized(r, locales, mod.summary, [...mp, 'summary']);
    unique(r, mod.lessons, [...mp, 'lessons'], 'lesson');
    unique(r, mod.exercises, [...mp, 'exercises'], 'exercise', exerciseKeys);
    const lessons: Lesson[] = [];
    for (const [li, lesson] of mod.lessons.entries()) {
      const lp: Path = [...mp, 'lessons', li];
      checkLocalized(r, locales, lesson.title, [...lp, 'title']);
      const body = await readMarkdown(r, dir, lesson.body, locales, [...lp, 'body'], markdown);
      lessons.push({ key: lesson.key, title: lesson.title, body, duration: lesson.duration });
    }
    const exercises: ExerciseTemplate[] = [];
    for (const [ei, ex] of mod.exercises.entries()) {
      const ep: Path = [...mp, 'exercises', ei];
      checkLocalized(r, locales, ex.title, [...ep, 'title']);
      const instructions = await readMarkdown(r, dir, ex.instructions, locales, [...ep, 'instructions'], markdown);
      checkRubric(r, locales, ex.rubric, [...ep, 'rubric']);
      const max = ex.rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);
      if (ex.passMark > max) r.add([...ep, 'passMark'], `passMark ${ex.passMark} is above the rubric maximum ${max}`);
      exercises.push({ ...ex, instructions });
    }
    modules.push({ key: mod.key, title: mod.title, summary: mod.summary, lessons, exercises });
  }
  if (m.completion.requiredExercises !== 'all') {
    m.completion.requiredExercises.forEach((k, i) => {
      if (!exerciseKeys.has(k)) r.add(['completion', 'requiredExercises', i], `no exercise with key "${k}"`);
    });
  }
  const lessonKeys = new Set(m.modules.flatMap((mod) => mod.lessons.map((l) => `${mod.key}/${l.key}`)));
  for (const md of markdown) checkMarkdown(r, md, lessonKeys);
  return {
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    locales,
    modules,
    completion: m.completion,
  };
}

function checkRubric(r: Reporter, locales: CourseLocale[], rubric: RubricCriterion[], at: Path): void {
  unique(r, rubric, at, 'criterion');
  const reference = rubric[0].levels.map((l) => l.key).join(', ');
  rubric.forEach((c, ci) => {
    const cp = [...at, ci];
    checkLocalized(r, locales, c.title, [...cp, 'title']);
    const keys = c.levels.map((l) => l.key).join(', ');
    if (keys !== reference) r.add([...cp, 'levels'], `levels must be [${reference}] as in the first criterion, found [${keys}]`);
    c.levels.forEach((level, li) => {
      checkLocalized(r, locales, level.label, [...cp, 'levels', li, 'label']);
      checkLocalized(r, locales, level.description, [...cp, 'levels', li, 'description']);
      if (li > 0 && level.points <= c.levels[li - 1].points) {
        r.add([...cp, 'levels', li, 'points'], `points must increase strictly (${c.levels[li - 1].points} then ${level.points})`);
      }
    });
  });
}

const HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function checkMarkdown(r: Reporter, md: MarkdownFile, lessonKeys: Set<string>): void {
  let fenced = false;
  md.text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const text = raw.replace(/`[^`]*`/g, '');
    if (HTML.test(text)) r.issues.push({ file: md.file, line, message: 'raw HTML is not allowed in course Markdown' });
    for (const match of text.matchAll(LINK)) {
      const target = match[1];
      if (!target.startsWith('lesson:')) continue;
      const ref = target.slice('lesson:'.length);
      if (!lessonKeys.has(ref)) r.issues.push({ file: md.file, line, message: `link to unknown lesson "${ref}" (expected lesson:<module-key>/<lesson-key>)` });
    }
  });
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 (hex) of the course as canonical JSON (object keys sorted): unchanged content gives the same hash. */
export function contentHash(course: Course): string {
  return createHash('sha256').update(JSON.stringify(canonical(course))).digest('hex');
}

/** Loads every course folder (each subfolder holding a `course.yaml`) under `rootDir`. */
export async function loadCourses(rootDir: string = courseContentDir): Promise<{ courses: ValidatedCourse[]; issues: CourseIssue[] }> {
  const entries = await fs.readdir(rootDir, { withFileTypes: true });
  const courses: ValidatedCourse[] = [];
  const issues: CourseIssue[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const result = await loadCourse(path.join(rootDir, entry.name));
    issues.push(...result.issues);
    if (result.course) courses.push(result.course);
  }
  return { courses, issues };
}
