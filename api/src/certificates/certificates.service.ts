import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { formatVerificationCode, generateVerificationCode, normalizeVerificationCode, type CertificateFields, type CertificateSettings } from '@halaqa/certificates';
import type { Caller } from '../access/access.decorator';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { lockCohort } from '../cohorts/capacity';
import { ConflictException, DomainException, NotFoundException } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { loadProgress, requiredAssignments, completionScope, type ProgressRecord, type UnmetRule } from '../completion/progress';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EnrollmentEvent } from '../enrollments/enrollment-event.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { changeStatus } from '../enrollments/enrollment-transitions';
import { FILE_STORE, type FileStore } from '../files/file-store';
import { translate } from '../i18n/i18n';
import { EMAIL_KIND, type EmailPayload } from '../mail/email-message';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';
import { CertificateBatch } from './certificate-batch.entity';
import { CERTIFICATE_KIND, certificatePdfFilename, type CertificateJobPayload } from './certificate-email';
import { buildCertificateFields, type CertificateContext, type CohortPrintData } from './certificate-fields';
import { Certificate } from './certificate.entity';
import { toCertificateSummary, type BatchResponse, type CertificateDetail, type CertificateSummary, type MyCertificate } from './certificate.response';

/** Rows per multi-row INSERT when a batch issues a whole cohort (keeps each statement well under PostgreSQL's 65,535 parameters). */
const INSERT_CHUNK = 1000;

const UNMET_ORDER: readonly UnmetRule[] = ['status', 'attendance', 'assignments', 'final_review'];

/** A fresh verification code as stored: normalized, without the dashes it is printed with. */
function newCode(): string {
  return normalizeVerificationCode(generateVerificationCode());
}

/** The outbox row that asks the worker to render (and sign) one revision. */
function renderJob(certificateId: string, revision: number): { kind: string; payload: CertificateJobPayload; dedupeKey: string } {
  return { kind: CERTIFICATE_KIND, payload: { certificateId, revision }, dedupeKey: `certificate:${certificateId}:${revision}` };
}

interface CertificateAccessRow {
  id: string;
  cohort_id: string;
  user_id: string;
  code: string;
  revision: number;
  fields: CertificateFields;
  issued_at: Date;
  revoked_at: Date | null;
  revocation_reason: string | null;
  pdf_revision: number | null;
  pdf_file_key: string | null;
  holder: boolean;
  manager: boolean;
}

