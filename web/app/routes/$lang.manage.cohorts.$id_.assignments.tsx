import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { validatedFormData } from '~/lib/csrf.server';
import { displayName } from '~/lib/format';
import { fromLocalInput, latePolicies, submissionKinds, toLocalInput } from '~/lib/grading';
import { gradingApi } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatInstant } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import gradingStyles from '~/styles/grading.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: gradingStyles }];

const idPattern = /^[\w-]{1,64}$/;

/** The cohort, if the caller runs it (lead trainer or admin); a 404 for everyone else. */
async function requireLead(request: Request, params: { lang?: string; id?: string }) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!idPattern.test(id)) raise(notFound());
  const { user, token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const result = await call(api.GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!result.ok) raise(notFound());
  if (!user.isAdmin && result.data.viewer.staffRole !== 'lead_trainer') raise(notFound());
  return { lang, id, user, token, api, cohort: result.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, user, token, api, cohort } = await requireLead(request, params);
  const grading = gradingApi({ token, locale: lang });
  const [list, trainees] = await Promise.all([
    grading.assignments(id),
    call(api.GET('/api/cohorts/{id}/enrollments', { params: { path: { id }, query: { status: 'active', pageSize: 100 } } })),
  ]);
  const zone = cohort.timeZone;
  // The extensions granted so far, per assignment (shown in the cohort's zone, like the dates typed in the forms).
  const extensions = list.ok ? await Promise.all(list.data.items.map((a) => grading.extensions(a.id))) : [];
  const names = new Map(trainees.ok ? trainees.data.items.map((row) => [row.id, displayName(row.user, lang)]) : []);
  const done = new URL(request.url).searchParams.get('done');
  return json({
    lang,
    title: fixedT(lang)('assignments.title', { name: cohort.displayName }),
    cohort: { id, name: cohort.displayName, zone },
    failed: !list.ok,
    done: ['created', 'saved', 'extended', 'unextended'].includes(done ?? '') ? done : null,
    trainees: [...names].map(([enrollmentId, name]) => ({ id: enrollmentId, name })),
    assignments: list.ok
      ? list.data.items.map((a, i) => ({
          id: a.id,
          title: a.displayTitle,
          due: formatInstant(a.dueAt, lang, user.timeZone),
          dueLocal: toLocalInput(a.dueAt, zone),
          latePolicy: a.latePolicy,
          kind: a.submissionKind,
          passMark: a.passMark,
          max: a.maxPoints,
          extensions: (extensions[i]?.ok ? extensions[i].data : []).map((x) => ({
                enrollmentId: x.enrollmentId,
                name: displayName(x.user, lang),
                due: formatInstant(x.dueAt, lang, zone),
            reason: x.reason,
          })),
        }))
      : [],
  });
}

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const editSchema = z.object({
  assignmentId: z.string().regex(idPattern),
  dueAt: localDateTime,
  latePolicy: z.enum(latePolicies),
  submissionKind: z.enum(submissionKinds),
  passMark: z.coerce.number().int().min(0).max(10000),
});
const extendSchema = z.object({
  assignmentId: z.string().regex(idPattern),
  enrollmentId: z.string().regex(idPattern),
  dueAt: localDateTime,
  reason: z.string().trim().max(500).optional(),
});
const unextendSchema = z.object({ assignmentId: z.string().regex(idPattern), enrollmentId: z.string().regex(idPattern) });

