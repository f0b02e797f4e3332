import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AttendanceChart } from '~/components/charts/attendance-chart';
import { FunnelChart } from '~/components/charts/funnel-chart';
import { ErrorPage } from '~/components/errors';
import { ChevronBack } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { apiClient, call } from '~/lib/api.server';
import { formatDays, pageParam } from '~/lib/manage';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { enrollmentStatuses, filterQuery, formatNumber, formatPercent, staffFilters } from '~/lib/partner-reports';
import { partnerReportsApi } from '~/lib/partner-reports-api.server';
import { requireUser } from '~/lib/session.server';
import partnerStyles from '~/styles/partners.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: partnerStyles }];

const pageSize = 20;

/**
 * The organization's staff dashboard (docs/partner-reporting.md): managers of the organization and admins; for
 * anyone else the page does not exist. Only staff who consented to share their progress are listed (the api
 * decides, on every request); the others are a number only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!/^[\w-]{1,64}$/.test(id)) raise(notFound());
  const { user, token } = await requireUser(request, lang);
  if (!user.isAdmin && !user.organizations.some((m) => m.id === id && m.role === 'manager')) raise(notFound());
  const url = new URL(request.url);
  const filters = staffFilters(url.searchParams);
  const page = pageParam(url.searchParams.get('page'));
  const reports = partnerReportsApi({ token, locale: lang });
  const [organization, progress, timeline, allocations] = await Promise.all([
    call(apiClient({ locale: lang }).GET('/api/organizations/{id}', { params: { path: { id } } })),
    reports.staffProgress(id, filters, page, pageSize),
    reports.attendanceTimeline(id, filters),
    reports.seats(id),
  ]);
  if (!organization.ok || (!progress.ok && progress.problem.status === 404)) raise(notFound());
  const data = progress.ok ? progress.data : null;
  // The filter's choices: every cohort the organization holds seats in, and their courses (not narrowed by the filters).
  const cohorts = allocations.ok ? allocations.data.map((a) => ({ id: a.cohort.id, name: a.cohort.displayName })) : [];
  const courses = new Map<string, string>();
  for (const a of allocations.ok ? allocations.data : []) if (!courses.has(a.cohort.courseSlug)) courses.set(a.cohort.courseSlug, a.cohort.courseTitle);
  const query = filterQuery(filters);
  return json({
    lang,
    title: fixedT(lang)('partners.title', { name: organization.data.displayName }),
    organization: { id, name: organization.data.displayName },
    filters,
    cohorts,
    courses: [...courses].map(([slug, title]) => ({ slug, title })),
    csvHref: `/${lang}/organizations/${id}/staff.csv${query}`,
    pdfHref: `/${lang}/organizations/${id}/staff.pdf${query}`,
    failed: !data,
    page,
    pages: data ? pageCount(data.total, pageSize) : 1,
    total: data?.total ?? 0,
    funnel: data?.summary.funnel ?? null,
    hidden: data?.summary.hiddenCount ?? 0,
    seats: (data?.summary.seats ?? []).map((s) => ({ id: s.cohort.id, name: s.cohort.displayName, course: s.cohort.courseTitle, seats: s.seats, used: s.used, free: s.free })),
    // The chart says "no session held yet" rather than vanish, once the api has answered.
    timeline: timeline.ok ? { period: timeline.data.period, points: timeline.data.items.map((p) => ({ date: p.periodStart, held: p.held, attended: p.attended, rate: p.rate })) } : null,
    rows: (data?.items ?? []).map((item) => ({
      id: item.enrollmentId,
      name: item.trainee.displayName,
      // Both scripts when both exist: partners report names as certificates print them.
      otherName: [item.trainee.nameArabic, item.trainee.nameLatin].find((n) => n.trim() && n.trim() !== item.trainee.displayName.trim()) ?? null,
      cohort: item.cohort.displayName,
      course: item.cohort.courseTitle,
      days: formatDays(item.cohort.startsOn, item.cohort.endsOn, lang),
      place: item.cohort.online ? null : item.cohort.displayCity || null,
      status: item.status,
      placement: item.placement,
      attendance: { held: item.attendance.held, attended: item.attendance.attended, percent: formatPercent(item.attendance.rate, lang) },
      assignments: item.assignments,
      certificate: item.certificate
        ? { code: item.certificate.code, status: item.certificate.status, href: `/${lang}/verify/${encodeURIComponent(item.certificate.code)}` }
        : null,
    })),
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Filters() {
  const { filters, cohorts, courses } = useLoaderData<typeof loader>();
  const location = useLocation();
  const { t } = useTranslation();
  return (
    <Form method="get" action={location.pathname} className="filters partner-filters" aria-label={t('partners.filters.title')}>
      <div className="field">
        <label htmlFor="staff-cohort">{t('partners.filters.cohort')}</label>
        <select id="staff-cohort" name="cohortId" defaultValue={filters.cohortId}>
          <option value="">{t('partners.filters.anyCohort')}</option>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="staff-course">{t('partners.filters.course')}</label>
        <select id="staff-course" name="courseSlug" defaultValue={filters.courseSlug}>
          <option value="">{t('partners.filters.anyCourse')}</option>
          {courses.map((course) => (
            <option key={course.slug} value={course.slug}>
              {course.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="staff-city">{t('partners.filters.city')}</label>
        <input id="staff-city" name="city" type="search" defaultValue={filters.city} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="staff-status">{t('partners.filters.status')}</label>
        <select id="staff-status" name="status" defaultValue={filters.status}>
          <option value="">{t('partners.filters.anyStatus')}</option>
          {enrollmentStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`manage.enrollmentStatuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="filter-actions">
        <button type="submit" className="button">
          {t('partners.filters.apply')}
        </button>
      </p>
    </Form>
  );
}

function Seats({ seats }: { seats: Data['seats'] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="seats-title">
      <h2 id="seats-title">{t('partners.seats.title')}</h2>
      {seats.length === 0 ? <p className="muted">{t('partners.seats.none')}</p> : null}
      <ul className="seat-usage-list">
        {seats.map((s) => (
          <li key={s.id}>
            <div className="seat-cohort-name">
              <strong>
                <bdi>{s.name}</bdi>
              </strong>
              <span className="muted">
                <bdi>{s.course}</bdi>
              </span>
            </div>
            <p className="seat-figures">
              {t('seats.usage', { used: s.used, seats: s.seats })} <span className="muted">· {t('seats.free', { count: s.free })}</span>
            </p>
            <meter min={0} max={Math.max(1, s.seats)} value={Math.min(s.used, Math.max(1, s.seats))} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffTable({ rows }: { rows: Data['rows'] }) {
  const { organization } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <table className="card-table staff-table">
      <caption className="visually-hidden">{t('partners.table.caption', { name: organization.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('partners.table.trainee')}</th>
          <th scope="col">{t('partners.table.cohort')}</th>
          <th scope="col">{t('partners.table.status')}</th>
          <th scope="col">{t('partners.table.attendance')}</th>
          <th scope="col">{t('partners.table.exercises')}</th>
          <th scope="col">{t('partners.table.certificate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <span className="name">
                <bdi>{row.name}</bdi>
              </span>
              {row.otherName ? (
                <span className="muted">
                  <bdi>{row.otherName}</bdi>
                </span>
              ) : null}
            </th>
            <td data-label={t('partners.table.cohort')}>
              <bdi>{row.cohort}</bdi>
              <span className="muted">
                <bdi>{row.course}</bdi> · {row.days}
                {row.place ? (
                  <>
                    {' · '}
                    <bdi>{row.place}</bdi>
                  </>
                ) : null}
              </span>
            </td>
            <td data-label={t('partners.table.status')}>
              {t(`manage.enrollmentStatuses.${row.status}`)}
              <span className="muted placement">{t(`partners.placement.${row.placement}`)}</span>
            </td>
            <td data-label={t('partners.table.attendance')}>
              {row.attendance.percent !== null ? (
                <>
                  <strong>{row.attendance.percent}</strong>{' '}
                  <span className="muted">{t('partners.table.sessions', { count: row.attendance.held, attended: row.attendance.attended })}</span>
                </>
              ) : (
                <span className="muted">{t('partners.table.noSessions')}</span>
              )}
            </td>
            <td data-label={t('partners.table.exercises')}>
              {row.assignments.required > 0 ? (
                t('partners.table.passed', { passed: row.assignments.passed, required: row.assignments.required })
              ) : (
                <span className="muted">{t('partners.table.noneRequired')}</span>
              )}
            </td>
            <td data-label={t('partners.table.certificate')}>
              {row.certificate ? (
                <>
                  <span className={`certificate-status${row.certificate.status === 'revoked' ? ' certificate-revoked' : ''}`}>
                    {t(`partners.certificate.${row.certificate.status}`)}
                  </span>{' '}
                  <Link to={row.certificate.href} className="code" dir="ltr" aria-label={t('partners.certificate.verifyOf', { name: row.name })}>
                    {row.certificate.code}
                  </Link>
                </>
              ) : (
                <span className="muted">{t('partners.certificate.none')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function StaffDashboard() {
  const { lang, organization, csvHref, pdfHref, failed, page, pages, total, funnel, hidden, seats, timeline, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/organizations/${organization.id}`}>
          <ChevronBack />
          <bdi>{organization.name}</bdi>
        </Link>
      </p>
      <h1>{t('partners.heading')}</h1>
      <p className="muted">{t('partners.lead')}</p>
      {failed ? <p role="alert">{t('partners.unavailable')}</p> : null}

      {funnel ? (
        <section className="panel" aria-labelledby="summary-title">
          <h2 id="summary-title">{t('partners.summary')}</h2>
          <ul className="partner-counts">
            <li>{t('partners.counts.enrolled', { count: funnel.enrolled })}</li>
            <li>{t('partners.counts.completed', { count: funnel.completed })}</li>
            <li>{t('partners.counts.certified', { count: funnel.certified })}</li>
          </ul>
          <FunnelChart funnel={funnel} lang={lang} />
          {hidden > 0 ? <p className="hidden-count">{t('partners.hidden', { count: hidden })}</p> : null}
        </section>
      ) : null}

      {timeline ? (
        <section className="panel" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('partners.attendance.title')}</h2>
          {timeline.points.length > 0 ? <p className="muted">{t(`partners.attendance.per.${timeline.period}`)}</p> : null}
          {timeline.points.length > 0 ? <AttendanceChart points={timeline.points} lang={lang} /> : <p>{t('partners.attendance.none')}</p>}
        </section>
      ) : null}

      {!failed ? <Seats seats={seats} /> : null}

      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('partners.staffTitle')}</h2>
        <Filters />
        <p className="partner-actions">
          <span className="muted">{t('partners.count', { count: total, n: formatNumber(total, lang) })}</span>
          <a className="button" href={csvHref} download>
            {t('partners.downloadCsv')}
          </a>
          <a className="button" href={pdfHref}>
            {t('partners.printable')}
          </a>
        </p>
        {!failed && rows.length === 0 ? <p className="panel empty">{t('partners.empty')}</p> : null}
        {rows.length > 0 ? <StaffTable rows={rows} /> : null}
        <Pagination page={page} pages={pages} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