/**
 * Issuing, re-issuing and revoking certificates (docs/certificates.md, "Certificates"). Every change writes, in one
 * transaction, the certificate, the enrollment's move to `completed`, the audit rows and the outbox rows the worker
 * renders from; the cohort row is locked first, so two requests for the same cohort never issue twice.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get context(): CertificateContext {
    return {
      publicWebUrl: this.config.PUBLIC_WEB_URL,
      defaultIssuerName: { ar: this.config.CERTIFICATE_ISSUER_NAME_AR, en: this.config.CERTIFICATE_ISSUER_NAME_EN, fr: this.config.CERTIFICATE_ISSUER_NAME_FR },
    };
  }

  summary(row: Parameters<typeof toCertificateSummary>[0]): CertificateSummary {
    return toCertificateSummary(row, this.config.PUBLIC_WEB_URL);
  }

  /** Issue one (201) or re-issue (200): same code, next revision, fresh snapshot of the printed fields. */
  async issueOne(caller: Caller, enrollmentId: string, ctx: RequestContext): Promise<{ created: boolean; certificate: CertificateSummary }> {
    return this.dataSource.transaction(async (manager) => {
      const [enrollment] = await manager.query<{ cohort_id: string; status: string }[]>(`SELECT cohort_id, status FROM enrollments WHERE id = $1`, [enrollmentId]);
      if (!enrollment) throw new NotFoundException();
      const scope = await completionScope(manager, caller, enrollment.cohort_id, 'manage');
      await lockCohort(manager, scope.cohortId);
      const required = await requiredAssignments(manager, scope.cohortId, scope.rule);
      const [progress] = await loadProgress(manager, scope.cohortId, scope.rule, required, ctx.locale, { enrollmentIds: [enrollmentId] });
      const existing = await manager.findOne(Certificate, { where: { enrollmentId } });
      if (existing?.revokedAt) throw new ConflictException('certificate.revoked', 'errors.certificate_revoked');
      if (!progress || !progress.eligible) throw this.notEligible(progress?.unmet ?? ['status'], ctx.locale);

      const print = await this.printData(manager, scope.cohortId, scope.settings);
      const names = { nameLatin: progress.nameLatin, nameArabic: progress.nameArabic };
      let certificate: { id: string; code: string; revision: number; issuedAt: Date; revokedAt: null; pdfRevision: number | null };
      if (existing) {
        // A re-issue corrects what is printed; the day it was earned (issuedOn) and the code stay.
        const revision = existing.revision + 1;
        const fields = buildCertificateFields(print, names, existing.code, existing.issuedAt, this.context);
        await manager.update(Certificate, { id: existing.id }, { revision, fields, issuedById: caller.userId, batchId: null });
        await this.audit.record(manager, { actorId: caller.userId, action: 'certificate.reissued', entityType: 'certificate', entityId: existing.id, data: { revision }, ip: ctx.ip });
        certificate = { id: existing.id, code: existing.code, revision, issuedAt: existing.issuedAt, revokedAt: null, pdfRevision: existing.pdfRevision };
      } else {
        const code = newCode();
        const issuedAt = new Date();
        const row = this.newCertificate(progress, scope.cohortId, code, issuedAt, buildCertificateFields(print, names, code, issuedAt, this.context), caller.userId, null);
        await manager.insert(Certificate, row);
        await this.audit.record(manager, { actorId: caller.userId, action: 'certificate.issued', entityType: 'certificate', entityId: row.id, data: { enrollmentId }, ip: ctx.ip });
        certificate = { id: row.id, code, revision: 1, issuedAt, revokedAt: null, pdfRevision: null };
      }
      if (progress.status === 'active') await changeStatus(manager, { id: enrollmentId, status: 'active' }, 'completed', caller.userId);
      await this.outbox.enqueue(manager, renderJob(certificate.id, certificate.revision));
      return { created: !existing, certificate: this.summary(certificate) };
    });
  }

  /**
   * Issues to every eligible trainee of the cohort who has no certificate yet, in one transaction with multi-row
   * inserts (a thousand trainees cost a handful of statements). The cohort row lock makes a second, concurrent
   * request wait and then find nobody left (409).
   */
  async issueBatch(caller: Caller, cohortId: string, ctx: RequestContext): Promise<BatchResponse> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await completionScope(manager, caller, cohortId, 'manage');
      await lockCohort(manager, cohortId);
      const required = await requiredAssignments(manager, cohortId, scope.rule);
      const targets = (await loadProgress(manager, cohortId, scope.rule, required, ctx.locale)).filter((p) => p.eligible && !p.certificate);
      if (targets.length === 0) throw new ConflictException('certificate.none_eligible', 'errors.certificate_none_eligible');

      const print = await this.printData(manager, cohortId, scope.settings);
      const batchId = randomUUID();
      const issuedAt = new Date();
      await manager.insert(CertificateBatch, { id: batchId, cohortId, requestedById: caller.userId, total: targets.length });
      const rows = targets.map((p) => {
        const code = newCode();
        const fields = buildCertificateFields(print, { nameLatin: p.nameLatin, nameArabic: p.nameArabic }, code, issuedAt, this.context);
        return this.newCertificate(p, cohortId, code, issuedAt, fields, caller.userId, batchId);
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await manager.createQueryBuilder().insert().into(Certificate).values(chunk).execute();
        await manager
          .createQueryBuilder()
          .insert()
          .into(AuditEvent)
          .values(chunk.map((c) => ({ actorId: caller.userId, action: 'certificate.issued', entityType: 'certificate', entityId: c.id, data: { enrollmentId: c.enrollmentId, batchId }, ip: ctx.ip })))
          .execute();
        await manager
          .createQueryBuilder()
          .insert()
          .into(OutboxMessage)
          .values(chunk.map((c) => ({ ...renderJob(c.id, 1), payload: renderJob(c.id, 1).payload as QueryDeepPartialEntity<Record<string, unknown>> })))
          .orIgnore()
          .execute();
      }
      const active = targets.filter((p) => p.status === 'active').map((p) => p.enrollmentId);
      for (let i = 0; i < active.length; i += INSERT_CHUNK) {
        const chunk = active.slice(i, i + INSERT_CHUNK);
        await manager.createQueryBuilder().update(Enrollment).set({ status: 'completed' }).where('id IN (:...ids)', { ids: chunk }).execute();
        await manager.insert(
          EnrollmentEvent,
          chunk.map((enrollmentId) => ({ enrollmentId, fromStatus: 'active' as const, toStatus: 'completed' as const, actorId: caller.userId })),
        );
      }
      return this.batchOf(manager, batchId);
    });
  }

  /** A batch's progress: rendered at the current revision, failed for good, done when they add up. */
  async batch(caller: Caller, batchId: string): Promise<BatchResponse> {
    const manager = this.dataSource.manager;
    const [row] = await manager.query<{ cohort_id: string }[]>(`SELECT cohort_id FROM certificate_batches WHERE id = $1`, [batchId]);
    if (!row) throw new NotFoundException();
    await completionScope(manager, caller, row.cohort_id, 'manage');
    return this.batchOf(manager, batchId);
  }

  async batchOf(manager: EntityManager, batchId: string): Promise<BatchResponse> {
    const [row] = await manager.query<{ id: string; cohort_id: string; total: number; created_at: Date; rendered: number; failed: number; still: number }[]>(
      `SELECT b.id, b.cohort_id, b.total, b.created_at,
         count(c.id) FILTER (WHERE c.pdf_revision = c.revision)::int AS rendered,
         count(c.id) FILTER (WHERE c.pdf_revision IS DISTINCT FROM c.revision AND o.status = 'failed')::int AS failed,
         count(c.id)::int AS still
       FROM certificate_batches b
       LEFT JOIN certificates c ON c.batch_id = b.id
       LEFT JOIN outbox_messages o ON o.dedupe_key = 'certificate:' || c.id || ':' || c.revision
       WHERE b.id = $1
       GROUP BY b.id`,
      [batchId],
    );
    if (!row) throw new NotFoundException();
    return {
      id: row.id,
      cohortId: row.cohort_id,
      total: row.total,
      rendered: row.rendered,
      failed: row.failed,
      // A certificate re-issued on its own since leaves the batch; the batch is done once those still in it are.
      done: row.rendered + row.failed >= row.still,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** Revocation is final: audited, and the holder is told why by email (once). */
  async revoke(caller: Caller, certificateId: string, reason: string, ctx: RequestContext): Promise<CertificateSummary> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query<{ cohort_id: string }[]>(`SELECT cohort_id FROM certificates WHERE id = $1`, [certificateId]);
      if (!found) throw new NotFoundException();
      await completionScope(manager, caller, found.cohort_id, 'manage');
      const certificate = await manager.findOne(Certificate, { where: { id: certificateId }, lock: { mode: 'pessimistic_write' } });
      if (!certificate) throw new NotFoundException();
      if (certificate.revokedAt) throw new ConflictException('certificate.already_revoked', 'errors.certificate_already_revoked');
      const revokedAt = new Date();
      await manager.update(Certificate, { id: certificateId }, { revokedAt, revokedById: caller.userId, revocationReason: reason });
      await this.audit.record(manager, { actorId: caller.userId, action: 'certificate.revoked', entityType: 'certificate', entityId: certificateId, data: { reason }, ip: ctx.ip });
      await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: await this.revokedEmail(manager, certificateId, reason, revokedAt), dedupeKey: `certificate-revoked:${certificateId}` });
      return this.summary({ ...certificate, revokedAt });
    });
  }

  /** The holder, the cohort's lead trainers and admins; anyone else 404. */
  async detail(caller: Caller, certificateId: string): Promise<CertificateDetail> {
    const row = await this.readable(caller, certificateId);
    return { ...this.summary(toRow(row)), fields: row.fields, revocationReason: row.revocation_reason };
  }

  /** The rendered PDF of the current revision, streamed from the FileStore; 409 while the worker has not caught up. */
  async pdf(caller: Caller, certificateId: string): Promise<{ stream: Readable; filename: string }> {
    const row = await this.readable(caller, certificateId);
    if (!row.pdf_file_key || row.pdf_revision !== row.revision) throw new ConflictException('certificate.pdf_pending', 'errors.certificate_pdf_pending');
    return { stream: await this.files.open(row.pdf_file_key), filename: certificatePdfFilename(formatVerificationCode(row.code)) };
  }

  /** The caller's certificates, newest first, with LinkedIn's add-to-profile link for the valid ones. */
  async mine(caller: Caller, locale: Locale): Promise<MyCertificate[]> {
    const rows = await this.dataSource.query<(CertificateAccessRow & { cohort_name: LocalizedText; course_title: LocalizedText })[]>(
      `SELECT c.id, c.cohort_id, c.user_id, c.code, c.revision, c.fields, c.issued_at, c.revoked_at, c.revocation_reason, c.pdf_revision, c.pdf_file_key,
         co.name AS cohort_name, ${COURSE_TITLE} AS course_title
       FROM certificates c
       JOIN cohorts co ON co.id = c.cohort_id
       JOIN course_versions cv ON cv.id = co.course_version_id
       JOIN courses cr ON cr.id = co.course_id
       WHERE c.user_id = $1
       ORDER BY c.issued_at DESC, c.id`,
      [caller.userId],
    );
    return rows.map((r) => {
      const summary = this.summary(toRow(r));
      const courseTitle = resolveText(r.course_title, locale).text;
      return {
        ...summary,
        courseTitle,
        cohortName: resolveText(r.cohort_name, locale).text,
        revocationReason: r.revocation_reason,
        linkedInUrl: r.revoked_at ? null : linkedInUrl(r.fields, courseTitle, summary.code, locale),
      };
    });
  }

  /** `PUT /cohorts/{id}/certificate-settings` (lead trainer/admin); audited. Issued certificates keep their snapshot. */
  async updateSettings(caller: Caller, cohortId: string, settings: CertificateSettings, ctx: RequestContext): Promise<CertificateSettings> {
    return this.dataSource.transaction(async (manager) => {
      await completionScope(manager, caller, cohortId, 'manage');
      const clean: CertificateSettings = {
        secondaryLocale: settings.secondaryLocale,
        issuerName: withoutEmpty(settings.issuerName),
        signatories: settings.signatories.map((s) => ({ name: s.name, title: withoutEmpty(s.title) })),
      };
      await manager.query(`UPDATE cohorts SET certificate_settings = $2, updated_at = now() WHERE id = $1`, [cohortId, clean]);
      await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.certificate_settings_changed', entityType: 'cohort', entityId: cohortId, data: { settings: clean }, ip: ctx.ip });
      return clean;
    });
  }

  private async readable(caller: Caller, certificateId: string): Promise<CertificateAccessRow> {
    const [row] = await this.dataSource.query<CertificateAccessRow[]>(
      `SELECT c.id, c.cohort_id, c.user_id, c.code, c.revision, c.fields, c.issued_at, c.revoked_at, c.revocation_reason, c.pdf_revision, c.pdf_file_key,
         (c.user_id = $2) AS holder,
         EXISTS (SELECT 1 FROM cohort_staff s WHERE s.cohort_id = c.cohort_id AND s.user_id = $2 AND s.role = 'lead_trainer') AS manager
       FROM certificates c WHERE c.id = $1`,
      [certificateId, caller.userId],
    );
    if (!row || !(row.holder || row.manager || caller.isAdmin)) throw new NotFoundException();
    return row;
  }

  private newCertificate(p: ProgressRecord, cohortId: string, code: string, issuedAt: Date, fields: CertificateFields, issuedById: string, batchId: string | null) {
    return {
      id: randomUUID(),
      enrollmentId: p.enrollmentId,
      cohortId,
      userId: p.userId,
      code,
      revision: 1,
      fields,
      identitySalt: randomBytes(16).toString('hex'),
      issuedAt,
      issuedById,
      batchId,
    };
  }

  /** The cohort's printed data, with its lead trainers as default signatories, in one query. */
  private async printData(manager: EntityManager, cohortId: string, settings: CertificateSettings): Promise<CohortPrintData> {
    const [row] = await manager.query<
      { name: LocalizedText; course_title: LocalizedText; city: LocalizedText; online: boolean; starts_on: string; ends_on: string; time_zone: string; lead_trainers: string[] }[]
    >(
      `SELECT co.name, ${COURSE_TITLE} AS course_title, co.city, co.online, to_char(co.starts_on, 'YYYY-MM-DD') AS starts_on,
         to_char(co.ends_on, 'YYYY-MM-DD') AS ends_on, co.time_zone,
         ARRAY(SELECT COALESCE(NULLIF(u.name_arabic, ''), u.name_latin) FROM cohort_staff s JOIN users u ON u.id = s.user_id
                WHERE s.cohort_id = co.id AND s.role = 'lead_trainer' ORDER BY s.created_at, s.id LIMIT 3)::text[] AS lead_trainers
       FROM cohorts co
       JOIN course_versions cv ON cv.id = co.course_version_id
       JOIN courses cr ON cr.id = co.course_id
       WHERE co.id = $1`,
      [cohortId],
    );
    if (!row) throw new NotFoundException();
    return {
      name: row.name,
      courseTitle: row.course_title,
      city: row.city,
      online: row.online,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      timeZone: row.time_zone,
      settings,
      leadTrainers: row.lead_trainers,
    };
  }

  private async revokedEmail(manager: EntityManager, certificateId: string, reason: string, revokedAt: Date): Promise<EmailPayload> {
    const [row] = await manager.query<{ email: string; locale: Locale; name_latin: string; name_arabic: string; cohort_name: LocalizedText; course_title: LocalizedText; time_zone: string }[]>(
      `SELECT u.email, u.locale, u.name_latin, u.name_arabic, co.name AS cohort_name, ${COURSE_TITLE} AS course_title, co.time_zone
       FROM certificates c JOIN users u ON u.id = c.user_id
       JOIN cohorts co ON co.id = c.cohort_id
       JOIN course_versions cv ON cv.id = co.course_version_id
       JOIN courses cr ON cr.id = co.course_id
       WHERE c.id = $1`,
      [certificateId],
    );
    const locale = row.locale;
    const name = locale === 'ar' ? row.name_arabic || row.name_latin : row.name_latin || row.name_arabic;
    return {
      template: 'certificate_revoked',
      to: row.email,
      locale,
      data: {
        name,
        courseTitle: resolveText(row.course_title, locale).text,
        cohortName: resolveText(row.cohort_name, locale).text,
        revokedAt: new Date(revokedAt).toISOString(),
        timeZone: row.time_zone,
        reason,
        url: `${this.config.PUBLIC_WEB_URL.replace(/\/+$/, '')}/${locale}/dashboard`,
      },
    };
  }

  private notEligible(unmet: readonly UnmetRule[], locale: Locale): DomainException {
    const names = UNMET_ORDER.filter((r) => unmet.includes(r)).map((r) => translate(locale, `certificate_rules.${r}`));
    const rules = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
    return new DomainException(409, 'certificate.not_eligible', 'errors.certificate_not_eligible', { rules });
  }
}

/** The course title as the cohort's pinned version has it, else the course's (aliases `cv`, `cr`). */
const COURSE_TITLE = `COALESCE(CASE WHEN jsonb_typeof(cv.content->'title') = 'object' THEN cv.content->'title' END, cr.title)`;

function toRow(r: Pick<CertificateAccessRow, 'id' | 'code' | 'revision' | 'issued_at' | 'revoked_at' | 'pdf_revision'>) {
  return { id: r.id, code: r.code, revision: r.revision, issuedAt: r.issued_at, revokedAt: r.revoked_at, pdfRevision: r.pdf_revision };
}

function withoutEmpty<T extends Partial<Record<string, string>>>(text: T): T {
  return Object.fromEntries(Object.entries(text).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as T;
}

/** LinkedIn's "add licence or certification" link, filled with what is printed. */
export function linkedInUrl(fields: CertificateFields, courseTitle: string, formattedCode: string, locale: Locale): string {
  const [year, month] = fields.issuedOn.split('-');
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: courseTitle,
    organizationName: resolveText(fields.issuer.name, locale).text,
    issueYear: year,
    issueMonth: String(Number(month)),
    certUrl: fields.verifyUrl,
    certId: formattedCode,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

