import { Form, Link } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatPrintedDate,
  groupCode,
  percent,
  printedLines,
  type MyCertificate,
  type PrintedText,
  type Progress,
  type VerifiedCertificate,
} from '~/lib/certificates';
import { formatDate } from '~/lib/format';
import type { Locale } from '~/lib/locale';
import { ChevronForward } from './icons';

/** The code box of `/{lang}/verify`: a plain GET form, so it works without JavaScript. */
export function VerifyForm({ lang, defaultValue, error }: { lang: Locale; defaultValue?: string; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action={`/${lang}/verify`} className="form verify-form">
      <div className="field">
        <label htmlFor="verify-code">{t('verify.codeLabel')}</label>
        <p id="verify-code-hint" className="hint">
          {t('verify.codeHint')}
        </p>
        <input
          id="verify-code"
          name="code"
          type="text"
          dir="ltr"
          defaultValue={defaultValue}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={error ? 'verify-code-hint verify-code-error' : 'verify-code-hint'}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <ul id="verify-code-error" className="field-errors">
            <li>{error}</li>
          </ul>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button primary">
          {t('verify.submit')}
        </button>
      </p>
    </Form>
  );
}

/** A printed text as the page shows it: each printed side in its own language and direction. */
function Printed({ text, lang, secondary }: { text: PrintedText; lang: Locale; secondary: 'en' | 'fr' }) {
  const lines = printedLines(text, lang, secondary);
  return (
    <>
      {lines.map((line, index) => (
        <span key={line.lang} className="printed-line" lang={line.lang} dir={line.lang === 'ar' ? 'rtl' : 'ltr'}>
          {index > 0 ? <br /> : null}
          {line.text}
        </span>
      ))}
    </>
  );
}

