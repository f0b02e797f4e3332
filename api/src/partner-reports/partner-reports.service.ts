import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { toCertificateSummary } from '../certificates/certificate.response';
import type { CohortStatus } from '../cohorts/cohort.entity';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { EnrollmentStatus } from '../enrollments/enrollment.entity';
import { USES_A_SEAT } from '../enrollments/seats.service';
import { csvLine } from '../gradebook/gradebook.service';
import { translate } from '../i18n/i18n';
import { OrganizationsService } from '../organizations/organizations.service';
import { nameSql } from '../reviews/review-scope';
import { enrollmentAttendanceRates, type AttendanceRate } from '../sessions/attendance-rates';
import type { SeatUsage, StaffFilterQuery, StaffProgressItem, StaffProgressPage, StaffProgressQuery, StaffSummary } from './partner-report.response';

/** Rows fetched per round trip while streaming the CSV: memory stays flat whatever the organization's size. */
const CSV_BATCH = 500;

interface StaffRow {
  enrollment_id: string;
  status: EnrollmentStatus;
  /** Placed by the organization in one of its seats (the sponsor is always the organization reported to). */
  in_seat: boolean;
  name_arabic: string;
  name_latin: string;
  display_name: string;
  cohort_id: string;
  cohort_name: LocalizedText;
  city: LocalizedText;
  online: boolean;
  cohort_status: CohortStatus;
  starts_on: string;
  ends_on: string;
  course_slug: string;
  course_title: LocalizedText;
  required: number;
  passed: number;
  certificate_id: string | null;
  code: string | null;
  revision: number | null;
  issued_at: Date | null;
  revoked_at: Date | null;
  pdf_revision: number | null;
}

/** `FROM … WHERE …` of an organization's staff enrollments matching the filters (consent is added by the caller). */
export function staffScope(organizationId: string, filter: StaffFilterQuery): { from: string; params: unknown[] } {
  const params: unknown[] = [organizationId];
  const where = ['e.reporting_organization_id = $1'];
  if (filter.cohortId) where.push(`e.cohort_id = $${params.push(filter.cohortId)}`);
  if (filter.courseSlug) where.push(`cr.slug = $${params.push(filter.courseSlug)}`);
  if (filter.city?.trim()) where.push(cityMatches('co', params.push(filter.city.trim())));
  if (filter.status) where.push(`e.status = $${params.push(filter.status)}`);
  return {
    from: `FROM enrollments e JOIN cohorts co ON co.id = e.cohort_id JOIN courses cr ON cr.id = co.course_id JOIN users u ON u.id = e.user_id
      WHERE ${where.join(' AND ')}`,
    params,
  };
}

/** The cohort's city in any of its languages equals parameter `$n`, ignoring case. */
function cityMatches(cohort: string, n: number): string {
  return `EXISTS (SELECT 1 FROM jsonb_each_text(${cohort}.city) x WHERE lower(x.value) = lower($${n}))`;
}

/**
 * One staff row for each enrollment of `source` (a relation with `id` and `sort_name`, aliased `p`; `extra` adds its
 * other columns): cohort, course, certificate,
 * and the required assignments of the cohort's completion rule (`all`, or a list of exercise keys) with how many the
 * trainee passed — the rule docs/certificates.md defines, evaluated in SQL for every cohort at once.
 */
function rowSql(source: string, locale: Locale, extra = ''): string {
  return `SELECT e.id AS enrollment_id, e.status, e.sponsoring_organization_id IS NOT NULL AS in_seat, u.name_arabic, u.name_latin, ${nameSql('u', locale)} AS display_name,
      co.id AS cohort_id, co.name AS cohort_name, co.city, co.online, co.status AS cohort_status, co.starts_on::text AS starts_on, co.ends_on::text AS ends_on,
      cr.slug AS course_slug, cr.title AS course_title, req.required, req.passed,
      c.id AS certificate_id, c.code, c.revision, c.issued_at, c.revoked_at, c.pdf_revision${extra}
    FROM ${source} p
    JOIN enrollments e ON e.id = p.id
    JOIN users u ON u.id = e.user_id
    JOIN cohorts co ON co.id = e.cohort_id
    JOIN courses cr ON cr.id = co.course_id
    LEFT JOIN certificates c ON c.enrollment_id = e.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS required,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = a.id AND s.enrollment_id = e.id AND s.status = 'passed'))::int AS passed
      FROM assignments a
      WHERE a.cohort_id = co.id
        AND (jsonb_typeof(co.completion_rule -> 'requiredExercises') IS DISTINCT FROM 'array' OR co.completion_rule -> 'requiredExercises' ? a.exercise_key)
    ) req`;
}

