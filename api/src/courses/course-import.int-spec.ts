import { DataSource } from 'typeorm';
import type { ValidatedCourse } from '@halaqa/courses';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { ENTITIES } from '../database/entities';
import { importCourses } from './course-import';
import { CourseVersion } from './course-version.entity';
import { Course } from './course.entity';

function makeCourse(slug: string, hash: string, title = 'Public Narrative'): ValidatedCourse {
  return {
    contentHash: hash.padEnd(64, '0'),
    course: {
      slug,
      title: { ar: 'السرد العام', en: title },
      summary: { en: 'Story of self, us and now' },
      locales: ['ar', 'en'],
      modules: [],
      completion: { minAttendancePercent: 75, requiredExercises: 'all', finalReview: false },
    },
  };
}

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = await new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES }).initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

it('imports new courses as version 1, changes as a new version, and leaves unchanged ones alone', async () => {
  const first = await importCourses(ds, [makeCourse('public-narrative', 'a'), makeCourse('campaign-management', 'b')]);
  expect(first.map((r) => [r.slug, r.outcome, r.version])).toEqual([
    ['public-narrative', 'created', 1],
    ['campaign-management', 'created', 1],
  ]);

  const again = await importCourses(ds, [makeCourse('public-narrative', 'a'), makeCourse('campaign-management', 'b')]);
  expect(again.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
  expect(await ds.getRepository(CourseVersion).count()).toBe(2);

  const changed = await importCourses(ds, [makeCourse('public-narrative', 'c', 'Public Narrative, revised')]);
  expect(changed[0]).toMatchObject({ outcome: 'new_version', version: 2 });
  const course = await ds.getRepository(Course).findOneByOrFail({ slug: 'public-narrative' });
  expect(course.title.en).toBe('Public Narrative, revised');
  expect(course.currentVersionId).toBe(changed[0].versionId);
  // Version 1 is still there, untouched, for the cohorts that pinned it.
  const v1 = await ds.getRepository(CourseVersion).findOneByOrFail({ courseId: course.id, version: 1 });
  expect(v1.content.title.en).toBe('Public Narrative');
});

it('two importers running at once create one version, not two', async () => {
  const results = await Promise.all([importCourses(ds, [makeCourse('nonviolence', 'd')]), importCourses(ds, [makeCourse('nonviolence', 'd')])]);
  expect(results.flat().map((r) => r.outcome).sort()).toEqual(['created', 'unchanged']);
  const course = await ds.getRepository(Course).findOneByOrFail({ slug: 'nonviolence' });
  expect(await ds.getRepository(CourseVersion).countBy({ courseId: course.id })).toBe(1);
});
