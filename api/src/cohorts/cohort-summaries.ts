import { In, type EntityManager } from 'typeorm';
import type { Locale } from '../common/localized-text';
import { Course } from '../courses/course.entity';
import { cohortOccupancy, type CohortOccupancy } from './capacity';
import type { Cohort } from './cohort.entity';
import { toCohortSummary, type CohortSummaryResponse } from './cohort.response';

export interface CohortSummaryWithOccupancy {
  summary: CohortSummaryResponse;
  occupancy: CohortOccupancy | undefined;
}

/**
 * Summaries of many cohorts in two queries whatever their number (their courses, then their occupancy), keyed by
 * cohort id. Lists of cohorts (catalog, dashboards, a trainee's enrollments) build their items with this.
 */
export async function cohortSummaries(manager: EntityManager, cohorts: readonly Cohort[], locale: Locale): Promise<Map<string, CohortSummaryWithOccupancy>> {
  if (cohorts.length === 0) return new Map();
  const courseIds = [...new Set(cohorts.map((c) => c.courseId))];
  const courses = await manager.find(Course, { where: { id: In(courseIds) }, select: { id: true, slug: true, title: true } });
  const occupancy = await cohortOccupancy(
    manager,
    cohorts.map((c) => c.id),
  );
  const courseById = new Map(courses.map((c) => [c.id, c]));
  return new Map(
    cohorts.map((cohort) => {
      const course = courseById.get(cohort.courseId) ?? { slug: '', title: {} };
      const found = occupancy.get(cohort.id);
      return [cohort.id, { summary: toCohortSummary(cohort, course, found, locale), occupancy: found }];
    }),
  );
}
