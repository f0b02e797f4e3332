import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { resolveText, type Locale } from '../common/localized-text';
import { Course } from '../courses/course.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { translate } from '../i18n/i18n';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { enrollmentAttendanceRates } from '../sessions/attendance-rates';
import { consentingStaff, organizationAttendanceTimeline, type AttendanceTimelineResponse } from './attendance-timeline';
import { StaffProgressQuery, type StaffFilterQuery } from './partner-report.response';
import { PartnerReportsService } from './partner-reports.service';
import { renderSummaryPdf, type SummaryPdfInput } from './summary-pdf';

/**
 * Attendance over time and the printable summary of a partner organization's staff (docs/partner-reporting.md), with
 * the staff-progress route's access, consent rule and filters.
 */
@Injectable()
export class PartnerSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly reports: PartnerReportsService,
  ) {}

  async attendanceTimeline(caller: Caller, organizationId: string, filter: StaffFilterQuery): Promise<AttendanceTimelineResponse> {
    const manager = this.dataSource.manager;
    await this.organizations.assertCanManage(manager, caller, organizationId);
    return organizationAttendanceTimeline(manager, organizationId, filter);
  }

  /** The PDF and its file name (`staff-summary-<organization>-<date>.pdf`, ASCII). */
  async summaryPdf(caller: Caller, organizationId: string, filter: StaffFilterQuery, locale: Locale, now = new Date()): Promise<{ pdf: Buffer; filename: string }> {
    const manager = this.dataSource.manager;
    await this.organizations.assertCanManage(manager, caller, organizationId);
    const organization = await manager.findOneByOrFail(Organization, { id: organizationId });
    // The funnel, seats and hidden count exactly as the dashboard shows them.
    const { summary } = await this.reports.staffProgress(caller, organizationId, Object.assign(new StaffProgressQuery(), filter, { page: 1, pageSize: 1 }), locale);
    const staff = await consentingStaff(manager, organizationId, filter);
    const attendance = await enrollmentAttendanceRates(
      manager,
      staff.map((s) => s.enrollmentId),
      now,
    );
    const cohorts = new Map<string, SummaryPdfInput['cohorts'][number] & { held: number; attended: number }>();
    for (const s of staff) {
      let row = cohorts.get(s.cohortId);
      if (!row) {
        const course = resolveText(s.courseTitle, locale).text;
        const name = resolveText(s.cohortName, locale).text;
        row = { cohort: course ? `${name} — ${course}` : name, enrolled: 0, active: 0, completed: 0, certified: 0, attendance: null, held: 0, attended: 0 };
        cohorts.set(s.cohortId, row);
      }
      row.enrolled++;
      if (s.status === 'active' || s.status === 'completed') row.active++;
      if (s.status === 'completed') row.completed++;
      if (s.certified) row.certified++;
      const rate = attendance.get(s.enrollmentId);
      row.held += rate?.held ?? 0;
      row.attended += rate?.attended ?? 0;
    }
    const preparedOn = now.toISOString().slice(0, 10);
    const pdf = await renderSummaryPdf({
      locale,
      organizationName: resolveText(organization.name, locale).text,
      preparedOn,
      filters: await this.filterLabels(filter, locale),
      funnel: summary.funnel,
      hiddenCount: summary.hiddenCount,
      seats: summary.seats.map((s) => ({ cohort: s.cohort.courseTitle ? `${s.cohort.displayName} — ${s.cohort.courseTitle}` : s.cohort.displayName, seats: s.seats, used: s.used, free: s.free })),
      cohorts: [...cohorts.values()].map(({ held, attended, ...row }) => ({ ...row, attendance: held === 0 ? null : attended / held })),
    });
    const slug = fileSlug(organization.name.en ?? organization.name.fr ?? '') || 'organization';
    return { pdf, filename: `${translate(locale, 'partner_summary.filename')}-${slug}-${preparedOn}.pdf` };
  }

  /** The filters applied, in the reader's language (cohort and course by their names). */
  private async filterLabels(filter: StaffFilterQuery, locale: Locale): Promise<SummaryPdfInput['filters']> {
    const t = (key: string) => translate(locale, key);
    const labels: SummaryPdfInput['filters'] = [];
    const manager = this.dataSource.manager;
    if (filter.cohortId) {
      const cohort = await manager.findOneBy(Cohort, { id: filter.cohortId });
      labels.push({ label: t('partner_summary.filter.cohort'), value: cohort ? resolveText(cohort.name, locale).text : filter.cohortId });
    }
    if (filter.courseSlug) {
      const course = await manager.findOneBy(Course, { slug: filter.courseSlug });
      labels.push({ label: t('partner_summary.filter.course'), value: course ? resolveText(course.title, locale).text : filter.courseSlug });
    }
    if (filter.city?.trim()) labels.push({ label: t('partner_summary.filter.city'), value: filter.city.trim() });
    if (filter.status) labels.push({ label: t('partner_summary.filter.status'), value: t(`partner_report.enrollment_status.${filter.status}`) });
    return labels;
  }
}

/** Lower-case ASCII words joined by hyphens, for a file name: «Najaf Social Forum» → najaf-social-forum. */
export function fileSlug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
