import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput, FormErrors, Notice } from './forms';
import { ChevronForward } from './icons';

/** One enrollment as the trainee's dashboard shows it; formatted by the dashboard loader. */
export interface MyCohort {
  id: string;
  cohortId: string;
  cohortName: string;
  courseTitle: string;
  courseSlug: string;
  dates: string;
  place: string;
  online: boolean;
  status: string;
  waitlistPosition: number | null;
  canWithdraw: boolean;
  /** The organization the trainee's progress is reported to while they consent; `holdsSeat` when it placed them. */
  organization: { id: string; name: string; holdsSeat: boolean } | null;
  /** No organization named yet, and the trainee belongs to at least one. */
  canNameOrganization: boolean;
  consentToShare: boolean;
}

export interface MyCohortsOutcome {
  done?: 'withdrawn' | 'consentGiven' | 'consentWithdrawn' | 'organizationNamed';
  enrollmentId?: string;
  errors?: string[];
}

/** For someone who joined without naming their organization: name one (and agree to share) now. */
function NameOrganizationForm({ cohort, organizations }: { cohort: MyCohort; organizations: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const selectId = `organization-${cohort.id}`;
  // Folded away: many people take part on their own, and a form in every row would nag them.
  return (
    <details className="consent name-organization">
      <summary>{t('myCohorts.nameSummary')}</summary>
      <p className="muted">{t('myCohorts.nameExplain')}</p>
      <Form method="post" action="?intent=organization" className="form compact-form" preventScrollReset>
        <CsrfInput />
        <input type="hidden" name="enrollmentId" value={cohort.id} />
        <div className="field">
          <label htmlFor={selectId}>{t('myCohorts.organizationLabel')}</label>
          <select id={selectId} name="organizationId" defaultValue={organizations.length === 1 ? organizations[0].id : ''}>
            {organizations.length > 1 ? <option value="">{t('myCohorts.chooseOrganization')}</option> : null}
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" name="consentToShare" />
          {t('myCohorts.consentBox')}
        </label>
        <p>
          <button type="submit" className="button">
            {t('myCohorts.nameSubmit')}
          </button>
        </p>
      </Form>
    </details>
  );
}

function ConsentForm({ cohort }: { cohort: MyCohort }) {
  const { t } = useTranslation();
  if (!cohort.organization) return null;
  const name = cohort.organization.name;
  return (
    <div className="consent">
      <h4>{t('myCohorts.consentTitle')}</h4>
      <p className="muted">{t(cohort.organization.holdsSeat ? 'myCohorts.consentExplain' : 'myCohorts.consentExplainNamed', { organization: name })}</p>
      <p>
        <strong>{cohort.consentToShare ? t('myCohorts.consentOn', { organization: name }) : t('myCohorts.consentOff', { organization: name })}</strong>
      </p>
      <Form method="post" action="?intent=consent" className="inline-form" preventScrollReset>
        <CsrfInput />
        <input type="hidden" name="enrollmentId" value={cohort.id} />
        <input type="hidden" name="consentToShare" value={cohort.consentToShare ? 'false' : 'true'} />
        <button type="submit" className="button">
          {cohort.consentToShare ? t('myCohorts.consentRevoke') : t('myCohorts.consentGrant', { organization: name })}
        </button>
      </Form>
    </div>
  );
}

function WithdrawConfirmation({ cohort, lang }: { cohort: MyCohort; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel confirm" aria-labelledby="withdraw-title" role="alertdialog">
      <h3 id="withdraw-title">{t('myCohorts.withdrawTitle', { name: cohort.cohortName })}</h3>
      <p>{t(cohort.status === 'active' ? 'myCohorts.withdrawTextActive' : 'myCohorts.withdrawText')}</p>
      <Form method="post" action="?intent=withdraw" className="actions">
        <CsrfInput />
        <input type="hidden" name="enrollmentId" value={cohort.id} />
        <button type="submit" className="button danger">
          {t('myCohorts.withdrawConfirm')}
        </button>
        <Link className="button" to={`/${lang}/dashboard`} preventScrollReset>
          {t('myCohorts.withdrawCancel')}
        </Link>
      </Form>
    </section>
  );
}

/**
 * "My cohorts": each enrollment with its status in words, the waitlist position, sharing with the trainee's
 * organization (naming it when they did not at join), and withdrawing — after a confirmation that is a page state (`?withdraw=id`), so no JavaScript
 * is needed.
 */
export function MyCohorts({
  cohorts,
  organizations,
  lang,
  withdrawing,
  outcome,
}: {
  cohorts: MyCohort[];
  /** The trainee's organizations, offered where they have not named one. */
  organizations: readonly { id: string; name: string }[];
  lang: string;
  withdrawing: string | null;
  outcome?: MyCohortsOutcome;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel my-cohorts" aria-labelledby="my-cohorts-title">
      <h2 id="my-cohorts-title">{t('myCohorts.title')}</h2>
      {outcome?.done ? <Notice>{t(`myCohorts.done.${outcome.done}`)}</Notice> : null}
      {outcome?.errors && !cohorts.some((c) => c.id === outcome.enrollmentId) ? <FormErrors id="my-cohorts-errors" errors={outcome.errors} /> : null}
      {cohorts.length === 0 ? (
        <>
          <p>{t('myCohorts.empty')}</p>
          <p>
            <Link className="button primary" to={`/${lang}/courses`}>
              {t('myCohorts.browse')}
              <ChevronForward />
            </Link>
          </p>
        </>
      ) : (
        <ul className="my-cohort-list">
          {cohorts.map((cohort) => (
            <li key={cohort.id} className={`my-cohort status-${cohort.status}`}>
              <p className="eyebrow">{cohort.courseTitle}</p>
              <h3 dir="auto">
                <Link to={`/${lang}/cohorts/${cohort.cohortId}`}>{cohort.cohortName}</Link>
              </h3>
              <p className="muted">
                {cohort.dates} · {cohort.online ? t('catalog.online') : cohort.place}
              </p>
              <p className="enrollment-status">
                <span className={`status-badge status-badge-${cohort.status}`}>{t(`myCohorts.status.${cohort.status}`)}</span>
                {cohort.status === 'waitlisted' && cohort.waitlistPosition ? (
                  <span className="muted"> · {t('myCohorts.waitlistPosition', { position: cohort.waitlistPosition })}</span>
                ) : null}
              </p>
              {outcome?.errors && outcome.enrollmentId === cohort.id ? <FormErrors id={`errors-${cohort.id}`} errors={outcome.errors} /> : null}
              <ConsentForm cohort={cohort} />
              {cohort.canNameOrganization ? <NameOrganizationForm cohort={cohort} organizations={organizations} /> : null}
              {withdrawing === cohort.id ? <WithdrawConfirmation cohort={cohort} lang={lang} /> : null}
              <p className="actions">
                <Link className="button" to={`/${lang}/cohorts/${cohort.cohortId}`} aria-label={t('myCohorts.openOf', { name: cohort.cohortName })}>
                  {t('myCohorts.open')}
                  <ChevronForward />
                </Link>
                {cohort.canWithdraw && withdrawing !== cohort.id ? (
                  <Link
                    className="button danger"
                    to={`/${lang}/dashboard?withdraw=${cohort.id}#withdraw-title`}
                    preventScrollReset
                    aria-label={t('myCohorts.withdrawOf', { name: cohort.cohortName })}
                  >
                    {t(cohort.status === 'applied' ? 'myCohorts.withdrawApplication' : 'myCohorts.withdraw')}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