function messages(problem: Problem): string[] {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  const all = [...formErrors, ...Object.values(fieldErrors).flat()];
  return all.length ? all : [problem.title ?? String(problem.status)];
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, id, token, cohort } = await requireLead(request, params);
  const grading = gradingApi({ token, locale: lang });
  const t = fixedT(lang);
  const form = Object.fromEntries([...(await validatedFormData(request)).entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const back = (done: string, hash = '') => redirect(`/${lang}/manage/cohorts/${id}/assignments?done=${done}${hash}`);
  const fail = (target: string, errors: string[], status = 400) => json({ target, errors }, { status });
  switch (form.intent) {
    case 'instantiate': {
      const result = await grading.instantiate(id);
      return result.ok ? back('created') : fail('instantiate', messages(result.problem), result.problem.status);
    }
    case 'edit': {
      const parsed = editSchema.safeParse(form);
      if (!parsed.success) return fail(form.assignmentId ?? '', [t('assignments.invalid')]);
      const { assignmentId, dueAt, ...rest } = parsed.data;
      const result = await grading.editAssignment(assignmentId, { ...rest, dueAt: fromLocalInput(dueAt, cohort.timeZone) });
      return result.ok ? back('saved', `#a-${assignmentId}`) : fail(assignmentId, messages(result.problem), result.problem.status);
    }
    case 'extend': {
      const parsed = extendSchema.safeParse(form);
      if (!parsed.success) return fail(form.assignmentId ?? '', [t('assignments.invalid')]);
      const { assignmentId, enrollmentId, dueAt, reason } = parsed.data;
      const result = await grading.putExtension(assignmentId, enrollmentId, {
        dueAt: fromLocalInput(dueAt, cohort.timeZone),
        ...(reason ? { reason } : {}),
      });
      return result.ok ? back('extended', `#a-${assignmentId}`) : fail(assignmentId, messages(result.problem), result.problem.status);
    }
    case 'unextend': {
      const parsed = unextendSchema.safeParse(form);
      if (!parsed.success) return fail(form.assignmentId ?? '', [t('assignments.invalid')]);
      const result = await grading.deleteExtension(parsed.data.assignmentId, parsed.data.enrollmentId);
      return result.ok ? back('unextended', `#a-${parsed.data.assignmentId}`) : fail(parsed.data.assignmentId, messages(result.problem), result.problem.status);
    }
    default:
      raise(notFound());
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['assignments'][number];

function AssignmentCard({ row, errors }: { row: Row; errors?: string[] }) {
  const { t } = useTranslation();
  const { trainees, cohort } = useLoaderData<typeof loader>();
  return (
    <li className="panel assignment" id={`a-${row.id}`}>
      <h2>
        <bdi>{row.title}</bdi>
      </h2>
      <p className="muted">
        {t('grading.review.due', { date: row.due })} · {t(`assignments.latePolicies.${row.latePolicy}`)} · {t(`assignments.kinds.${row.kind}`)} ·{' '}
        {t('grading.review.passMark', { mark: row.passMark, max: row.max })}
      </p>
      <FormErrors id={`errors-${row.id}`} errors={errors} />
      {row.extensions.length > 0 ? (
        <section className="extensions" aria-labelledby={`extensions-${row.id}`}>
          <h3 id={`extensions-${row.id}`}>{t('assignments.extensions')}</h3>
          <ul>
            {row.extensions.map((x) => (
              <li key={x.enrollmentId} className="extension">
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="assignmentId" value={row.id} />
                  <input type="hidden" name="enrollmentId" value={x.enrollmentId} />
                  <bdi className="extension-name">{x.name}</bdi> · {t('assignments.extensionDue', { date: x.due, zone: cohort.zone })}
                  {x.reason ? (
                    <>
                      {' · '}
                      <bdi className="muted">{x.reason}</bdi>
                    </>
                  ) : null}{' '}
                  <button type="submit" className="button" name="intent" value="unextend" aria-label={t('assignments.removeFor', { name: x.name })}>
                    {t('assignments.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details>
        <summary>{t('assignments.edit')}</summary>
        <Form method="post" className="assignment-form">
          <CsrfInput />
          <input type="hidden" name="assignmentId" value={row.id} />
          <div className="field">
            <label htmlFor={`due-${row.id}`}>{t('assignments.dueAt')}</label>
            <p className="hint" id={`due-hint-${row.id}`}>
              {t('assignments.zoneHint', { zone: cohort.zone })}
            </p>
            <input id={`due-${row.id}`} name="dueAt" type="datetime-local" required defaultValue={row.dueLocal} aria-describedby={`due-hint-${row.id}`} />
          </div>
          <div className="field">
            <label htmlFor={`late-${row.id}`}>{t('assignments.latePolicy')}</label>
            <select id={`late-${row.id}`} name="latePolicy" defaultValue={row.latePolicy}>
              {latePolicies.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`assignments.latePolicies.${policy}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`kind-${row.id}`}>{t('assignments.kind')}</label>
            <select id={`kind-${row.id}`} name="submissionKind" defaultValue={row.kind}>
              {submissionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`assignments.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`pass-${row.id}`}>{t('assignments.passMark', { max: row.max })}</label>
            <input id={`pass-${row.id}`} name="passMark" type="number" min={0} max={row.max || undefined} required defaultValue={row.passMark} />
          </div>
          <SubmitButton name="intent" value="edit">
            {t('assignments.save')}
          </SubmitButton>
        </Form>
      </details>
      {trainees.length > 0 ? (
        <details>
          <summary>{t('assignments.addExtension')}</summary>
          <Form method="post" className="assignment-form">
            <CsrfInput />
            <input type="hidden" name="assignmentId" value={row.id} />
            <div className="field">
              <label htmlFor={`who-${row.id}`}>{t('assignments.trainee')}</label>
              <select id={`who-${row.id}`} name="enrollmentId" required>
                {trainees.map((trainee) => (
                  <option key={trainee.id} value={trainee.id}>
                    {trainee.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`ext-${row.id}`}>{t('assignments.newDueAt')}</label>
              <input id={`ext-${row.id}`} name="dueAt" type="datetime-local" required defaultValue={row.dueLocal} />
            </div>
            <div className="field">
              <label htmlFor={`reason-${row.id}`}>{t('assignments.reason')}</label>
              <input id={`reason-${row.id}`} name="reason" type="text" maxLength={500} dir="auto" />
            </div>
            <SubmitButton name="intent" value="extend">
              {t('assignments.extend')}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

export default function AssignmentsPage() {
  const { lang, cohort, assignments, failed, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to={`/${lang}/manage/cohorts/${cohort.id}`} className="back-link">
          <ChevronBack />
          <bdi>{cohort.name}</bdi>
        </Link>
      </p>
      <h1>{t('assignments.heading')}</h1>
      {done ? <Notice>{t(`assignments.done.${done}`)}</Notice> : null}
      {failed ? <p role="alert">{t('grading.unavailable')}</p> : null}
      <Form method="post" className="instantiate">
        <CsrfInput />
        <p className="muted">{t('assignments.instantiateHint')}</p>
        <FormErrors id="instantiate-errors" errors={actionData?.target === 'instantiate' ? actionData.errors : undefined} />
        <SubmitButton name="intent" value="instantiate">
          {t('assignments.instantiate')}
        </SubmitButton>
      </Form>
      {!failed && assignments.length === 0 ? <p className="panel empty">{t('assignments.empty')}</p> : null}
      <ol className="assignments">
        {assignments.map((row) => (
          <AssignmentCard key={row.id} row={row} errors={actionData?.target === row.id ? actionData.errors : undefined} />
        ))}
      </ol>
      <p>
        <Link to={`/${lang}/manage/cohorts/${cohort.id}/gradebook`}>{t('gradebook.heading')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
