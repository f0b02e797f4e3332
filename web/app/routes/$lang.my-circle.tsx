import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CopyButton, RateText, SessionWhen } from '~/components/circles';
import { ErrorPage } from '~/components/errors';
import { MyExercises } from '~/components/exercises';
import { CsrfInput, FormErrors, Notice } from '~/components/forms';
import { listOf, nameOf, toRateView, toSessionView, type SessionData } from '~/lib/circles';
import { circlesApi, loadMyCircle } from '~/lib/circles-api.server';
import { loadMyExercises } from '~/lib/exercises-api.server';
import { validatedFormData } from '~/lib/csrf.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { requireLocale } from '~/lib/params.server';
import { problemToFormErrors } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import circleStyles from '~/styles/circles.css?url';
import exerciseStyles from '~/styles/exercises.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: circleStyles },
  { rel: 'stylesheet', href: exerciseStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  const api = circlesApi({ token, locale: lang });
  const now = new Date();
  const viewerZone = user.timeZone ?? null;
  const [circle, upcomingResult, feedResult] = await Promise.all([loadMyCircle(api), api.mySessions({ from: now.toISOString() }), api.calendarFeed()]);
  const [attendanceResult, exercises] = circle
    ? await Promise.all([api.myAttendance(circle.cohortId), loadMyExercises(token, lang, circle.cohortId, viewerZone)])
    : [null, null];
  // The trainee's own circle's sessions (a person who also coaches sees those on "My circles").
  const upcoming: SessionData[] = (upcomingResult.ok ? upcomingResult.data.items : []).filter((s) => !circle || s.circle?.id === circle.id).slice(0, 8);
  const record = attendanceResult?.ok ? attendanceResult.data : null;
  const url = new URL(request.url);
  return json({
    lang,
    title: fixedT(lang)('circles.myTitle'),
    // Without a profile zone, times are the sessions' own, and the page says so.
    zoneKnown: Boolean(viewerZone),
    circle: circle
      ? {
          id: circle.id,
          name: circle.displayName,
          cohort: circle.cohort.displayName,
          coaches: listOf(circle.coaches.map((coach) => nameOf(coach, lang)), lang),
          members: circle.members.map((member) => nameOf(member, lang)).sort((a, b) => a.localeCompare(b, lang)),
        }
      : null,
    upcoming: upcoming.map((session) => toSessionView(session, lang, viewerZone, now)),
    feedUrl: feedResult.ok ? feedResult.data.url : null,
    record: record
      ? {
          rate: toRateView(record, lang),
          // Newest first, as the api sends them.
          items: record.items.slice(0, 20).map((item) => ({
            session: toSessionView({ id: item.sessionId, startsAt: item.startsAt, timeZone: item.timeZone, circle: item.circle }, lang, viewerZone, now),
            status: item.status,
          })),
        }
      : null,
    rotated: url.searchParams.get('done') === 'rotated',
    exercises,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { token } = await requireUser(request, lang);
  await validatedFormData(request);
  const intent = new URL(request.url).searchParams.get('intent');
  if (intent !== 'rotate') return json({ errors: [fixedT(lang)('errors.notFoundTitle')] }, { status: 404 });
  const result = await circlesApi({ token, locale: lang }).rotateCalendarFeed();
  if (!result.ok) {
    const { formErrors } = problemToFormErrors(result.problem, []);
    return json({ errors: formErrors }, { status: result.problem.status });
  }
  return redirect(`/${lang}/my-circle?done=rotated#calendar-title`);
}

export default function MyCircle() {
  const { lang, circle, upcoming, feedUrl, record, rotated, zoneKnown, exercises } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="circles-page my-circle">
      <h1>{circle ? circle.name : t('circles.myTitle')}</h1>
      {circle ? (
        <section className="panel" aria-labelledby="circle-title">
          <h2 id="circle-title">{t('circles.aboutTitle')}</h2>
          {circle.cohort ? <p className="muted">{circle.cohort}</p> : null}
          {circle.coaches ? <p>{t('circles.coachedBy', { names: circle.coaches })}</p> : null}
          <h3>{t('circles.membersCount', { count: circle.members.length })}</h3>
          <ul className="member-names">
            {circle.members.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="panel quiet">{t('circles.myNone')}</p>
      )}

      {exercises ? <MyExercises panel={exercises} lang={lang} /> : null}

      <section className="panel" aria-labelledby="next-title">
        <h2 id="next-title">{t('sessions.upcomingTitle')}</h2>
        {zoneKnown ? null : <p className="muted">{t('sessions.inSessionZone')}</p>}
        {upcoming.length === 0 ? <p className="muted">{t('sessions.noneUpcoming')}</p> : null}
        <ul className="sessions">
          {upcoming.map((session) => (
            <li key={session.id} className={session.cancelled ? 'session cancelled' : 'session'}>
              <SessionWhen session={session} />
              {session.cancelled ? null : (
                <p>
                  <a className="button" href={`/${lang}/sessions/${session.id}/calendar.ics`} download>
                    {t('calendar.addOne')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('calendar.feedTitle')}</h2>
        {rotated ? <Notice>{t('calendar.rotated')}</Notice> : null}
        <p>{t('calendar.feedText')}</p>
        {feedUrl ? (
          <div className="feed-url">
            <label htmlFor="feed-url">{t('calendar.feedLabel')}</label>
            <input id="feed-url" type="text" readOnly value={feedUrl} dir="ltr" />
            <p className="actions">
              <CopyButton text={feedUrl} targetId="feed-url" />
            </p>
          </div>
        ) : (
          <p className="muted">{t('calendar.feedUnavailable')}</p>
        )}
        <p className="muted">{t('calendar.secret')}</p>
        <Form method="post" action="?intent=rotate" className="inline-form">
          <CsrfInput />
          <FormErrors id="rotate-errors" errors={actionData?.errors} />
          <button type="submit" className="button">
            {t('calendar.rotate')}
          </button>
        </Form>
      </section>

      {record ? (
        <section className="panel" aria-labelledby="record-title">
          <h2 id="record-title">{t('attendance.myTitle')}</h2>
          {record.items.length === 0 ? (
            <p className="muted">{t('attendance.myNone')}</p>
          ) : (
            <p>
              {t('attendance.myRate')} <RateText rate={record.rate} />
            </p>
          )}
          <ul className="attendance-record">
            {record.items.map((item) => (
              <li key={item.session.id}>
                <span>{item.session.day}</span>
                <span className={`status status-${item.status ?? 'none'}`}>{item.status ? t(`attendance.status.${item.status}`) : t('attendance.notMarked')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
