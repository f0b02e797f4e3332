import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { RubricCriterion } from '@halaqa/courses';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { escapeLike } from '../common/pagination';
import { translate } from '../i18n/i18n';
import { nameSql } from '../reviews/review-scope';
import type { CellStatus, CsvQuery, GradebookCell, GradebookColumn, GradebookPage, GradebookQuery, GradebookRow, MyGradebook, QueuePage, QueueQuery } from './gradebook.response';

/** Rows fetched per round trip while streaming a CSV: memory stays flat whatever the cohort's size. */
const CSV_BATCH = 500;

interface Scope {
  cohortId: string;
  /** Null: every trainee of the cohort (lead trainer, admin); else only those currently in these circles (a coach). */
  circles: string[] | null;
}

interface PersonRow {
  enrollment_id: string;
  user_id: string;
  email: string;
  name: string;
  circle_id: string | null;
  circle_name: LocalizedText | null;
  total?: string;
}

interface CellRow {
  id: string;
  enrollment_id: string;
  assignment_id: string;
  status: 'draft' | 'submitted' | 'returned' | 'passed';
  latest_version: number;
  draft_saved_at: Date | null;
  late: boolean | null;
  points: number | null;
}

interface ColumnRow {
  id: string;
  title: LocalizedText;
  position: number;
  rubric: RubricCriterion[];
  pass_mark: number;
  due_at: Date;
}

/**
 * The grading queue and the gradebook. A gradebook page costs the same few queries whatever the cohort's size
 * (scope, columns, one page of people, their cells); the CSV walks a server-side cursor in batches.
 */
