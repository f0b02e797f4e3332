import { courseContentDir, loadCourses } from './load';

/** The curriculum Halaqa ships (courses/content) must always validate: a broken manifest fails CI, not the demo. */
describe('the shipped curriculum', () => {
  it('validates the three courses, complete in Arabic, English and French, each with four modules or more', async () => {
    const { courses, issues } = await loadCourses(courseContentDir);
    expect(issues).toEqual([]);
    expect(courses.map((c) => c.course.slug)).toEqual(['campaign-management', 'public-narrative', 'strategic-nonviolence']);
    for (const { course } of courses) {
      expect(course.locales).toEqual(expect.arrayContaining(['ar', 'en', 'fr']));
      expect(course.modules.length).toBeGreaterThanOrEqual(4);
      for (const mod of course.modules) {
        expect(mod.lessons.length).toBeGreaterThan(0);
        expect(mod.exercises.length).toBeGreaterThan(0);
        for (const exercise of mod.exercises) expect(exercise.rubric.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('writes Arabic lessons in Arabic, not copies of the English', async () => {
    const { courses } = await loadCourses(courseContentDir);
    for (const { course } of courses) {
      for (const lesson of course.modules.flatMap((m) => m.lessons)) {
        const arabicLetters = (lesson.body.ar ?? '').match(/[\u0600-\u06FF]/g)?.length ?? 0;
        expect({ lesson: `${course.slug}/${lesson.key}`, mostlyArabic: arabicLetters > (lesson.body.ar ?? '').length * 0.5 }).toEqual({ lesson: `${course.slug}/${lesson.key}`, mostlyArabic: true });
        expect(lesson.body.fr).not.toBe(lesson.body.en);
      }
    }
  });
});
