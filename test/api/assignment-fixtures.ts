import request from 'supertest';
import type { TestApp } from '../support/app';
import { courseContent } from './course-fixtures';
import { bearer, sql, type Account } from './fixtures';
import { circleWorld, type CircleWorld } from './session-fixtures';

export interface AssignmentBody {
  id: string;
  cohortId: string;
  exerciseKey: string;
  position: number;
  displayTitle: string;
  dueAt: string;
  effectiveDueAt: string;
  latePolicy: string;
  submissionKind: string;
  passMark: number;
  maxPoints: number;
  status: string | null;
  late: boolean;
  canManage: boolean;
}

/** A circle world (cohort starting 2027-03-01 in Amman) whose pinned version holds the two-exercise test course. */
export async function exerciseWorld(t: TestApp, startsOn = '2027-03-01'): Promise<CircleWorld> {
  const w = await circleWorld(t, { timeZone: 'Asia/Amman', startsOn, endsOn: '2027-06-30', status: 'running' });
  await sql(t, `UPDATE course_versions SET content = $1 WHERE id = (SELECT course_version_id FROM cohorts WHERE id = $2)`, [courseContent(), w.cohortId]);
  return w;
}

/** Instantiates the cohort's assignments as `by` (a lead trainer); throws unless 200. */
export async function instantiate(t: TestApp, by: Account, cohortId: string): Promise<{ created: number; items: AssignmentBody[] }> {
  const res = await request(t.url).post(`/api/cohorts/${cohortId}/assignments/instantiate`).set('authorization', bearer(by)).set('accept-language', 'en');
  if (res.status !== 200) throw new Error(`instantiate failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { created: number; items: AssignmentBody[] };
}
