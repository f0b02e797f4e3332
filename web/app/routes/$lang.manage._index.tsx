import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { ChevronForward } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { apiClient, call } from '~/lib/api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatDays, pageParam } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }];

const pageSize = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  // Only people who run cohorts (and admins) have this page.
  if (!user.isAdmin && user.staffRoles.length === 0) raise(notFound());
  const page = pageParam(new URL(request.url).searchParams.get('page'));
  const result = await call(apiClient({ token, locale: lang }).GET('/api/me/cohorts', { params: { query: { page, pageSize } } }));
  if (!result.ok) raise(notFound());
  const api = apiClient({ token, locale: lang });
  // The circles of the cohorts this person runs that have people in them: how many, and who is still without one.
  const circles = new Map(
    await Promise.all(
      result.data.items
        .filter((cohort) => (user.isAdmin || cohort.staffRole === 'lead_trainer') && cohort.active > 0)
        .map(async (cohort) => {
          const board = await call(api.GET('/api/cohorts/{id}/circles', { params: { path: { id: cohort.id } } }));
          return [cohort.id, board.ok ? { count: board.data.circles.length, unassigned: board.data.unassigned.length } : null] as const;
        }),
    ),
  );
  return json({
    lang,
    title: fixedT(lang)('manage.title'),
    isAdmin: user.isAdmin,
    mayCreate: user.isAdmin || user.staffRoles.some((staff) => staff.role === 'lead_trainer'),
    page,
    pages: pageCount(result.data.total, pageSize),
    total: result.data.total,
    cohorts: result.data.items.map((cohort) => ({
      id: cohort.id,
      name: cohort.displayName,
      course: cohort.courseTitle,
      status: cohort.status,
      mode: cohort.enrollmentMode,
      days: formatDays(cohort.startsOn, cohort.endsOn, lang),
      place: cohort.online ? null : cohort.displayCity,
      capacity: cohort.capacity,
      active: cohort.active,
      applied: cohort.applied,
      waitlisted: cohort.waitlisted,
      reserved: cohort.reserved,
      seatsLeft: cohort.seatsLeft,
      role: cohort.staffRole,
      circles: circles.get(cohort.id) ?? null,
    })),
  });
}

export default function ManageCohorts() {
  const { lang, isAdmin, mayCreate, cohorts, page, pages, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-head">
        <h1>{t('manage.title')}</h1>
        {mayCreate ? (
          <Link className="button primary" to={`/${lang}/manage/cohorts/new`}>
            {t('manage.newCohort')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{isAdmin ? t('manage.leadAdmin') : t('manage.lead')}</p>
      <p className="muted">{t('manage.count', { count: total })}</p>
      <ul className="cohort-list">
        {cohorts.map((cohort) => (
          <li key={cohort.id} className="cohort-card">
            <div className="cohort-card-head">
              <h2>
                <Link to={`/${lang}/manage/cohorts/${cohort.id}`}>
                  <bdi>{cohort.name}</bdi>
                </Link>
              </h2>
              <span className={`status status-${cohort.status}`}>{t(`manage.statuses.${cohort.status}`)}</span>
            </div>
            <p className="muted">
              <bdi>{cohort.course}</bdi> · {cohort.days} · {cohort.place ? <bdi>{cohort.place}</bdi> : t('manage.online')}
            </p>
            <p className="muted">
              {t(`manage.modes.${cohort.mode}`)}
              {cohort.role ? ` · ${t(`manage.roles.${cohort.role}`)}` : ''}
            </p>
            <dl className="counts">
              <div>
                <dt>{t('manage.counts.active')}</dt>
                <dd>{t('manage.counts.ofCapacity', { active: cohort.active, capacity: cohort.capacity })}</dd>
              </div>
              <div>
                <dt>{t('manage.counts.applied')}</dt>
                <dd>{cohort.applied}</dd>
              </div>
              <div>
                <dt>{t('manage.counts.waitlisted')}</dt>
                <dd>{cohort.waitlisted}</dd>
              </div>
              <div>
                <dt>{t('manage.counts.reserved')}</dt>
                <dd>{cohort.reserved}</dd>
              </div>
              <div>
                <dt>{t('manage.counts.seatsLeft')}</dt>
                <dd>{cohort.seatsLeft}</dd>
              </div>
            </dl>
            {cohort.circles ? (
              <p className="circle-summary" aria-label={t('board.link')}>
                <span>{t('board.dashboard.circles', { count: cohort.circles.count })}</span>
                <span>
                  {t('board.dashboard.unassigned')}: <strong>{cohort.circles.unassigned}</strong>
                </span>
              </p>
            ) : null}
            <p className="actions">
              <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/applications`}>
                {cohort.applied > 0 ? t('manage.reviewApplications', { count: cohort.applied }) : t('manage.rosterLink')}
                <ChevronForward />
              </Link>
              {isAdmin || cohort.role === 'lead_trainer' ? (
                <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/circles`}>
                  {t('board.link')}
                  <ChevronForward />
                </Link>
              ) : null}
              {isAdmin || cohort.role === 'lead_trainer' ? (
                <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/assignments`}>
                  {t('assignments.open')}
                  <ChevronForward />
                </Link>
              ) : null}
              <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/gradebook`}>
                {t('gradebook.open')}
                <ChevronForward />
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
