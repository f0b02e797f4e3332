import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { ChevronBack } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { apiClient, call } from '~/lib/api.server';
import { circlesApi } from '~/lib/circles-api.server';
import { submissionStatuses } from '~/lib/grading';
import { gradingApi } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { pageParam } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import gradingStyles from '~/styles/grading.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: gradingStyles }];

const pageSize = 50;

/** Trainees × assignments of one cohort: lead trainers and admins see everyone, a coach their circles' trainees. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!/^[\w-]{1,64}$/.test(id)) raise(notFound());
  const { user, token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const cohortResult = await call(api.GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!cohortResult.ok) raise(notFound());
  const cohort = cohortResult.data;
  const role = cohort.viewer.staffRole;
  const leads = user.isAdmin || role === 'lead_trainer';
  if (!leads && role !== 'coach') raise(notFound());

  const url = new URL(request.url);
  const circleId = url.searchParams.get('circleId') ?? '';
  const statusParam = url.searchParams.get('status') ?? '';
  const status = (submissionStatuses as readonly string[]).includes(statusParam) ? statusParam : '';
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const page = pageParam(url.searchParams.get('page'));
  const filters = { circleId: /^[\w-]{1,64}$/.test(circleId) ? circleId : '', status, q };
  const [book, circles] = await Promise.all([
    gradingApi({ token, locale: lang }).gradebook(id, { ...filters, page, pageSize }),
    leads
      ? call(api.GET('/api/cohorts/{id}/circles', { params: { path: { id } } })).then((board) =>
          board.ok ? board.data.circles.map((circle) => ({ id: circle.id, name: circle.displayName })) : [],
        )
      : circlesApi({ token, locale: lang })
          .myCircles()
          .then((mine) => (mine.ok ? mine.data.coaching.filter((c) => c.cohortId === id).map((c) => ({ id: c.id, name: c.displayName })) : [])),
  ]);
  if (!book.ok && book.problem.status === 404) raise(notFound());
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  return json({
    lang,
    title: fixedT(lang)('gradebook.title', { name: cohort.displayName }),
    cohort: { id: cohort.id, name: cohort.displayName },
    leads,
    filters,
    circles,
    csvHref: `/${lang}/manage/cohorts/${id}/gradebook.csv${query.size ? `?${query.toString()}` : ''}`,
    failed: !book.ok,
    page,
    pages: book.ok ? pageCount(book.data.total, pageSize) : 1,
    total: book.ok ? book.data.total : 0,
    assignments: book.ok ? book.data.columns.map((a) => ({ id: a.id, title: a.title, max: a.maxPoints })) : [],
    rows: book.ok
      ? book.data.items.map((row) => ({
          id: row.enrollmentId,
          name: row.displayName,
          circle: row.circle?.displayName ?? null,
          cells: row.cells.map((cell) => ({
            status: cell.status,
            points: cell.points,
            late: cell.late,
            // Submitted work opens on the review page (the api scopes it: a coach sees their circles' only).
            href: cell.submissionId && cell.status !== 'draft' ? `/${lang}/grading/${cell.submissionId}` : null,
          })),
        }))
      : [],
  });
}

export default function GradebookPage() {
  const { lang, cohort, filters, circles, csvHref, failed, page, pages, total, assignments, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <p>
        <Link to={`/${lang}/manage/cohorts/${cohort.id}`} className="back-link">
          <ChevronBack />
          <bdi>{cohort.name}</bdi>
        </Link>
      </p>
      <h1>{t('gradebook.heading')}</h1>
      <Form method="get" action={location.pathname} className="filters grading-filters">
        {circles.length > 0 ? (
          <div className="field">
            <label htmlFor="gb-circle">{t('grading.circle')}</label>
            <select id="gb-circle" name="circleId" defaultValue={filters.circleId}>
              <option value="">{t('grading.anyCircle')}</option>
              {circles.map((circle) => (
                <option key={circle.id} value={circle.id}>
                  {circle.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="gb-status">{t('gradebook.status')}</label>
          <select id="gb-status" name="status" defaultValue={filters.status}>
            <option value="">{t('gradebook.anyStatus')}</option>
            {submissionStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`gradebook.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gb-q">{t('gradebook.search')}</label>
          <input id="gb-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <button type="submit" className="button">
          {t('grading.filter')}
        </button>
      </Form>
      <p className="gradebook-actions">
        <span className="muted">{t('gradebook.count', { count: total })}</span>
        <a className="button" href={csvHref} download>
          {t('gradebook.download')}
        </a>
      </p>
      {failed ? <p role="alert">{t('grading.unavailable')}</p> : null}
      {!failed && rows.length === 0 ? <p className="panel empty">{t('gradebook.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="gradebook-scroll" role="region" aria-labelledby="gradebook-caption" tabIndex={0}>
          <table className="gradebook">
            <caption id="gradebook-caption">{t('gradebook.caption', { name: cohort.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky">
                  {t('gradebook.trainee')}
                </th>
                {assignments.map((assignment) => (
                  <th key={assignment.id} scope="col">
                    <bdi>{assignment.title}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="sticky">
                    <bdi>{row.name}</bdi>
                    {row.circle ? (
                      <span className="muted">
                        <bdi>{row.circle}</bdi>
                      </span>
                    ) : null}
                  </th>
                  {row.cells.map((cell, index) => (
                    <td key={assignments[index]?.id ?? index} className={`cell-${cell.status}`}>
                      {cell.href ? (
                        <Link to={cell.href}>{t(`gradebook.statuses.${cell.status}`, { defaultValue: cell.status })}</Link>
                      ) : (
                        <span>{t(`gradebook.statuses.${cell.status}`, { defaultValue: cell.status })}</span>
                      )}
                      {cell.points !== null ? <span className="points">{t('gradebook.points', { count: cell.points })}</span> : null}
                      {cell.late ? <span className="badge late">{t('grading.late')}</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
