import type { DataSource, EntityManager } from 'typeorm';
import type { ValidatedCourse } from '@halaqa/courses';
import { CourseVersion } from './course-version.entity';
import { Course } from './course.entity';

export type CourseImportOutcome = 'created' | 'new_version' | 'unchanged';

export interface CourseImportResult {
  slug: string;
  outcome: CourseImportOutcome;
  version: number;
  courseId: string;
  versionId: string;
}

/**
 * Imports validated courses idempotently, each in its own transaction: a new slug becomes version 1, a content hash
 * the course has not had before becomes the next version (and the current one), a known hash changes nothing.
 * Cohorts keep the version they pinned: versions are never updated or deleted here.
 * The course row is locked (`FOR UPDATE`) so two importers running at once cannot both add "version N+1".
 */
export async function importCourses(
  dataSource: DataSource,
  courses: ValidatedCourse[],
  onProgress: (result: CourseImportResult) => void = () => undefined,
): Promise<CourseImportResult[]> {
  const results: CourseImportResult[] = [];
  for (const validated of courses) {
    const result = await dataSource.transaction((manager) => importOne(manager, validated));
    results.push(result);
    onProgress(result);
  }
  return results;
}

async function importOne(manager: EntityManager, { course: content, contentHash }: ValidatedCourse): Promise<CourseImportResult> {
  // Insert-or-nothing first so concurrent importers of a new course meet on the unique slug, then lock the row.
  await manager
    .createQueryBuilder()
    .insert()
    .into(Course)
    .values({ slug: content.slug, title: content.title, summary: content.summary, currentVersionId: null })
    .orIgnore()
    .execute();
  const course = await manager.getRepository(Course).findOneOrFail({ where: { slug: content.slug }, lock: { mode: 'pessimistic_write' } });
  const versions = manager.getRepository(CourseVersion);
  const known = await versions.findOne({ where: { courseId: course.id, contentHash } });
  if (known) {
    if (course.currentVersionId === null) await manager.update(Course, course.id, { currentVersionId: known.id });
    return { slug: content.slug, outcome: 'unchanged', version: known.version, courseId: course.id, versionId: known.id };
  }
  const latest = await versions.findOne({ where: { courseId: course.id }, order: { version: 'DESC' } });
  const version = await versions.save(versions.create({ courseId: course.id, version: (latest?.version ?? 0) + 1, contentHash, content }));
  await manager.update(Course, course.id, { currentVersionId: version.id, title: content.title, summary: content.summary });
  return { slug: content.slug, outcome: latest ? 'new_version' : 'created', version: version.version, courseId: course.id, versionId: version.id };
}
