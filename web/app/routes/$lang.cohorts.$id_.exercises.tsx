import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { StatusBadge } from '~/components/exercises';
import { catalogApi } from '~/lib/catalog-api.server';
import { exercisesApi, itemsOf } from '~/lib/exercises-api.server';
import { formatDue, statusOf, text } from '~/lib/exercises';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import exerciseStyles from '~/styles/exercises.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: exerciseStyles }];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!uuid.test(id)) raise(notFound());
  const { user, token } = await requireUser(request, lang);
  const [cohort, assignments] = await Promise.all([catalogApi({ token, locale: lang }).cohort(id), exercisesApi({ token, locale: lang }).cohortAssignments(id)]);
  if (!cohort.ok || !assignments.ok) raise(notFound());
  // Due dates in the reader's own zone; without one in their profile, the cohort's (and the page says so).
  const zone = user.timeZone ?? cohort.data.timeZone;
  const t = fixedT(lang);
  return json({
    lang,
    title: t('exercises.listTitle', { name: cohort.data.displayName }),
    cohortName: cohort.data.displayName,
    cohortId: id,
    zoneKnown: Boolean(user.timeZone),
    items: itemsOf(assignments.data).map((a) => {
      const due = a.effectiveDueAt ?? a.dueAt;
      return {
        id: a.id,
        title: a.displayTitle ?? text(a.title, lang),
        due: formatDue(due, lang, zone),
        extended: Boolean(a.effectiveDueAt && a.effectiveDueAt !== a.dueAt),
        overdue: new Date(due).getTime() < Date.now(),
        late: Boolean(a.late),
        status: statusOf(a.status),
      };
    }),
  });
}

export default function CohortExercises() {
  const { lang, cohortName, cohortId, items, zoneKnown } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="exercises-page">
      <p className="crumbs">
        <Link to={`/${lang}/cohorts/${cohortId}`}>{cohortName}</Link>
      </p>
      <h1>{t('exercises.listHeading')}</h1>
      {zoneKnown ? null : <p className="muted">{t('exercises.inCohortZone')}</p>}
      {items.length === 0 ? <p className="panel quiet">{t('exercises.none')}</p> : null}
      <ol className="exercise-list">
        {items.map((item) => (
          <li key={item.id} className="exercise-row panel">
            <h2>
              <Link to={`/${lang}/exercises/${item.id}`}>{item.title}</Link>
            </h2>
            <p className="exercise-meta">
              <StatusBadge status={item.status} />
              {item.late ? <span className="badge late">{t('exercises.late')}</span> : null}
            </p>
            <p className="muted">
              {t('exercises.dueAt', { when: item.due })}
              {item.extended ? ` · ${t('exercises.extended')}` : null}
              {item.overdue && (item.status === 'not_started' || item.status === 'draft') ? ` · ${t('exercises.overdue')}` : null}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