@Injectable()
export class GradebookService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async queue(caller: Caller, query: QueueQuery, locale: Locale): Promise<QueuePage> {
    const params: unknown[] = [caller.userId, caller.isAdmin && query.cohortId ? true : false];
    const filters: string[] = [];
    if (query.cohortId) filters.push(`a.cohort_id = $${params.push(query.cohortId)}`);
    if (query.circleId) filters.push(`m.circle_id = $${params.push(query.circleId)}`);
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows: Array<{
      id: string; latest_version: number; submitted_at: Date; late: boolean; has_draft: boolean; assignment_id: string; title: LocalizedText;
      trainee_id: string; trainee_name: string; cohort_id: string; cohort_name: LocalizedText; circle_id: string | null; circle_name: LocalizedText | null; total: string;
    }> = await this.dataSource.query(
      `SELECT s.id, s.latest_version, s.submitted_at, v.late, (r.id IS NOT NULL) AS has_draft, a.id AS assignment_id, a.title,
         u.id AS trainee_id, ${nameSql('u', locale)} AS trainee_name, co.id AS cohort_id, co.name AS cohort_name,
         m.circle_id, lc.name AS circle_name, count(*) OVER () AS total
       FROM submissions s
       JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.latest_version
       LEFT JOIN reviews r ON r.version_id = v.id
       JOIN assignments a ON a.id = s.assignment_id
       JOIN cohorts co ON co.id = a.cohort_id
       JOIN enrollments e ON e.id = s.enrollment_id
       JOIN users u ON u.id = e.user_id
       LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
       LEFT JOIN learning_circles lc ON lc.id = m.circle_id
       WHERE s.status = 'submitted' AND r.released_at IS NULL AND e.status IN ('active', 'completed')
         AND ($2 OR EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = a.cohort_id AND cs.user_id = $1 AND cs.role = 'lead_trainer')
              OR EXISTS (SELECT 1 FROM circle_coaches k WHERE k.circle_id = m.circle_id AND k.user_id = $1))
         ${filters.map((f) => `AND ${f}`).join(' ')}
       ORDER BY s.submitted_at ASC, s.id ASC
       LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        submissionId: r.id,
        versionNumber: r.latest_version,
        submittedAt: new Date(r.submitted_at).toISOString(),
        late: r.late,
        hasDraftReview: r.has_draft,
        assignment: { id: r.assignment_id, displayName: resolveText(r.title, locale).text },
        trainee: { id: r.trainee_id, displayName: r.trainee_name },
        cohort: { id: r.cohort_id, displayName: resolveText(r.cohort_name, locale).text },
        circle: r.circle_id ? { id: r.circle_id, displayName: resolveText(r.circle_name, locale).text } : null,
      })),
      total: rows[0] ? Number(rows[0].total) : 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async gradebook(caller: Caller, cohortId: string, query: GradebookQuery, locale: Locale): Promise<GradebookPage> {
    const manager = this.dataSource.manager;
    const scope = await this.scope(manager, caller, cohortId);
    const columns = await this.columns(manager, cohortId);
    const { sql, params } = peopleSql(scope, query, locale);
    const people: PersonRow[] = await manager.query(
      `${sql}, count(*) OVER () AS total FROM people ORDER BY lower(name), enrollment_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const cells = await this.cells(manager, people.map((p) => p.enrollment_id));
    return {
      columns: columns.map((c) => toColumn(c, locale)),
      items: people.map((p) => toRow(p, columns, cells, locale)),
      total: people[0] ? Number(people[0].total) : 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async mine(caller: Caller, cohortId: string, locale: Locale): Promise<MyGradebook> {
    const manager = this.dataSource.manager;
    const people: PersonRow[] = await manager.query(
      `SELECT e.id AS enrollment_id, e.user_id, u.email, ${nameSql('u', locale)} AS name, m.circle_id, lc.name AS circle_name
       FROM enrollments e JOIN users u ON u.id = e.user_id
       LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
       LEFT JOIN learning_circles lc ON lc.id = m.circle_id
       WHERE e.cohort_id = $1 AND e.user_id = $2 AND e.status IN ('active', 'completed') LIMIT 1`,
      [cohortId, caller.userId],
    );
    if (!people[0]) throw new NotFoundException();
    const columns = await this.columns(manager, cohortId);
    const cells = await this.cells(manager, [people[0].enrollment_id]);
    return { columns: columns.map((c) => toColumn(c, locale)), row: toRow(people[0], columns, cells, locale) };
  }

  /**
   * Checks the caller's access first (a 404 is a normal problem answer), then returns a stream: UTF-8 BOM, a header
   * row in the caller's language, one row per trainee read from a server-side cursor `CSV_BATCH` at a time.
   */
  async csv(caller: Caller, cohortId: string, query: CsvQuery, locale: Locale): Promise<Readable> {
    const scope = await this.scope(this.dataSource.manager, caller, cohortId);
    const columns = await this.columns(this.dataSource.manager, cohortId);
    const { sql, params } = peopleSql(scope, query, locale);
    const runner = this.dataSource.createQueryRunner();
    const t = (key: string) => translate(locale, `gradebook.${key}`);
    const header = [t('trainee'), t('email'), t('circle'), ...columns.map((c) => resolveText(c.title, locale).text), t('passed_count')];
    const cellText = (c: GradebookCell) =>
      `${t(`status.${c.status}`)}${c.points !== null ? ` (${c.points})` : ''}${c.late ? ` · ${t('late')}` : ''}`;
    const cells = this.cells.bind(this);
    async function* lines(): AsyncGenerator<string> {
      try {
        await runner.connect();
        await runner.startTransaction('REPEATABLE READ');
        await runner.query(`DECLARE gradebook_csv NO SCROLL CURSOR FOR ${sql} FROM people ORDER BY lower(name), enrollment_id`, params);
        yield `\uFEFF${csvLine(header)}`;
        for (;;) {
          const batch = await runner.manager.query<PersonRow[]>(`FETCH ${CSV_BATCH} FROM gradebook_csv`);
          if (batch.length === 0) break;
          const batchCells = await cells(runner.manager, batch.map((p) => p.enrollment_id));
          yield batch
            .map((p) => {
              const row = toRow(p, columns, batchCells, locale);
              return csvLine([row.displayName, row.email, row.circle?.displayName ?? '', ...row.cells.map(cellText), String(row.passedCount)]);
            })
            .join('');
        }
        await runner.commitTransaction();
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
    return Readable.from(lines(), { objectMode: false });
  }

  /** Lead trainers and admins see the whole cohort; a coach the trainees of the circles they coach; anyone else 404. */
  private async scope(manager: EntityManager, caller: Caller, cohortId: string): Promise<Scope> {
    const rows: { lead: boolean; coached: string[] }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = c.id AND cs.user_id = $2 AND cs.role = 'lead_trainer') AS lead,
         ARRAY(SELECT k.circle_id FROM circle_coaches k JOIN learning_circles lc ON lc.id = k.circle_id WHERE lc.cohort_id = c.id AND k.user_id = $2)::text[] AS coached
       FROM cohorts c WHERE c.id = $1`,
      [cohortId, caller.userId],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException();
    if (row.lead || caller.isAdmin) return { cohortId, circles: null };
    if (row.coached.length === 0) throw new NotFoundException();
    return { cohortId, circles: row.coached };
  }

  private columns(manager: EntityManager, cohortId: string): Promise<ColumnRow[]> {
    return manager.query(`SELECT id, title, position, rubric, pass_mark, due_at FROM assignments WHERE cohort_id = $1 ORDER BY position, id`, [cohortId]);
  }

  private async cells(manager: EntityManager, enrollmentIds: string[]): Promise<Map<string, CellRow>> {
    if (enrollmentIds.length === 0) return new Map();
    const rows: CellRow[] = await manager.query(
      `SELECT s.id, s.enrollment_id, s.assignment_id, s.status, s.latest_version, s.draft_saved_at, v.late, r.points
       FROM submissions s
       LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.latest_version
       LEFT JOIN reviews r ON r.version_id = v.id AND r.released_at IS NOT NULL
       WHERE s.enrollment_id = ANY($1::uuid[])`,
      [enrollmentIds],
    );
    return new Map(rows.map((r) => [`${r.enrollment_id}:${r.assignment_id}`, r]));
  }
}

/** `WITH people AS (…) SELECT *` — the trainees in scope matching the filters; callers add ordering and limits. */
function peopleSql(scope: Scope, query: CsvQuery, locale: Locale): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.cohortId];
  const where = [`e.cohort_id = $1`, `e.status IN ('active', 'completed')`];
  if (scope.circles) where.push(`m.circle_id = ANY($${params.push(scope.circles)}::uuid[])`);
  if (query.circleId) where.push(`m.circle_id = $${params.push(query.circleId)}`);
  if (query.q?.trim()) {
    const p = params.push(`%${escapeLike(query.q.trim())}%`);
    where.push(`(u.name_latin ILIKE $${p} OR u.name_arabic ILIKE $${p} OR u.email ILIKE $${p})`);
  }
  if (query.status === 'not_started') {
    where.push(`EXISTS (SELECT 1 FROM assignments a WHERE a.cohort_id = $1 AND NOT EXISTS (
      SELECT 1 FROM submissions s WHERE s.assignment_id = a.id AND s.enrollment_id = e.id AND (s.latest_version > 0 OR s.draft_saved_at IS NOT NULL)))`);
  } else if (query.status === 'draft') {
    where.push(`EXISTS (SELECT 1 FROM submissions s WHERE s.enrollment_id = e.id AND s.status = 'draft' AND s.draft_saved_at IS NOT NULL)`);
  } else if (query.status) {
    where.push(`EXISTS (SELECT 1 FROM submissions s WHERE s.enrollment_id = e.id AND s.status = $${params.push(query.status)})`);
  }
  const sql = `WITH people AS (
      SELECT e.id AS enrollment_id, e.user_id, u.email, ${nameSql('u', locale)} AS name, m.circle_id, lc.name AS circle_name
      FROM enrollments e JOIN users u ON u.id = e.user_id
      LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
      LEFT JOIN learning_circles lc ON lc.id = m.circle_id
      WHERE ${where.join(' AND ')})
    SELECT *`;
  return { sql, params };
}

function toColumn(c: ColumnRow, locale: Locale): GradebookColumn {
  return {
    id: c.id,
    title: resolveText(c.title, locale).text,
    position: c.position,
    maxPoints: c.rubric.reduce((sum, k) => sum + Math.max(0, ...k.levels.map((l) => l.points)), 0),
    passMark: c.pass_mark,
    dueAt: new Date(c.due_at).toISOString(),
  };
}

function cellStatus(s: CellRow | undefined): CellStatus {
  if (!s) return 'not_started';
  if (s.status === 'draft') return s.latest_version === 0 && s.draft_saved_at === null ? 'not_started' : 'draft';
  return s.status;
}

function toRow(p: PersonRow, columns: ColumnRow[], cells: Map<string, CellRow>, locale: Locale): GradebookRow {
  const row: GradebookRow['cells'] = columns.map((c) => {
    const s = cells.get(`${p.enrollment_id}:${c.id}`);
    const status = cellStatus(s);
    return { assignmentId: c.id, status, points: s?.points ?? null, passed: status === 'passed', late: s?.late ?? false, submissionId: s?.id ?? null };
  });
  return {
    enrollmentId: p.enrollment_id,
    userId: p.user_id,
    displayName: p.name,
    email: p.email,
    circle: p.circle_id ? { id: p.circle_id, displayName: resolveText(p.circle_name, locale).text } : null,
    cells: row,
    passedCount: row.filter((c) => c.passed).length,
  };
}

/**
 * One CSV record (RFC 4180, CRLF). A cell a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe.
 */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
