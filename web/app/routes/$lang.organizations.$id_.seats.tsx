import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { displayName } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatDays } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import { z } from 'zod';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }];

const nominateSchema = z.object({ cohortId: z.string().min(1).max(100), userId: z.string({ required_error: 'seats.validation.pickSomeone' }).min(1, 'seats.validation.pickSomeone').max(100) });
const cancelSchema = z.object({ cohortId: z.string().min(1).max(100), enrollmentId: z.string().min(1).max(100) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  // Managers of this organization (and admins) only; for anyone else the page does not exist.
  if (!user.isAdmin && !user.organizations.some((m) => m.id === id && m.role === 'manager')) raise(notFound());
  const api = apiClient({ token, locale: lang });
  const [organization, seats, members] = await Promise.all([
    call(api.GET('/api/organizations/{id}', { params: { path: { id } } })),
    call(api.GET('/api/organizations/{id}/seats', { params: { path: { id } } })),
    call(api.GET('/api/organizations/{id}/members', { params: { path: { id }, query: { pageSize: 100 } } })),
  ]);
  if (!organization.ok || !seats.ok) raise(notFound());
  const staff = members.ok ? members.data.items.map((m) => ({ id: m.user.id, name: displayName(m.user, lang), email: m.user.email })) : [];
  return json({
    lang,
    title: fixedT(lang)('seats.title', { name: organization.data.displayName }),
    organization: { id, name: organization.data.displayName },
    cohorts: seats.data.map((allocation) => {
      const nominated = new Set(allocation.nominees.filter((n) => n.status === 'active' || n.status === 'completed').map((n) => n.user.id));
      return {
        id: allocation.cohort.id,
        name: allocation.cohort.displayName,
        course: allocation.cohort.courseTitle,
        status: allocation.cohort.status,
        days: formatDays(allocation.cohort.startsOn, allocation.cohort.endsOn, lang),
        place: allocation.cohort.online ? null : allocation.cohort.displayCity,
        seats: allocation.seats,
        used: allocation.used,
        free: allocation.free,
        accepting: allocation.cohort.status === 'open' || allocation.cohort.status === 'running',
        nominees: allocation.nominees.map((n) => ({
          enrollmentId: n.enrollmentId,
          name: displayName(n.user, lang),
          email: n.user.email,
          status: n.status,
        })),
        candidates: staff.filter((person) => !nominated.has(person.id)),
      };
    }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent');
  const refusal = (cohortId: string, problem: Parameters<typeof problemToFormErrors>[0]) => {
    const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
    return json({ intent, cohortId, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: problem.status });
  };
  if (intent === 'nominate') {
    const { submission, formData } = await parseForm(request, nominateSchema);
    if (submission.status !== 'success') {
      const raw = formData.get('cohortId');
      const cohortId = typeof raw === 'string' ? raw : '';
      return json({ intent, cohortId, errors: ['seats.validation.pickSomeone'] }, { status: 400 });
    }
    const { cohortId, userId } = submission.value;
    const result = await call(
      api.POST('/api/organizations/{id}/seats/{cohortId}/nominations', { params: { path: { id, cohortId } }, body: { userId } }),
    );
    if (!result.ok) return refusal(cohortId, result.problem);
    return json({ intent, cohortId, done: 'nominated' as const });
  }
  if (intent === 'cancel') {
    const { submission } = await parseForm(request, cancelSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent: intent ?? undefined });
    const { cohortId, enrollmentId } = submission.value;
    const result = await call(
      api.DELETE('/api/organizations/{id}/seats/{cohortId}/nominations/{enrollmentId}', { params: { path: { id, cohortId, enrollmentId } } }),
    );
    if (!result.ok) return refusal(cohortId, result.problem);
    return json({ intent, cohortId, done: 'cancelled' as const });
  }
  raise(notFound());
}

export default function OrganizationSeats() {
  const { lang, organization, cohorts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const about = actionData && 'cohortId' in actionData ? actionData.cohortId : null;
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/organizations/${organization.id}`}>
          <ChevronBack />
          <bdi>{organization.name}</bdi>
        </Link>
      </p>
      <h1>{t('seats.heading')}</h1>
      <p className="muted">{t('seats.lead')}</p>
      {cohorts.length === 0 ? <p className="panel">{t('seats.none')}</p> : null}
      {cohorts.map((cohort) => {
        const mine = about === cohort.id;
        const done = mine && actionData && 'done' in actionData ? actionData.done : null;
        const errors = mine && actionData && 'errors' in actionData ? actionData.errors : undefined;
        const selectId = `nominee-${cohort.id}`;
        return (
          <section key={cohort.id} className="panel seat-cohort" aria-labelledby={`cohort-${cohort.id}`}>
            <h2 id={`cohort-${cohort.id}`}>
              <bdi>{cohort.name}</bdi>
            </h2>
            <p className="muted">
              <bdi>{cohort.course}</bdi> · {cohort.days} · {cohort.place ? <bdi>{cohort.place}</bdi> : t('manage.online')} ·{' '}
              {t(`manage.statuses.${cohort.status}`)}
            </p>
            <p className="seat-usage">
              <strong>{t('seats.usage', { used: cohort.used, seats: cohort.seats })}</strong>{' '}
              <span className="muted">{t('seats.free', { count: cohort.free })}</span>
            </p>
            <meter min={0} max={cohort.seats} value={cohort.used} aria-hidden="true" />
            {done === 'nominated' ? <Notice>{t('seats.nominated')}</Notice> : null}
            {done === 'cancelled' ? <Notice>{t('seats.cancelled')}</Notice> : null}
            <FormErrors id={`errors-${cohort.id}`} errors={errors} />
            <h3>{t('seats.nominees')}</h3>
            {cohort.nominees.length === 0 ? <p className="muted">{t('seats.noNominees')}</p> : null}
            <ul className="member-list">
              {cohort.nominees.map((nominee) => (
                <li key={nominee.enrollmentId}>
                  <div className="member-who">
                    <strong>
                      <bdi>{nominee.name}</bdi>
                    </strong>
                    <span className="muted">
                      <bdi dir="ltr">{nominee.email}</bdi>
                    </span>
                    <span className="muted">{t(`manage.enrollmentStatuses.${nominee.status}`)}</span>
                  </div>
                  {nominee.status === 'active' ? (
                    <div className="member-actions">
                      <Form method="post" action={`?intent=cancel#cohort-${cohort.id}`} className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="cohortId" value={cohort.id} />
                        <input type="hidden" name="enrollmentId" value={nominee.enrollmentId} />
                        <button type="submit" className="button danger" aria-label={t('seats.cancelOf', { name: nominee.name })}>
                          {t('seats.cancel')}
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
            {cohort.accepting && cohort.free > 0 ? (
              <Form method="post" action={`?intent=nominate#cohort-${cohort.id}`} className="form nominate-form">
                <CsrfInput />
                <input type="hidden" name="cohortId" value={cohort.id} />
                <div className="field">
                  <label htmlFor={selectId}>{t('seats.nominate')}</label>
                  <p className="hint" id={`${selectId}-hint`}>
                    {t('seats.nominateHint')}
                  </p>
                  <select id={selectId} name="userId" defaultValue="" aria-describedby={`${selectId}-hint`}>
                    <option value="" />
                    {cohort.candidates.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name} — {person.email}
                      </option>
                    ))}
                  </select>
                </div>
                <p>
                  <button type="submit" className="button primary">
                    {t('seats.nominateSubmit')}
                  </button>
                </p>
              </Form>
            ) : (
              <p className="muted">{cohort.accepting ? t('seats.allUsed') : t('seats.notAccepting')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
