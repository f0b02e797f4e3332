import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ChevronForward } from './icons';

/** A cohort as the catalog pages show it: everything already formatted for the reader by the loader. */
export interface CohortCard {
  id: string;
  name: string;
  courseTitle: string;
  dates: string;
  weeks: number;
  place: string;
  online: boolean;
  timeZone: string;
  /** The cohort's time zone in words, when the reader's differs or is unknown (signed out). */
  zoneNote: string | null;
  status: string;
  mode: string;
  capacity: number;
  seatsLeft: number;
  waitlisted: number;
}

/** "5 places left", or "Full: 3 waiting" — how much room there is, in words and plural forms. */
export function SeatsText({ seatsLeft, waitlisted }: { seatsLeft: number; waitlisted: number }) {
  const { t } = useTranslation();
  if (seatsLeft > 0) return <>{t('catalog.seatsLeft', { count: seatsLeft })}</>;
  return (
    <>
      {t('catalog.full')} {waitlisted > 0 ? t('catalog.waiting', { count: waitlisted }) : null}
    </>
  );
}

/** How one joins this cohort, in a short phrase ("Enroll directly", "Apply with a short form", "Invite code"). */
export function JoinModeText({ mode, seatsLeft }: { mode: string; seatsLeft: number }) {
  const { t } = useTranslation();
  if (seatsLeft <= 0 && mode !== 'invite') return <>{t('catalog.howWaitlist')}</>;
  return <>{t(`catalog.how.${mode}`)}</>;
}

export function CohortCardItem({ cohort, lang, showCourse = false }: { cohort: CohortCard; lang: string; showCourse?: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="cohort-card">
      {/* Names may fall back to another language than the page's: dir="auto" lays each out by its own script. */}
      <h3 dir="auto">
        <Link to={`/${lang}/cohorts/${cohort.id}`}>{cohort.name}</Link>
      </h3>
      {showCourse ? <p className="muted">{cohort.courseTitle}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('catalog.dates')}</dt>
          <dd>
            {/* No parentheses: the Arabic face (Amiri) draws them the wrong way round in right-to-left text. */}
            <bdi>{cohort.dates}</bdi> <span className="muted">· {t('catalog.weeks', { count: cohort.weeks })}</span>
            {cohort.zoneNote ? <span className="muted zone-note">{t('catalog.zoneNote', { zone: cohort.zoneNote })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('catalog.place')}</dt>
          <dd>{cohort.online ? t('catalog.online') : cohort.place}</dd>
        </div>
        <div>
          <dt>{t('catalog.places')}</dt>
          <dd className={cohort.seatsLeft > 0 ? undefined : 'full'}>
            <SeatsText seatsLeft={cohort.seatsLeft} waitlisted={cohort.waitlisted} />
          </dd>
        </div>
        <div>
          <dt>{t('catalog.howToJoin')}</dt>
          <dd>
            <JoinModeText mode={cohort.mode} seatsLeft={cohort.seatsLeft} />
          </dd>
        </div>
      </dl>
      <p>
        <Link className="button" to={`/${lang}/cohorts/${cohort.id}`} aria-label={t('catalog.openCohortOf', { name: cohort.name })}>
          {t('catalog.openCohort')}
          <ChevronForward />
        </Link>
      </p>
    </li>
  );
}

/** Said wherever a text is shown in another language than the page's: readers should know it is not a mistake. */
export function FallbackNotice({ textLang }: { textLang: string | null }) {
  const { t } = useTranslation();
  if (!textLang) return null;
  return (
    <p className="fallback-note" role="note">
      {t('catalog.fallback', { language: t(`catalog.languages.${textLang}`) })}
    </p>
  );
}