/**
 * A partner organization's staff progress, for its managers and admins (docs/partner-reporting.md). Only staff who
 * consent to share are listed; consent is read on every request. Progress figures only — no submission content.
 * A page costs five queries whatever the number of staff; the CSV walks a server-side cursor in batches.
 */
@Injectable()
export class PartnerReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
  ) {}

  async staffProgress(caller: Caller, organizationId: string, query: StaffProgressQuery, locale: Locale): Promise<StaffProgressPage> {
    const manager = this.dataSource.manager;
    await this.organizations.assertCanManage(manager, caller, organizationId);
    const { from, params } = staffScope(organizationId, query);
    const limit = params.length + 1;
    const rows: (StaffRow & { total: string })[] = await manager.query(
      `WITH page AS (
         SELECT e.id, ${nameSql('u', locale)} AS sort_name, count(*) OVER () AS total ${from} AND e.consent_to_share
         ORDER BY lower(${nameSql('u', locale)}), e.id LIMIT $${limit} OFFSET $${limit + 1})
       ${rowSql('page', locale, ', p.total')}
       ORDER BY lower(p.sort_name), p.id`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const attendance = await enrollmentAttendanceRates(
      manager,
      rows.map((r) => r.enrollment_id),
    );
    return {
      items: rows.map((r) => this.toItem(r, attendance.get(r.enrollment_id), locale)),
      total: rows[0] ? Number(rows[0].total) : await this.countWhenPastTheEnd(manager, query, from, params),
      page: query.page,
      pageSize: query.pageSize,
      summary: await this.summary(manager, organizationId, query, locale),
    };
  }

  /**
   * Checks access first (a 404 is a normal problem answer), then streams: UTF-8 BOM, a header row in the caller's
   * language, one row per consenting staff enrollment read from a cursor `CSV_BATCH` at a time.
   */
  async csv(caller: Caller, organizationId: string, query: StaffFilterQuery, locale: Locale): Promise<Readable> {
    await this.organizations.assertCanManage(this.dataSource.manager, caller, organizationId);
    const { from, params } = staffScope(organizationId, query);
    const runner = this.dataSource.createQueryRunner();
    const t = (key: string) => translate(locale, `partner_report.${key}`);
    const header = [
      'trainee_arabic', 'trainee_latin', 'cohort', 'course', 'city', 'starts_on', 'ends_on', 'status',
      'held', 'attended', 'attendance_percent', 'required', 'passed', 'certificate_code', 'certificate_status', 'verify_url', 'placement',
    ].map((k) => t(`column.${k}`));
    const toItem = this.toItem.bind(this);
    const sql = `${rowSql(`(SELECT e.id, ${nameSql('u', locale)} AS sort_name ${from} AND e.consent_to_share)`, locale)} ORDER BY lower(p.sort_name), p.id`;
    async function* lines(): AsyncGenerator<string> {
      try {
        await runner.connect();
        await runner.startTransaction('REPEATABLE READ');
        await runner.query(`DECLARE staff_csv NO SCROLL CURSOR FOR ${sql}`, params);
        yield `\uFEFF${csvLine(header)}`;
        for (;;) {
          const batch = await runner.manager.query<StaffRow[]>(`FETCH ${CSV_BATCH} FROM staff_csv`);
          if (batch.length === 0) break;
          const attendance = await enrollmentAttendanceRates(
            runner.manager,
            batch.map((r) => r.enrollment_id),
          );
          yield batch
            .map((r) => {
              const item = toItem(r, attendance.get(r.enrollment_id), locale);
              return csvLine([
                item.trainee.nameArabic,
                item.trainee.nameLatin,
                item.cohort.displayName,
                item.cohort.courseTitle,
                item.cohort.displayCity,
                item.cohort.startsOn,
                item.cohort.endsOn,
                t(`enrollment_status.${item.status}`),
                String(item.attendance.held),
                String(item.attendance.attended),
                item.attendance.rate === null ? '' : String(Math.round(item.attendance.rate * 100)),
                String(item.assignments.required),
                String(item.assignments.passed),
                item.certificate?.code ?? '',
                item.certificate ? t(`certificate_status.${item.certificate.status}`) : '',
                item.certificate?.verifyUrl ?? '',
                t(`placement.${item.placement}`),
              ]);
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

  private toItem(r: StaffRow, rate: AttendanceRate | undefined, locale: Locale): StaffProgressItem {
    const certificate =
      r.certificate_id && r.code && r.revision !== null && r.issued_at
        ? toCertificateSummary(
            { id: r.certificate_id, code: r.code, revision: r.revision, issuedAt: r.issued_at, revokedAt: r.revoked_at, pdfRevision: r.pdf_revision },
            this.config.PUBLIC_WEB_URL,
          )
        : null;
    return {
      enrollmentId: r.enrollment_id,
      trainee: { nameArabic: r.name_arabic, nameLatin: r.name_latin, displayName: r.display_name },
      cohort: {
        id: r.cohort_id,
        displayName: resolveText(r.cohort_name, locale).text,
        courseSlug: r.course_slug,
        courseTitle: resolveText(r.course_title, locale).text,
        displayCity: resolveText(r.city, locale).text,
        online: r.online,
        status: r.cohort_status,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
      },
      status: r.status,
      placement: r.in_seat ? 'seat' : 'own',
      attendance: rate ?? { held: 0, attended: 0, rate: null },
      assignments: { required: r.required, passed: r.passed },
      certificate: certificate ? { code: certificate.code, status: certificate.status, verifyUrl: certificate.verifyUrl } : null,
    };
  }

  /** A page past the last one has no rows to carry the total; count it (only then). */
  private async countWhenPastTheEnd(manager: EntityManager, query: StaffProgressQuery, from: string, params: unknown[]): Promise<number> {
    if (query.page === 1) return 0;
    const [row] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n ${from} AND e.consent_to_share`, params);
    return row?.n ?? 0;
  }

  /** The completion funnel and the hidden count over the filtered staff, and seat usage per cohort: two queries. */
  private async summary(manager: EntityManager, organizationId: string, filter: StaffFilterQuery, locale: Locale): Promise<StaffSummary> {
    const { from, params } = staffScope(organizationId, filter);
    const [counts] = await manager.query<{ enrolled: number; active: number; completed: number; certified: number; hidden: number }[]>(
      `SELECT count(*) FILTER (WHERE e.consent_to_share)::int AS enrolled,
         count(*) FILTER (WHERE e.consent_to_share AND e.status IN ('active', 'completed'))::int AS active,
         count(*) FILTER (WHERE e.consent_to_share AND e.status = 'completed')::int AS completed,
         count(*) FILTER (WHERE e.consent_to_share AND e.status = 'completed'
           AND EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id AND c.revoked_at IS NULL))::int AS certified,
         count(*) FILTER (WHERE NOT e.consent_to_share)::int AS hidden
       ${from}`,
      params,
    );
    return {
      funnel: { enrolled: counts.enrolled, active: counts.active, completed: counts.completed, certified: counts.certified },
      seats: await this.seats(manager, organizationId, filter, locale),
      hiddenCount: counts.hidden,
    };
  }

  /**
   * Seats per cohort as `GET /organizations/{id}/seats` counts them (active or completed staff, consenting or not),
   * aggregated in SQL so the dashboard does not load every nominee; the cohort filters apply.
   */
  private async seats(manager: EntityManager, organizationId: string, filter: StaffFilterQuery, locale: Locale): Promise<SeatUsage[]> {
    const params: unknown[] = [organizationId, USES_A_SEAT];
    const where = ['sa.organization_id = $1'];
    if (filter.cohortId) where.push(`sa.cohort_id = $${params.push(filter.cohortId)}`);
    if (filter.courseSlug) where.push(`cr.slug = $${params.push(filter.courseSlug)}`);
    if (filter.city?.trim()) where.push(cityMatches('co', params.push(filter.city.trim())));
    const rows = await manager.query<{ cohort_id: string; seats: number; name: LocalizedText; course_title: LocalizedText; starts_on: string; ends_on: string; used: number }[]>(
      `SELECT sa.cohort_id, sa.seats, co.name, cr.title AS course_title, co.starts_on::text AS starts_on, co.ends_on::text AS ends_on,
         (SELECT count(*)::int FROM enrollments e
           WHERE e.cohort_id = sa.cohort_id AND e.sponsoring_organization_id = sa.organization_id AND e.status = ANY($2::text[])) AS used
       FROM seat_allocations sa JOIN cohorts co ON co.id = sa.cohort_id JOIN courses cr ON cr.id = co.course_id
       WHERE ${where.join(' AND ')}
       ORDER BY co.starts_on, co.id`,
      params,
    );
    return rows.map((r) => ({
      cohort: { id: r.cohort_id, displayName: resolveText(r.name, locale).text, courseTitle: resolveText(r.course_title, locale).text, startsOn: r.starts_on, endsOn: r.ends_on },
      seats: r.seats,
      used: r.used,
      free: Math.max(0, r.seats - r.used),
    }));
  }
}
