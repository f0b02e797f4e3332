import type { TestApp } from '../support/app';
import { sql } from './fixtures';

export const RUBRIC = [
  {
    key: 'story',
    title: { ar: 'القصة', en: 'Story', fr: 'Récit' },
    levels: [
      { key: 'beginning', points: 1, label: { en: 'Beginning' }, description: { en: '' } },
      { key: 'developing', points: 2, label: { en: 'Developing' }, description: { en: '' } },
      { key: 'proficient', points: 3, label: { en: 'Proficient' }, description: { en: '' } },
    ],
  },
  {
    key: 'choice',
    title: { ar: 'الخيار', en: 'Choice', fr: 'Choix' },
    levels: [
      { key: 'beginning', points: 1, label: { en: 'Beginning' }, description: { en: '' } },
      { key: 'developing', points: 2, label: { en: 'Developing' }, description: { en: '' } },
      { key: 'proficient', points: 3, label: { en: 'Proficient' }, description: { en: '' } },
    ],
  },
];

/** An assignment of the cohort with a two-criterion rubric (max 6 points, pass mark 4), straight in the database. */
export async function makeAssignment(t: TestApp, cohortId: string, position: number, title: Record<string, string>): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO assignments (cohort_id, module_key, exercise_key, position, title, instructions, rubric, pass_mark, submission_kind, due_at)
     VALUES ($1, 'module-1', $2, $3, $4, '{"en":"Write."}', $5, 4, 'text', '2026-03-20T21:59:00Z') RETURNING id`,
    [cohortId, `exercise-${position}`, position, title, JSON.stringify(RUBRIC)],
  );
  return row.id;
}

/** A submission with `versions` submitted versions (the latest at `submittedAt`), status `submitted`; returns its id. */
export async function submitted(
  t: TestApp,
  assignmentId: string,
  enrollmentId: string,
  options: { submittedAt?: string; late?: boolean; versions?: number } = {},
): Promise<string> {
  const at = options.submittedAt ?? '2026-03-10T10:00:00Z';
  const versions = options.versions ?? 1;
  const [s] = await sql<{ id: string }>(
    t,
    `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at) VALUES ($1, $2, 'submitted', $3, $4) RETURNING id`,
    [assignmentId, enrollmentId, versions, at],
  );
  for (let n = 1; n <= versions; n++) {
    await sql(t, `INSERT INTO submission_versions (submission_id, number, text, late, submitted_at) VALUES ($1, $2, $3, $4, $5)`, [
      s.id,
      n,
      `My story, version ${n}`,
      n === versions && (options.late ?? false),
      n === versions ? at : '2026-03-01T10:00:00Z',
    ]);
  }
  return s.id;
}

/** Email payloads queued in the outbox, oldest first. */
export async function emails(t: TestApp): Promise<{ template: string; to: string; locale: string; data: Record<string, string> }[]> {
  const rows = await sql<{ payload: { template: string; to: string; locale: string; data: Record<string, string> } }>(
    t,
    `SELECT payload FROM outbox_messages WHERE kind = 'email' ORDER BY created_at, id`,
  );
  return rows.map((r) => r.payload);
}
