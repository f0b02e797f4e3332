import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { ChevronForward } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { circlesApi } from '~/lib/circles-api.server';
import { gradingApi } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatInstant, pageParam } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import gradingStyles from '~/styles/grading.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: gradingStyles }];

const pageSize = 25;
const uuidish = /^[\w-]{1,64}$/;

/** The coach's (or lead trainer's) work waiting for a review: oldest first, late ones marked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  if (!user.isAdmin && user.staffRoles.length === 0) raise(notFound());
  const url = new URL(request.url);
  const pick = (name: string) => {
    const value = url.searchParams.get(name) ?? '';
    return uuidish.test(value) ? value : '';
  };
  const filters = { cohortId: pick('cohortId'), circleId: pick('circleId') };
  const page = pageParam(url.searchParams.get('page'));
  const api = gradingApi({ token, locale: lang });
  const [queue, circles] = await Promise.all([
    api.queue({ cohortId: filters.cohortId, circleId: filters.circleId, page, pageSize }),
    circlesApi({ token, locale: lang }).myCircles(),
  ]);
  if (!queue.ok && queue.problem.status === 404) raise(notFound());
  const coaching = circles.ok ? circles.data.coaching : [];
  const cohorts = new Map<string, string>(coaching.map((circle) => [circle.cohortId, circle.cohort.displayName]));
  for (const role of user.staffRoles) if (!cohorts.has(role.cohortId)) cohorts.set(role.cohortId, '');
  const items = queue.ok ? queue.data.items : [];
  for (const item of items) cohorts.set(item.cohort.id, item.cohort.displayName);
  return json({
    lang,
    title: fixedT(lang)('grading.title'),
    filters,
    page,
    pages: queue.ok ? pageCount(queue.data.total, pageSize) : 1,
    total: queue.ok ? queue.data.total : 0,
    failed: !queue.ok,
    cohorts: [...cohorts].filter(([, name]) => name).map(([id, name]) => ({ id, name })),
    circles: coaching.map((circle) => ({ id: circle.id, name: circle.displayName })),
    rows: items.map((item) => ({
      id: item.submissionId,
      trainee: item.trainee.displayName,
      assignment: item.assignment.displayName,
      circle: item.circle?.displayName ?? null,
      cohort: item.cohort.displayName,
      version: item.versionNumber,
      submitted: formatInstant(item.submittedAt, lang, user.timeZone),
      late: item.late,
      draft: Boolean(item.hasDraftReview),
    })),
  });
}

export default function GradingQueue() {
  const { lang, filters, cohorts, circles, rows, page, pages, total, failed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('grading.title')}</h1>
      <p className="muted">{t('grading.intro')}</p>
      <Form method="get" className="filters grading-filters">
        <div className="field">
          <label htmlFor="filter-cohort">{t('grading.cohort')}</label>
          <select id="filter-cohort" name="cohortId" defaultValue={filters.cohortId}>
            <option value="">{t('grading.anyCohort')}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </select>
        </div>
        {circles.length > 0 ? (
          <div className="field">
            <label htmlFor="filter-circle">{t('grading.circle')}</label>
            <select id="filter-circle" name="circleId" defaultValue={filters.circleId}>
              <option value="">{t('grading.anyCircle')}</option>
              {circles.map((circle) => (
                <option key={circle.id} value={circle.id}>
                  {circle.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button">
          {t('grading.filter')}
        </button>
      </Form>
      {failed ? <p role="alert">{t('grading.unavailable')}</p> : null}
      {!failed && rows.length === 0 ? <p className="panel empty">{t('grading.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <p className="muted">{t('grading.waiting', { count: total })}</p>
          <ol className="grading-queue">
            {rows.map((row) => (
              <li key={row.id} className="panel queue-row">
                <Link to={`/${lang}/grading/${row.id}`} className="queue-link">
                  <span className="queue-main">
                    <strong>
                      <bdi>{row.trainee}</bdi>
                    </strong>
                    <span>
                      <bdi>{row.assignment}</bdi>
                      {row.version > 1 ? <> · {t('grading.versionN', { n: row.version })}</> : null}
                    </span>
                    <span className="muted">
                      {row.circle ? <bdi>{row.circle}</bdi> : null}
                      {row.circle && row.cohort ? ' · ' : null}
                      {row.cohort ? <bdi>{row.cohort}</bdi> : null}
                    </span>
                  </span>
                  <span className="queue-when">
                    <span className="muted">{t('grading.submittedAt', { date: row.submitted })}</span>
                    {row.late ? <span className="badge late">{t('grading.late')}</span> : null}
                    {row.draft ? <span className="badge">{t('grading.draftReview')}</span> : null}
                  </span>
                  <ChevronForward />
                </Link>
              </li>
            ))}
          </ol>
          <Pagination page={page} pages={pages} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
