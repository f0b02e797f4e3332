import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CERTIFICATE_SETTINGS, type CertificateSettings, type PrintedText } from '@halaqa/certificates';
import type { LocalizedText } from '../common/localized-text';
import { buildCertificateFields } from '../certificates/certificate-fields';
import { CERTIFICATE_KIND } from '../certificates/certificate-email';
import { OutboxService } from '../outbox/outbox.service';
import { COHORT } from './demo-data';
import { demoId } from './demo-exercises';

/**
 * graduate@'s certificate for the completed Baghdad cohort, with a fixed verification code so the docs can link
 * its public page: `/en/verify/JQ33A1D25N58H5206XTM3AYWC5F4`.
 */
export const DEMO_GRADUATE_CERTIFICATE_CODE = 'JQ33A1D25N58H5206XTM3AYWC5F4';
/** A certificate issued by mistake in Baghdad and revoked: the verify page shows it as revoked. */
export const DEMO_REVOKED_CERTIFICATE_CODE = 'B9FS187WHQ8PC3MRR12SR4RY5425';

interface DemoCertificate {
  email: string;
  code: string;
  /** Days after the cohort's last day. */
  issuedAfterDays: number;
  revoked?: { afterDays: number; reason: string };
}

const CERTIFICATES: DemoCertificate[] = [
  { email: 'graduate@example.org', code: DEMO_GRADUATE_CERTIFICATE_CODE, issuedAfterDays: 3 },
  // Staff of the Najaf forum, so its dashboard shows a certificate (Haider's, below, was revoked).
  { email: 'zainab.hassan@example.org', code: '6SDYKTWZW60EZZSVSGVCEF3DGC2V', issuedAfterDays: 3 },
  {
    email: 'haider.salman@example.org',
    code: DEMO_REVOKED_CERTIFICATE_CODE,
    issuedAfterDays: 3,
    revoked: { afterDays: 10, reason: 'أُصدرت الشهادة بالخطأ قبل مراجعة التمارين المطلوبة، ولم يُستوفَ شرط التمارين.' },
  },
];

/** Final reviews recorded by the lead trainer: graduate@ and Zainab Hassan (certified), Mustafa Al-Obaidi (eligible, not issued yet). */
const FINAL_REVIEWS: Array<{ email: string; note: string }> = [
  { email: 'graduate@example.org', note: 'مشاركة ممتازة طوال الدورة، وخطة حملة واضحة وقابلة للتنفيذ.' },
  { email: 'mustafa.obaidi@example.org', note: 'أتمّ كل المتطلبات بجدّية.' },
  { email: 'zainab.hassan@example.org', note: 'حضور منتظم وتمارين متقنة.' },
];

export interface DemoCertificateOptions {
  publicWebUrl: string;
  defaultIssuerName: PrintedText;
}

/**
 * The Baghdad cohort's certificates: final reviews, graduate@'s and Zainab Hassan's certificates and a revoked one, each with the
 * `certificate` outbox row the api would have written, so the running worker renders their PDF and emails them
 * (the revoked one's email is skipped at send time). Mustafa Al-Obaidi meets every rule and has no certificate:
 * the trainer's completion page offers to issue it. Rows that exist are left as they are.
 */
