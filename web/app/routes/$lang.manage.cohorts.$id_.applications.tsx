import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InputField } from '~/components/cohort-fields';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { apiClient, call } from '~/lib/api.server';
import { displayName } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { enrollmentStatuses, formatDays, formatInstant } from '~/lib/manage';
import { decisionSchema, enrollmentIdSchema, quotaSchema, rosterQuerySchema } from '~/lib/manage-schemas';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }];

const pageSize = 25;
const rosterSize = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const cohortResult = await call(api.GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!cohortResult.ok) raise(notFound());
  const cohort = cohortResult.data;
  const role = cohort.viewer.staffRole;
  const canDecide = user.isAdmin || role === 'lead_trainer';
  if (!canDecide && role !== 'coach') raise(notFound());

  const url = new URL(request.url);
  const filters = rosterQuerySchema.parse(Object.fromEntries(url.searchParams));
  // Application cohorts open on the applications waiting; the others have none, so on the people who are in.
  const byApplication = cohort.enrollmentMode === 'application';
  const status = filters.status ?? (byApplication ? 'applied' : 'active');
  const roster = (query: { status: (typeof enrollmentStatuses)[number]; page?: number; pageSize: number; organizationId?: string; q?: string }) =>
    call(api.GET('/api/cohorts/{id}/enrollments', { params: { path: { id }, query } }));
  const [list, active, waitlist, organizations] = await Promise.all([
    roster({ status, page: filters.page, pageSize, organizationId: filters.organizationId, q: filters.q }),
    roster({ status: 'active', pageSize: rosterSize }),
    roster({ status: 'waitlisted', pageSize: rosterSize }),
    call(api.GET('/api/organizations', { params: { query: { pageSize: 100 } } })),
  ]);
  const labels = new Map(cohort.applicationQuestions.map((q) => [q.key, q.displayLabel]));
  const keys = cohort.applicationQuestions.map((q) => q.key);
  const order = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  type Row = Extract<typeof list, { ok: true }>['data']['items'][number];
  const person = (row: Row) => ({
    id: row.id,
    status: row.status,
    name: displayName(row.user, lang),
    email: row.user.email,
    organization: row.organization?.displayName ?? null,
    city: row.city ?? null,
    waitlistPosition: row.waitlistPosition,
    applied: row.appliedAt ? formatInstant(row.appliedAt, lang, user.timeZone) : null,
    // In the order the questions are asked; unanswered optional questions are left out.
    answers: Object.entries(row.answers ?? {})
      .filter(([, answer]) => String(answer).trim() !== '')
      .sort(([a], [b]) => order(a) - order(b))
      .map(([key, answer]) => ({ key, label: labels.get(key) ?? key, answer: String(answer) })),
  });
  const waitlisted = waitlist.ok ? waitlist.data.items.map(person) : [];
  waitlisted.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const activeRows = active.ok ? active.data.items.map(person) : [];
  const withdrawing = [...activeRows, ...waitlisted].find((row) => row.id === url.searchParams.get('withdraw')) ?? null;
  return json({
    lang,
    title: fixedT(lang)('manage.applications.title', { name: cohort.displayName }),
    canDecide,
    byApplication,
    cohort: {
      id: cohort.id,
      name: cohort.displayName,
      status: cohort.status,
      mode: cohort.enrollmentMode,
      days: formatDays(cohort.startsOn, cohort.endsOn, lang),
      capacity: cohort.capacity,
      seatsLeft: cohort.seatsLeft,
    },
    filters: { status, organizationId: filters.organizationId ?? '', q: filters.q ?? '' },
    page: filters.page,
    pages: list.ok ? pageCount(list.data.total, pageSize) : 1,
    total: list.ok ? list.data.total : 0,
    rows: list.ok ? list.data.items.map(person) : [],
    active: activeRows,
    activeTotal: active.ok ? active.data.total : 0,
    waitlisted,
    waitlistTotal: waitlist.ok ? waitlist.data.total : 0,
    withdrawing,
    organizations: organizations.ok ? organizations.data.items.map((o) => ({ id: o.id, name: o.displayName })) : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent') ?? '';
  if (intent === 'decide') {
    const { submission } = await parseForm(request, decisionSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await call(api.POST('/api/cohorts/{id}/decisions', { params: { path: { id } }, body: submission.value }));
    if (!result.ok) return invalid(submission, result.problem, { intent });
    return json({ intent, result: submission.reply({ resetForm: true }), counts: result.data });
  }
  if (intent === 'quota') {
    const { submission } = await parseForm(request, quotaSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await call(
      api.POST('/api/cohorts/{id}/decisions', { params: { path: { id } }, body: { decision: 'accept', quota: submission.value } }),
    );
    if (!result.ok) return invalid(submission, result.problem, { fields: ['by', 'perGroup'], aliases: { 'quota.by': 'by', 'quota.perGroup': 'perGroup' }, intent });
    return json({ intent, result: submission.reply(), counts: result.data });
  }
  if (intent === 'withdraw') {
    const { submission } = await parseForm(request, enrollmentIdSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await call(
      api.POST('/api/cohorts/{id}/enrollments/{enrollmentId}/withdraw', { params: { path: { id, enrollmentId: submission.value.enrollmentId } }, body: {} }),
    );
    if (!result.ok) {
      const { formErrors, fieldErrors } = problemToFormErrors(result.problem, []);
      return json({ intent, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: result.problem.status });
    }
    return json({ intent, result: submission.reply(), withdrawn: true });
  }
  raise(notFound());
}

/** A form's action on this page: its intent plus the current filters, so the list shown afterwards is the same one. */
function useActionHref(): (intent: string, hash: string) => string {
  const location = useLocation();
  return (intent, hash) => {
    const params = new URLSearchParams(location.search);
    params.delete('intent');
    params.delete('withdraw');
    params.set('intent', intent);
    return `?${params.toString()}#${hash}`;
  };
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number];

function Who({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { byApplication } = useLoaderData<typeof loader>();
  return (
    <div className="member-who">
      <strong>
        <bdi>{person.name}</bdi>
      </strong>
      <span className="muted">
        <bdi dir="ltr">{person.email}</bdi>
      </span>
      {person.organization || person.city ? (
        <span className="muted">
          {person.organization ? <bdi>{person.organization}</bdi> : null}
          {person.organization && person.city ? ' · ' : null}
          {person.city ? <bdi>{person.city}</bdi> : null}
        </span>
      ) : null}
      {person.applied ? (
        <span className="muted">{t(byApplication ? 'manage.applications.appliedAt' : 'manage.applications.joinedAt', { date: person.applied })}</span>
      ) : null}
    </div>
  );
}

function Answers({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.answers.length === 0) return null;
  return (
    <details className="answers" open>
      <summary>{t('manage.applications.answers')}</summary>
      <dl>
        {person.answers.map((answer) => (
          <div key={answer.key}>
            <dt>
              <bdi>{answer.label}</bdi>
            </dt>
            <dd dir="auto">{answer.answer}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

type DecisionCounts = { accepted: number; waitlisted: number; rejected: number; skipped: number };

/** The counts of a decision the action just made for `intent`, if that is what it answered. */
function countsOf(actionData: unknown, intent: string): DecisionCounts | null {
  if (typeof actionData !== 'object' || actionData === null || !('counts' in actionData)) return null;
  return (actionData as { intent?: string }).intent === intent ? (actionData as { counts: DecisionCounts }).counts : null;
}

function Counts({ counts }: { counts: DecisionCounts }) {
  const { t } = useTranslation();
  const parts = [
    counts.accepted ? t('manage.applications.accepted', { count: counts.accepted }) : null,
    counts.waitlisted ? t('manage.applications.waitlistedCount', { count: counts.waitlisted }) : null,
    counts.rejected ? t('manage.applications.rejected', { count: counts.rejected }) : null,
    counts.skipped ? t('manage.applications.skipped', { count: counts.skipped }) : null,
  ].filter(Boolean);
  return <Notice>{parts.length ? parts.join(' ') : t('manage.applications.nothingDecided')}</Notice>;
}

function Filters() {
  const { filters, organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters roster-filters">
      <div className="field">
        <label htmlFor="filter-status">{t('manage.applications.status')}</label>
        <select id="filter-status" name="status" defaultValue={filters.status}>
          {enrollmentStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`manage.enrollmentStatuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-organization">{t('manage.applications.organization')}</label>
        <select id="filter-organization" name="organizationId" defaultValue={filters.organizationId}>
          <option value="">{t('manage.applications.anyOrganization')}</option>
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-q">{t('manage.applications.search')}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">
          {t('manage.applications.filter')}
        </button>
      </div>
    </Form>
  );
}

function QuotaForm() {
  const actionData = useActionData<typeof action>();
  const actionHref = useActionHref();
  const { t } = useTranslation();
  const lastResult = actionData?.intent === 'quota' && 'result' in actionData ? actionData.result : undefined;
  const quotaCounts = countsOf(actionData, 'quota');
  const [form, fields] = useForm({ id: 'quota', fields: ['by', 'perGroup'], lastResult, defaultValue: { by: 'organization', perGroup: '2' } });
  return (
    <section className="panel" aria-labelledby="quota-title">
      <h2 id="quota-title">{t('manage.applications.quotaTitle')}</h2>
      <p className="muted">{t('manage.applications.quotaLead')}</p>
      {quotaCounts ? <Counts counts={quotaCounts} /> : null}
      <Form method="post" action={actionHref('quota', 'quota-title')} className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.by} label={t('manage.applications.quotaBy')}>
          <option value="organization">{t('manage.applications.byOrganization')}</option>
          <option value="city">{t('manage.applications.byCity')}</option>
        </SelectField>
        <InputField field={fields.perGroup} label={t('manage.applications.perGroup')} type="number" min={1} />
        <p>
          <SubmitButton>{t('manage.applications.quotaSubmit')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

function WithdrawConfirmation({ person }: { person: Person }) {
  const { t } = useTranslation();
  const actionHref = useActionHref();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete('withdraw');
  const back = params.toString() ? `?${params.toString()}` : '.';
  return (
    <section className="panel confirm" aria-labelledby="withdraw-title" role="alertdialog">
      <h3 id="withdraw-title">{t('manage.roster.withdrawTitle', { name: person.name })}</h3>
      <p>{t('manage.roster.withdrawText', { name: person.name })}</p>
      <Form method="post" action={actionHref('withdraw', 'roster-title')} className="actions">
        <CsrfInput />
        <input type="hidden" name="enrollmentId" value={person.id} />
        <button type="submit" className="button danger">
          {t('manage.roster.withdrawConfirm')}
        </button>
        <Link className="button" to={back} preventScrollReset>
          {t('manage.roster.cancel')}
        </Link>
      </Form>
    </section>
  );
}

function RosterList({ people, canWithdraw, numbered }: { people: Person[]; canWithdraw: boolean; numbered?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const List = numbered ? 'ol' : 'ul';
  return (
    <List className="member-list roster">
      {people.map((person) => {
        params.set('withdraw', person.id);
        return (
          <li key={person.id}>
            <div>
              {numbered && person.waitlistPosition ? (
                <span className="tag">{t('manage.roster.position', { position: person.waitlistPosition })}</span>
              ) : null}
              <Who person={person} />
            </div>
            {canWithdraw ? (
              <div className="member-actions">
                <Link className="button danger" to={`?${params.toString()}#withdraw-title`} aria-label={t('manage.roster.withdrawOf', { name: person.name })}>
                  {t('manage.roster.withdraw')}
                </Link>
              </div>
            ) : null}
          </li>
        );
      })}
    </List>
  );
}

export default function Applications() {
  const data = useLoaderData<typeof loader>();
  const { lang, cohort, canDecide, byApplication, rows, filters, page, pages, total, active, activeTotal, waitlisted, waitlistTotal, withdrawing } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const actionHref = useActionHref();
  const decideResult = actionData?.intent === 'decide' && 'result' in actionData ? actionData.result : undefined;
  const decideErrors = decideResult?.error ? Object.values(decideResult.error).flatMap((e) => e ?? []) : undefined;
  const withdrawErrors = actionData?.intent === 'withdraw' && 'errors' in actionData ? actionData.errors : undefined;
  const deciding = canDecide && filters.status === 'applied';
  const decideCounts = countsOf(actionData, 'decide');
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/manage/cohorts/${cohort.id}`}>
          <ChevronBack />
          <bdi>{cohort.name}</bdi>
        </Link>
      </p>
      <h1>{byApplication ? t('manage.applications.heading') : t('manage.applications.rosterHeading')}</h1>
      <p className="muted">
        <bdi>{cohort.name}</bdi> · {cohort.days} · {t(`manage.statuses.${cohort.status}`)}
      </p>
      <p className="muted">{t('manage.cohort.capacityLine', { capacity: cohort.capacity, count: cohort.seatsLeft, waitlisted: waitlistTotal })}</p>

      <section className="panel" aria-labelledby="list-title">
        <h2 id="list-title">{t(`manage.applications.listTitle.${filters.status}`)}</h2>
        <Filters />
        <p className="muted">{t('manage.applications.count', { count: total })}</p>
        {decideCounts ? <Counts counts={decideCounts} /> : null}
        <FormErrors id="decide-errors" errors={decideErrors} />
        {deciding && rows.length > 0 ? (
          <Form method="post" action={actionHref('decide', 'list-title')} id="decide" className="decide-form">
            <CsrfInput />
            <ul className="member-list applications">
              {rows.map((person) => (
                <li key={person.id}>
                  <label className="choice select-row">
                    <input type="checkbox" name="enrollmentIds" value={person.id} aria-label={t('manage.applications.select', { name: person.name })} />
                    <Who person={person} />
                  </label>
                  <Answers person={person} />
                </li>
              ))}
            </ul>
            <div className="actions decide-actions">
              <SubmitButton name="decision" value="accept">
                {t('manage.applications.acceptSelected')}
              </SubmitButton>
              <button type="submit" name="decision" value="reject" className="button danger">
                {t('manage.applications.rejectSelected')}
              </button>
            </div>
          </Form>
        ) : (
          <ul className="member-list applications">
            {rows.map((person) => (
              <li key={person.id}>
                <Who person={person} />
                <span className={`status status-enrollment-${person.status}`}>{t(`manage.enrollmentStatuses.${person.status}`)}</span>
                <Answers person={person} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} />
      </section>

      {canDecide && byApplication ? <QuotaForm /> : null}

      <section className="panel" aria-labelledby="roster-title">
        <h2 id="roster-title">{t('manage.roster.title')}</h2>
        <p className="muted">{t('manage.roster.lead')}</p>
        {actionData?.intent === 'withdraw' && 'withdrawn' in actionData ? <Notice>{t('manage.roster.withdrawn')}</Notice> : null}
        <FormErrors id="withdraw-errors" errors={withdrawErrors} />
        {withdrawing && canDecide ? <WithdrawConfirmation person={withdrawing} /> : null}
        <h3 id="active-title">{t('manage.roster.active', { count: activeTotal })}</h3>
        <RosterList people={active} canWithdraw={canDecide} />
        <h3 id="waitlist-title">{t('manage.roster.waitlist', { count: waitlistTotal })}</h3>
        <p className="muted">{t('manage.roster.waitlistLead')}</p>
        <RosterList people={waitlisted} canWithdraw={canDecide} numbered />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
