import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ForwardLink, SessionWhen } from '~/components/circles';
import { ErrorPage } from '~/components/errors';
import { toSessionView, type SessionData } from '~/lib/circles';
import { circlesApi } from '~/lib/circles-api.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import circleStyles from '~/styles/circles.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: circleStyles }];

/** How far back a session still waits for its attendance on this page: the coach marks it after the meeting. */
const attendanceWindowDays = 14;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  const api = circlesApi({ token, locale: lang });
  const now = new Date();
  const from = new Date(now.getTime() - attendanceWindowDays * 86_400_000).toISOString();
  const [circlesResult, sessionsResult] = await Promise.all([api.myCircles(), api.mySessions({ from })]);
  const circles = circlesResult.ok ? circlesResult.data.coaching : [];
  const sessions: SessionData[] = (sessionsResult.ok ? sessionsResult.data.items : []).filter((s) => s.status !== 'cancelled');
  const viewerZone = user.timeZone ?? null;
  return json({
    lang,
    title: fixedT(lang)('circles.mineTitle'),
    circles: circles.map((circle) => {
      const own = sessions.filter((s) => (s.circle?.id ?? null) === circle.id);
      const next = own.find((s) => new Date(s.startsAt) >= now) ?? circle.nextSession;
      // The latest session that has started: the one whose attendance the coach takes now.
      const latest = [...own].reverse().find((s) => new Date(s.startsAt) < now) ?? null;
      return {
        id: circle.id,
        name: circle.displayName,
        cohort: circle.cohort.displayName,
        members: circle.memberCount,
        next: next ? toSessionView(next, lang, viewerZone, now) : null,
        latest: latest ? toSessionView(latest, lang, viewerZone, now) : null,
      };
    }),
  });
}

export default function MyCircles() {
  const { lang, circles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="circles-page">
      <h1>{t('circles.mineTitle')}</h1>
      {circles.length === 0 ? <p className="panel quiet">{t('circles.mineNone')}</p> : null}
      <ul className="circle-cards">
        {circles.map((circle) => (
          <li key={circle.id} className="panel circle-card">
            <h2>
              <Link to={`/${lang}/circles/${circle.id}`}>{circle.name}</Link>
            </h2>
            {circle.cohort ? <p className="muted">{circle.cohort}</p> : null}
            <p>{t('circles.membersCount', { count: circle.members })}</p>
            <h3>{t('circles.nextSession')}</h3>
            {circle.next ? <SessionWhen session={circle.next} /> : <p className="muted">{t('sessions.noneUpcoming')}</p>}
            <p className="actions">
              {circle.latest ? (
                <ForwardLink to={`/${lang}/sessions/${circle.latest.id}/attendance`} className="button primary">
                  {t('attendance.takeFor', { day: circle.latest.day })}
                </ForwardLink>
              ) : null}
              <ForwardLink to={`/${lang}/circles/${circle.id}`}>{t('circles.open')}</ForwardLink>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
