import { createHash, randomBytes } from 'node:crypto';
import type { Course as CourseContent } from '@halaqa/courses';
import type { TestApp } from '../support/app';
import { sql } from './fixtures';

/** A small but complete course (two modules, three lessons, two exercises); override any field. */
export function courseContent(overrides: Partial<CourseContent> = {}): CourseContent {
  const slug = overrides.slug ?? `course-${randomBytes(3).toString('hex')}`;
  const text = (ar: string, en: string) => ({ ar, en });
  return {
    slug,
    title: text('السرد العام', 'Public Narrative'),
    summary: text('قصة الذات والنحن والآن.', 'Story of self, us and now.'),
    locales: ['ar', 'en'],
    modules: [
      {
        key: 'self',
        title: text('قصة الذات', 'Story of self'),
        summary: text('لماذا أنت؟', 'Why you?'),
        lessons: [
          { key: 'why-stories', title: text('لماذا القصص', 'Why stories'), body: text('نص', 'Text'), duration: 30 },
          { key: 'choice-points', title: text('لحظات الاختيار', 'Choice points'), body: text('نص', 'Text'), duration: 45 },
        ],
        exercises: [
          {
            key: 'my-story',
            title: text('قصتي', 'My story'),
            instructions: text('اكتب', 'Write'),
            submissionKind: 'text',
            rubric: [{ key: 'clarity', title: text('الوضوح', 'Clarity'), levels: [{ key: 'developing', points: 1, label: text('نامٍ', 'Developing'), description: text('.', '.') }] }],
            passMark: 1,
            dueAfterDays: 7,
          },
        ],
      },
      {
        key: 'us-now',
        title: text('قصة النحن والآن', 'Story of us and now'),
        summary: text('القيم المشتركة والإلحاح', 'Shared values and urgency'),
        lessons: [{ key: 'shared-values', title: text('القيم المشتركة', 'Shared values'), body: text('نص', 'Text'), duration: 60 }],
        exercises: [
          {
            key: 'story-of-now',
            title: text('قصة الآن', 'Story of now'),
            instructions: text('اكتب', 'Write'),
            submissionKind: 'both',
            rubric: [{ key: 'urgency', title: text('الإلحاح', 'Urgency'), levels: [{ key: 'developing', points: 1, label: text('نامٍ', 'Developing'), description: text('.', '.') }] }],
            passMark: 1,
            dueAfterDays: 14,
          },
        ],
      },
    ],
    completion: { minAttendancePercent: 75, requiredExercises: 'all', finalReview: false },
    ...overrides,
  };
}

export interface InsertedCourse {
  courseId: string;
  versionId: string;
  slug: string;
  version: number;
}

/**
 * Imports a course the way `courses:import` leaves it (a `courses` row pointing at its newest `course_versions`
 * row), straight in the test's database. Calling it again with the same slug adds the next version.
 */
export async function insertCourse(t: TestApp, content: CourseContent = courseContent()): Promise<InsertedCourse> {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const [course] = await sql<{ id: string }>(
    t,
    `INSERT INTO courses (slug, title, summary) VALUES ($1, $2, $3)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary RETURNING id`,
    [content.slug, content.title, content.summary],
  );
  const [version] = await sql<{ id: string; version: number }>(
    t,
    `INSERT INTO course_versions (course_id, version, content_hash, content)
     VALUES ($1, (SELECT COALESCE(max(version), 0) + 1 FROM course_versions WHERE course_id = $1), $2, $3) RETURNING id, version`,
    [course.id, hash, content],
  );
  await sql(t, 'UPDATE courses SET current_version_id = $1 WHERE id = $2', [version.id, course.id]);
  return { courseId: course.id, versionId: version.id, slug: content.slug, version: version.version };
}
