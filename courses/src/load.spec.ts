import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash, loadCourse, loadCourses } from './load';
import type { CourseIssue } from './manifest';

/**
 * Each case copies the small valid course in `__fixtures__/mini-course` to a temporary folder, breaks one thing the
 * way an author would, and checks the validator names the file and the line a person must fix.
 */
const FIXTURE = path.join(__dirname, '__fixtures__', 'mini-course');
const tempDirs: string[] = [];

async function copyFixture(name = 'mini-course'): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'halaqa-course-'));
  tempDirs.push(root);
  const dir = path.join(root, name);
  await fs.cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function edit(dir: string, file: string, from: string | RegExp, to: string): Promise<void> {
  const target = path.join(dir, file);
  const before = await fs.readFile(target, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit did not apply: ${String(from)} in ${file}`);
  await fs.writeFile(target, after);
}

/** Issues as `file:line: message` relative to the course folder, the way the CLI prints them. */
function render(dir: string, issues: CourseIssue[]): string[] {
  return issues.map((i) => `${path.relative(dir, i.file)}:${i.line ?? '?'}: ${i.message}`);
}

async function issuesAfter(change: (dir: string) => Promise<void>): Promise<string[]> {
  const dir = await copyFixture();
  await change(dir);
  const result = await loadCourse(dir);
  expect(result.course).toBeUndefined();
  return render(dir, result.issues);
}

afterAll(async () => {
  await Promise.all(tempDirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('a valid course', () => {
  it('loads with its Markdown per locale and no issues', async () => {
    const dir = await copyFixture();
    const { course, issues } = await loadCourse(dir);
    expect(issues).toEqual([]);
    expect(course?.course.slug).toBe('mini-course');
    expect(course?.course.locales).toEqual(['ar', 'en']);
    expect(course?.course.modules[0].lessons.map((l) => l.key)).toEqual(['why', 'how']);
    expect(course?.course.modules[0].lessons[0].body.ar).toContain('القصة تحرك القلب');
    expect(course?.course.modules[0].exercises[0].instructions.en).toBe('# My first story\n\nWrite a two-minute story.\n');
    expect(course?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the same hash for the same content, whatever the key order or line endings', async () => {
    const a = await copyFixture();
    const b = await copyFixture();
    await edit(b, 'course.yaml', '  ar: دورة صغيرة\n  en: A small course', '  en: A small course\n  ar: دورة صغيرة');
    await fs.writeFile(path.join(b, 'modules/01/how.en.md'), '# How\r\n\r\nStart with a choice point.\r\n');
    const [ha, hb] = await Promise.all([loadCourse(a), loadCourse(b)]);
    expect(hb.issues).toEqual([]);
    expect(hb.course?.contentHash).toBe(ha.course?.contentHash);
    expect(contentHash(hb.course!.course)).toBe(ha.course?.contentHash);
  });

  it('changes the hash when a word of a lesson changes', async () => {
    const a = await copyFixture();
    const b = await copyFixture();
    await edit(b, 'modules/01/how.ar.md', 'لحظة اختيار', 'لحظة الاختيار');
    const [ha, hb] = await Promise.all([loadCourse(a), loadCourse(b)]);
    expect(hb.course?.contentHash).not.toBe(ha.course?.contentHash);
  });
});

describe('problems, each named by file and line', () => {
  it('YAML syntax: the line of the broken indentation', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '      en: Stories', '     en: Stories'))).toEqual([expect.stringMatching(/^course\.yaml:17: YAML: /)]);
  });

  it('a key given twice in one mapping', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '        duration: 30', '        duration: 30\n        duration: 40'))).toEqual([expect.stringMatching(/^course\.yaml:28: YAML: .*unique/i)]);
  });

  it('an unknown field, pointing at that field', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '        duration: 45', '        duration: 45\n        video: intro.mp4'))).toEqual([
      "course.yaml:34: modules.0.lessons.1.video: Unrecognized key(s) in object: 'video'",
    ]);
  });

  it('a wrong type', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', 'duration: 45', 'duration: forty-five'))).toEqual([expect.stringMatching(/^course\.yaml:33: modules\.0\.lessons\.1\.duration: /)]);
  });

  it('a key that is not kebab-case', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '- key: how', '- key: How_To'))).toEqual([
      'course.yaml:28: modules.0.lessons.1.key: must be lowercase words joined by "-", e.g. story-of-self',
    ]);
  });

  it('a slug that does not match its folder', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', 'slug: mini-course', 'slug: other-course'))).toEqual(['course.yaml:1: slug: must match the folder name "mini-course"']);
  });

  it('a text missing in a listed locale', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '          en: My first story\n', ''))).toEqual([
      'course.yaml:36: modules.0.exercises.0.title.en: missing text in locale "en" (listed in locales)',
    ]);
  });

  it('a locale added to `locales` without its texts and files reports each of them', async () => {
    const issues = await issuesAfter((d) => edit(d, 'course.yaml', 'locales: [ar, en]', 'locales: [ar, en, fr]'));
    expect(issues).toContain('course.yaml:2: title.fr: missing text in locale "fr" (listed in locales)');
    expect(issues).toContain('course.yaml:26: modules.0.lessons.0.body: missing Markdown file modules/01/why.fr.md for locale "fr"');
    expect(issues).toContain('course.yaml:39: modules.0.exercises.0.instructions: missing Markdown file modules/01/first-story.fr.md for locale "fr"');
  });

  it('a missing or empty Markdown file', async () => {
    expect(await issuesAfter((d) => fs.rm(path.join(d, 'modules/01/how.ar.md')))).toEqual([
      'course.yaml:32: modules.0.lessons.1.body: missing Markdown file modules/01/how.ar.md for locale "ar"',
    ]);
    expect(await issuesAfter((d) => fs.writeFile(path.join(d, 'modules/01/how.en.md'), '  \n'))).toEqual(['course.yaml:32: modules.0.lessons.1.body: modules/01/how.en.md is empty']);
  });

  it('a duplicate lesson key (and the links to the lesson that lost its key)', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', '- key: how', '- key: why'))).toEqual([
      'course.yaml:28: modules.0.lessons.1.key: duplicate lesson key "why" (first at modules.0.lessons.0)',
      'modules/01/why.ar.md:3: link to unknown lesson "stories/how" (expected lesson:<module-key>/<lesson-key>)',
      'modules/01/why.en.md:3: link to unknown lesson "stories/how" (expected lesson:<module-key>/<lesson-key>)',
    ]);
  });

  it('rubric criteria whose levels differ from the first criterion', async () => {
    const issues = await issuesAfter((d) => edit(d, 'course.yaml', /(- key: values[\s\S]*?)- key: proficient/, '$1- key: advanced'));
    expect(issues).toEqual(['course.yaml:61: modules.0.exercises.0.rubric.1.levels: levels must be [beginning, proficient] as in the first criterion, found [beginning, advanced]']);
  });

  it('rubric points that do not increase', async () => {
    const issues = await issuesAfter((d) => edit(d, 'course.yaml', /points: 3/, 'points: 1'));
    expect(issues).toEqual(['course.yaml:54: modules.0.exercises.0.rubric.0.levels.1.points: points must increase strictly (1 then 1)']);
  });

  it('a pass mark above what the rubric can give', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', 'passMark: 4', 'passMark: 7'))).toEqual(['course.yaml:41: modules.0.exercises.0.passMark: passMark 7 is above the rubric maximum 6']);
  });

  it('a required exercise that does not exist', async () => {
    expect(await issuesAfter((d) => edit(d, 'course.yaml', 'requiredExercises: [first-story]', 'requiredExercises: [first-story, last-story]'))).toEqual([
      'course.yaml:11: completion.requiredExercises.1: no exercise with key "last-story"',
    ]);
  });

  it('a link to a lesson that does not exist, at its line in the Markdown', async () => {
    expect(await issuesAfter((d) => edit(d, 'modules/01/why.en.md', 'lesson:stories/how', 'lesson:stories/when'))).toEqual([
      'modules/01/why.en.md:3: link to unknown lesson "stories/when" (expected lesson:<module-key>/<lesson-key>)',
    ]);
  });

  it('raw HTML in Markdown, but not inside code', async () => {
    expect(await issuesAfter((d) => edit(d, 'modules/01/how.ar.md', 'ابدأ بلحظة اختيار.', 'ابدأ بلحظة اختيار.\n\n<script>alert(1)</script>'))).toEqual([
      'modules/01/how.ar.md:5: raw HTML is not allowed in course Markdown',
    ]);
    const dir = await copyFixture();
    await edit(dir, 'modules/01/how.en.md', 'Start with a choice point.', 'Write `<b>` literally.\n\n```\n<div>example</div>\n```');
    expect((await loadCourse(dir)).issues).toEqual([]);
  });

  it('a folder without course.yaml', async () => {
    const dir = await copyFixture();
    await fs.rm(path.join(dir, 'course.yaml'));
    expect(render(dir, (await loadCourse(dir)).issues)).toEqual(['course.yaml:?: course.yaml not found']);
  });
});

describe('loadCourses', () => {
  it('loads every folder, reporting the broken ones and keeping the good ones', async () => {
    const good = await copyFixture();
    const root = path.dirname(good);
    const broken = path.join(root, 'broken-course');
    await fs.cp(FIXTURE, broken, { recursive: true });
    await edit(broken, 'course.yaml', 'slug: mini-course', 'slug: broken-course');
    await edit(broken, 'course.yaml', 'passMark: 4', 'passMark: 99');
    const { courses, issues } = await loadCourses(root);
    expect(courses.map((c) => c.course.slug)).toEqual(['mini-course']);
    expect(issues).toEqual([{ file: path.join(broken, 'course.yaml'), line: 41, message: 'modules.0.exercises.0.passMark: passMark 99 is above the rubric maximum 6' }]);
  });
});
