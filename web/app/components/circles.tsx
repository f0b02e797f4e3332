import { Link } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateView, SessionView } from '~/lib/circles';
import { ChevronForward } from './icons';


export function RateText({ rate }: { rate: RateView | null }) {
  const { t } = useTranslation();
  if (!rate || rate.percent === null) return <span className="rate rate-none">{t('circles.rateNone')}</span>;
  return (
    // Each part isolated, so "67%" and "2 of 3" never merge into one run of digits in a right-to-left line.
    <span className="rate">
      <strong>
        <bdi>{rate.percent}</bdi>
      </strong>{' '}
      <span className="muted">
        · <bdi>{t('circles.rateOf', { attended: rate.attended, count: rate.held })}</bdi>
      </span>
    </span>
  );
}

/** When and where: the day and times in the viewer's zone, the session's own clock named when it differs. */
export function SessionWhen({ session, showCircle = false }: { session: SessionView; showCircle?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="session-when">
      <p className="session-day">
        <strong>{session.day}</strong>
        {session.cancelled ? <span className="badge badge-cancelled">{t('sessions.cancelled')}</span> : null}
      </p>
      <p className="session-time">
        <bdi>{session.time}</bdi>
        {session.sessionClock ? <span className="muted session-clock">{t('sessions.theirClock', { clock: session.sessionClock })}</span> : null}
      </p>
      {showCircle && session.circle ? <p className="muted">{session.circle.name}</p> : null}
      {session.place ? <p className="session-place">{session.place}</p> : null}
      {session.onlineUrl ? (
        <p className="session-place">
          <a href={session.onlineUrl} dir="ltr" rel="noreferrer noopener" target="_blank">
            {t('sessions.joinOnline')}
          </a>
        </p>
      ) : null}
      {session.agenda ? <p className="session-agenda">{session.agenda}</p> : null}
      {session.cancelled && session.cancelReason ? <p className="muted">{t('sessions.cancelReasonShown', { reason: session.cancelReason })}</p> : null}
    </div>
  );
}

/** A link styled as a button with the reading-direction chevron. */
export function ForwardLink({ to, children, className = 'button' }: { to: string; children: ReactNode; className?: string }) {
  return (
    <Link className={className} to={to}>
      {children}
      <ChevronForward />
    </Link>
  );
}

/**
 * Copies a text to the clipboard. Rendered only once JavaScript runs (without it the field beside it can be
 * selected and copied by hand), so nobody sees a button that does nothing.
 */
export function CopyButton({ text, targetId }: { text: string; targetId: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      className="button"
      aria-controls={targetId}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? t('calendar.copied') : t('calendar.copy')}
      <span className="visually-hidden" role="status">
        {copied ? t('calendar.copied') : ''}
      </span>
    </button>
  );
}

export interface CirclesPanelData {
  coaching: number;
  member: { id: string; name: string; next: SessionView | null } | null;
}

/** The dashboard's circles panel: the circles coached, and the trainee's circle with its next session. */
export function CirclesPanel({ data, lang }: { data: CirclesPanelData; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="circles-panel-title">
      <h2 id="circles-panel-title">{t('circles.dashboard.title')}</h2>
      {data.member ? (
        <>
          <p>{t('circles.dashboard.member', { name: data.member.name })}</p>
          {data.member.next ? (
            <>
              <p className="muted">{t('circles.dashboard.next')}</p>
              <SessionWhen session={data.member.next} />
            </>
          ) : null}
          <p>
            <ForwardLink to={`/${lang}/my-circle`}>{t('circles.dashboard.openMyCircle')}</ForwardLink>
          </p>
        </>
      ) : null}
      {data.coaching > 0 ? (
        <>
          <p>{t('circles.dashboard.coaching', { count: data.coaching })}</p>
          <p>
            <ForwardLink to={`/${lang}/circles`}>{t('circles.dashboard.openMine')}</ForwardLink>
          </p>
        </>
      ) : null}
    </section>
  );
}