/** Every field printed on the certificate, in the page's language where the certificate has it. */
export function VerifiedFields({ certificate, lang }: { certificate: VerifiedCertificate; lang: Locale }) {
  const { t } = useTranslation();
  const secondary = certificate.secondaryLocale;
  const { nameArabic, nameLatin } = certificate.recipient;
  return (
    <dl className="facts verify-facts">
      <div>
        <dt>{t('verify.fields.recipient')}</dt>
        <dd className="verify-recipient">
          {nameArabic ? (
            <span lang="ar" dir="rtl">
              {nameArabic}
            </span>
          ) : null}
          {nameArabic && nameLatin ? <br /> : null}
          {nameLatin ? (
            <span dir="ltr" lang={secondary}>
              {nameLatin}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('verify.fields.course')}</dt>
        <dd>
          <Printed text={certificate.courseTitle} lang={lang} secondary={secondary} />
        </dd>
      </div>
      <div>
        <dt>{t('verify.fields.cohort')}</dt>
        <dd>
          <Printed text={certificate.cohortName} lang={lang} secondary={secondary} />
        </dd>
      </div>
      <div>
        <dt>{t('verify.fields.place')}</dt>
        <dd>{certificate.online ? t('verify.online') : <Printed text={certificate.city} lang={lang} secondary={secondary} />}</dd>
      </div>
      <div>
        <dt>{t('verify.fields.dates')}</dt>
        <dd>{t('verify.dateRange', { start: formatPrintedDate(certificate.startsOn, lang), end: formatPrintedDate(certificate.endsOn, lang) })}</dd>
      </div>
      <div>
        <dt>{t('verify.fields.issuedOn')}</dt>
        <dd>{formatPrintedDate(certificate.issuedOn, lang)}</dd>
      </div>
      <div>
        <dt>{t('verify.fields.issuer')}</dt>
        <dd>
          <Printed text={certificate.issuer.name} lang={lang} secondary={secondary} />
          {certificate.issuer.url ? (
            <>
              <br />
              <bdi dir="ltr" className="muted">
                {certificate.issuer.url}
              </bdi>
            </>
          ) : null}
        </dd>
      </div>
      {certificate.signatories.length > 0 ? (
        <div>
          <dt>{t('verify.fields.signatories')}</dt>
          <dd>
            <ul className="verify-signatories">
              {certificate.signatories.map((signatory, index) => (
                <li key={`${signatory.name}-${index}`}>
                  <bdi>{signatory.name}</bdi>
                  {' — '}
                  <Printed text={signatory.title} lang={lang} secondary={secondary} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('verify.fields.code')}</dt>
        <dd>
          <code dir="ltr" className="certificate-code">
            {groupCode(certificate.code)}
          </code>
        </dd>
      </div>
    </dl>
  );
}

/** "Copy link" for people with JavaScript (rendered only once hydrated); without it the link beside it is enough. */
function CopyLinkButton({ url }: { url: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => setReady(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.clipboard.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {t('certificates.copyLink')}
      </button>
      <span role="status" className="muted">
        {copied === true ? t('certificates.copied') : copied === false ? t('certificates.copyFailed') : ''}
      </span>
    </>
  );
}

/** The graduate's certificates on the dashboard, newest first. */
export function MyCertificates({ certificates, lang }: { certificates: MyCertificate[]; lang: Locale }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t('certificates.mine.title')}</h2>
      <ul className="my-certificate-list">
        {certificates.map((certificate) => {
          const verifyPath = `/${lang}/verify/${encodeURIComponent(certificate.code.replace(/-/g, ''))}`;
          return (
            <li key={certificate.id} className={`certificate-card certificate-${certificate.status}`}>
              <h3 dir="auto">{certificate.courseTitle}</h3>
              <p dir="auto" className="muted">
                {certificate.cohortName}
              </p>
              <p>
                <strong className="tag">{t(`certificates.status.${certificate.status}`)}</strong>{' '}
                {t('certificates.issuedOn', { date: formatDate(certificate.issuedAt, lang) })}
              </p>
              {certificate.status === 'revoked' ? (
                <div className="notice notice-error">
                  <p>{t('certificates.revokedOn', { date: certificate.revokedAt ? formatDate(certificate.revokedAt, lang) : '' })}</p>
                  {certificate.revocationReason ? (
                    <p>
                      {t('certificates.revocationReason')} <q dir="auto">{certificate.revocationReason}</q>
                    </p>
                  ) : null}
                </div>
              ) : null}
              <p>
                {t('certificates.code')} <code dir="ltr">{groupCode(certificate.code)}</code>
              </p>
              <p className="actions">
                {certificate.status === 'issued' && certificate.pdfReady ? (
                  <a className="button primary" href={`/${lang}/certificates/${certificate.id}.pdf`} download>
                    {t('certificates.downloadPdf')}
                  </a>
                ) : null}
                {certificate.status === 'issued' && certificate.pdfReady ? (
                  <a className="button" href={`${verifyPath}/credential`} download>
                    {t('certificates.downloadCredential')}
                  </a>
                ) : null}
                {certificate.linkedInUrl ? (
                  <a className="button" href={certificate.linkedInUrl} rel="noopener noreferrer" target="_blank">
                    {t('certificates.addToLinkedIn')}
                  </a>
                ) : null}
              </p>
              {certificate.status === 'issued' && !certificate.pdfReady ? <p className="muted">{t('certificates.pdfPending')}</p> : null}
              <p className="actions">
                <Link to={verifyPath}>
                  {t('certificates.verifyPage')}
                  <ChevronForward />
                </Link>
                <CopyLinkButton url={certificate.verifyUrl} />
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Met({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return <strong className={met ? 'rule-met' : 'rule-unmet'}>{met ? t('certificates.progress.met') : t('certificates.progress.notMet')}</strong>;
}

/** The trainee's standing against the cohort's completion rule, in words and numbers (never colour alone). */
export function ProgressPanel({ progress, lang }: { progress: Progress; lang: Locale }) {
  const { t } = useTranslation();
  const { attendance, assignments, finalReview, rule } = progress;
  const rate = percent(attendance.attended, attendance.held);
  const left = assignments.items.filter((item) => item.required && item.status !== 'passed');
  return (
    <section className="panel progress-panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('certificates.progress.title')}</h2>
      {progress.certificate ? (
        <p>
          <Link to={`/${lang}/dashboard#certificates-title`}>
            {t(progress.certificate.status === 'revoked' ? 'certificates.progress.revoked' : 'certificates.progress.issued')}
          </Link>
        </p>
      ) : progress.eligible ? (
        <div className="notice notice-success" role="status">
          <p>{t('certificates.progress.eligible')}</p>
        </div>
      ) : (
        <p className="muted">{t('certificates.progress.lead')}</p>
      )}

      <h3>{t('certificates.progress.attendanceTitle')}</h3>
      {attendance.held > 0 ? (
        <>
          <p>
            <progress max={attendance.held} value={attendance.attended} aria-labelledby="attendance-text" />
          </p>
          <p id="attendance-text">{t('certificates.progress.attendance', { attended: attendance.attended, count: attendance.held, percent: rate ?? 0 })}</p>
        </>
      ) : (
        <p>{t('certificates.progress.noSessions')}</p>
      )}
      <p>
        {rule.minAttendancePercent > 0 ? t('certificates.progress.attendanceRequired', { percent: rule.minAttendancePercent }) : t('certificates.progress.attendanceNotRequired')}{' '}
        <Met met={attendance.met} />
      </p>

      <h3>{t('certificates.progress.exercisesTitle')}</h3>
      {assignments.required > 0 ? (
        <>
          <p>
            <progress max={assignments.required} value={assignments.passed} aria-labelledby="exercises-text" />
          </p>
          <p id="exercises-text">
            {t('certificates.progress.exercises', { passed: assignments.passed, count: assignments.required })} <Met met={assignments.met} />
          </p>
          {left.length > 0 ? (
            <>
              <p>{t('certificates.progress.exercisesLeft')}</p>
              <ul>
                {left.map((item) => (
                  <li key={item.assignmentId}>
                    <Link to={`/${lang}/exercises/${item.assignmentId}`} dir="auto">
                      {item.title}
                    </Link>{' '}
                    <span className="muted">({t(`exercises.status.${item.status}`)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('certificates.progress.noExercises')}</p>
      )}

      {finalReview.required ? (
        <>
          <h3>{t('certificates.progress.finalReviewTitle')}</h3>
          <p>
            {finalReview.passed === true
              ? t('certificates.progress.finalReviewPassed')
              : finalReview.passed === false
                ? t('certificates.progress.finalReviewNotPassed')
                : t('certificates.progress.finalReviewWaiting')}{' '}
            <Met met={finalReview.met} />
          </p>
        </>
      ) : null}
    </section>
  );
}