export async function seedCertificates(manager: EntityManager, options: DemoCertificateOptions): Promise<number> {
  const [cohort] = await manager.query<
    Array<{ name: LocalizedText; course_title: LocalizedText; city: LocalizedText; online: boolean; starts_on: string; ends_on: string; time_zone: string; settings: CertificateSettings | null; lead_trainers: string[]; lead_id: string | null }>
  >(
    `SELECT co.name, COALESCE(CASE WHEN jsonb_typeof(cv.content->'title') = 'object' THEN cv.content->'title' END, cr.title) AS course_title,
            co.city, co.online, to_char(co.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(co.ends_on, 'YYYY-MM-DD') AS ends_on, co.time_zone,
            co.certificate_settings AS settings,
            ARRAY(SELECT COALESCE(NULLIF(u.name_arabic, ''), u.name_latin) FROM cohort_staff s JOIN users u ON u.id = s.user_id
                   WHERE s.cohort_id = co.id AND s.role = 'lead_trainer' ORDER BY s.created_at, s.id LIMIT 3)::text[] AS lead_trainers,
            (SELECT s.user_id FROM cohort_staff s WHERE s.cohort_id = co.id AND s.role = 'lead_trainer' ORDER BY s.created_at, s.id LIMIT 1) AS lead_id
       FROM cohorts co JOIN course_versions cv ON cv.id = co.course_version_id JOIN courses cr ON cr.id = co.course_id
      WHERE co.id = $1`,
    [COHORT.baghdad],
  );
  if (!cohort) return 0;
  let created = 0;

  const enrollmentOf = async (email: string) =>
    (
      await manager.query<Array<{ id: string; user_id: string; name_latin: string; name_arabic: string }>>(
        `SELECT e.id, e.user_id, u.name_latin, u.name_arabic FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 AND u.email = $2`,
        [COHORT.baghdad, email],
      )
    )[0];

  for (const review of FINAL_REVIEWS) {
    const enrollment = await enrollmentOf(review.email);
    if (!enrollment) continue;
    const rows = await manager.query<unknown[]>(
      `INSERT INTO final_reviews (enrollment_id, passed, note, reviewed_by_id, reviewed_at)
       SELECT $1, true, $2, $3, co.ends_on + interval '1 day 10 hours' FROM cohorts co WHERE co.id = $4
       ON CONFLICT DO NOTHING RETURNING enrollment_id`,
      [enrollment.id, review.note, cohort.lead_id, COHORT.baghdad],
    );
    created += rows.length;
  }

  const outbox = new OutboxService();
  const endsOn = new Date(`${cohort.ends_on}T11:00:00Z`);
  for (const demo of CERTIFICATES) {
    const enrollment = await enrollmentOf(demo.email);
    if (!enrollment) continue;
    const issuedAt = new Date(endsOn.getTime() + demo.issuedAfterDays * 86_400_000);
    const fields = buildCertificateFields(
      {
        name: cohort.name,
        courseTitle: cohort.course_title,
        city: cohort.city,
        online: cohort.online,
        startsOn: cohort.starts_on,
        endsOn: cohort.ends_on,
        timeZone: cohort.time_zone,
        settings: cohort.settings ?? DEFAULT_CERTIFICATE_SETTINGS,
        leadTrainers: cohort.lead_trainers,
      },
      { nameLatin: enrollment.name_latin, nameArabic: enrollment.name_arabic },
      demo.code,
      issuedAt,
      options,
    );
    const id = demoId(`certificate:${enrollment.id}`);
    const revokedAt = demo.revoked ? new Date(issuedAt.getTime() + demo.revoked.afterDays * 86_400_000) : null;
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO certificates (id, enrollment_id, cohort_id, user_id, code, revision, fields, identity_salt, issued_at, issued_by_id, revoked_at, revoked_by_id, revocation_reason)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING id`,
      [
        id,
        enrollment.id,
        COHORT.baghdad,
        enrollment.user_id,
        demo.code,
        JSON.stringify(fields),
        randomBytes(16).toString('hex'),
        issuedAt,
        cohort.lead_id,
        revokedAt,
        revokedAt ? cohort.lead_id : null,
        demo.revoked?.reason ?? null,
      ],
    );
    if (inserted.length === 0) continue;
    created++;
    // As the api does on issuing: the worker renders, stores and signs it, then emails graduate@.
    await outbox.enqueue(manager, { kind: CERTIFICATE_KIND, payload: { certificateId: id, revision: 1 }, dedupeKey: `certificate:${id}:1` });
  }
  return created;
}
