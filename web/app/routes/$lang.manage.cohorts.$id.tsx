import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CohortFields, InputField, questionRowsFrom } from '~/components/cohort-fields';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack, ChevronForward } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { displayName } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { cohortFormFields, endOfDayIn, formatDays, formatInstant, nextStatuses, staffRoles } from '~/lib/manage';
import {
  addStaffSchema,
  codeIdSchema,
  cohortBody,
  cohortFieldAliases,
  cohortRuleErrors,
  inviteCodeSchema,
  organizationIdSchema,
  seatsSchema,
  statusSchema,
  updateCohortSchema,
  userIdSchema,
} from '~/lib/manage-schemas';
import { cohortProblemFields, invalidWithRules, problemOnField } from '~/lib/manage.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import { otherTimeZones } from '~/lib/time-zones';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const cohortResult = await call(api.GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!cohortResult.ok) raise(notFound());
  const cohort = cohortResult.data;
  const role = cohort.viewer.staffRole;
  const canEdit = user.isAdmin || role === 'lead_trainer';
  if (!canEdit && role !== 'coach') raise(notFound());
  const path = { params: { path: { id } } };
  const [staff, seats, codes, organizations] = canEdit
    ? await Promise.all([
        call(api.GET('/api/cohorts/{id}/staff', path)),
        call(api.GET('/api/cohorts/{id}/seats', path)),
        call(api.GET('/api/cohorts/{id}/invite-codes', path)),
        call(api.GET('/api/organizations', { params: { query: { pageSize: 100 } } })),
      ])
    : [null, null, null, null];
  const url = new URL(request.url);
  return json({
    lang,
    title: cohort.displayName,
    created: url.searchParams.get('created') === '1',
    canEdit,
    selfId: user.id,
    cohort: {
      id: cohort.id,
      name: cohort.displayName,
      course: cohort.courseTitle,
      courseVersion: cohort.courseVersion,
      status: cohort.status,
      mode: cohort.enrollmentMode,
      days: formatDays(cohort.startsOn, cohort.endsOn, lang),
      place: cohort.online ? null : cohort.displayCity,
      timeZone: cohort.timeZone,
      capacity: cohort.capacity,
      seatsLeft: cohort.seatsLeft,
      waitlisted: cohort.waitlisted,
    },
    // What the edit form starts from: the cohort's own per-locale values.
    values: {
      nameAr: cohort.name.ar ?? '',
      nameEn: cohort.name.en ?? '',
      nameFr: cohort.name.fr ?? '',
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      timeZone: cohort.timeZone,
      place: cohort.online ? 'online' : 'city',
      cityAr: cohort.city.ar ?? '',
      cityEn: cohort.city.en ?? '',
      cityFr: cohort.city.fr ?? '',
      capacity: String(cohort.capacity),
      enrollmentMode: cohort.enrollmentMode,
    },
    questions: cohort.applicationQuestions.map((q) => ({ key: q.key, ar: q.label.ar, en: q.label.en, fr: q.label.fr, required: q.required })),
    staff: staff?.ok
      ? staff.data.map((member) => ({ id: member.user.id, name: displayName(member.user, lang), email: member.user.email, role: member.role }))
      : [],
    seats: seats?.ok ? seats.data : [],
    codes: codes?.ok
      ? codes.data.map((code) => ({
          id: code.id,
          uses: code.uses,
          maxUses: code.maxUses,
          state: code.state,
          created: formatInstant(code.createdAt, lang, user.timeZone),
          expires: code.expiresAt ? formatInstant(code.expiresAt, lang, user.timeZone) : null,
        }))
      : [],
    organizations: organizations?.ok ? organizations.data.items.map((o) => ({ id: o.id, name: o.displayName })) : [],
    otherZones: canEdit ? otherTimeZones() : [],
  });
}

/** A refusal from the api for a one-button form, in the api's words, shown in that form's section. */
function refused(intent: string, problem: Problem, extra: Record<string, string> = {}) {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  return json({ intent, ...extra, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: problem.status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent') ?? '';
  const path = { params: { path: { id } } };
  switch (intent) {
    case 'update': {
      const { submission, formData } = await parseForm(request, updateCohortSchema);
      const ruleErrors = cohortRuleErrors(formData);
      if (submission.status !== 'success' || Object.keys(ruleErrors).length > 0) return invalidWithRules(submission, ruleErrors, intent);
      const result = await call(api.PATCH('/api/cohorts/{id}', { ...path, body: cohortBody(submission.value) }));
      if (!result.ok) return invalid(submission, problemOnField(result.problem, cohortProblemFields), { fields: cohortFormFields, aliases: cohortFieldAliases, intent });
      return json({ intent, result: submission.reply(), done: 'saved' as const });
    }
    case 'status': {
      const { submission } = await parseForm(request, statusSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const result = await call(api.POST('/api/cohorts/{id}/status', { ...path, body: submission.value }));
      if (!result.ok) return refused(intent, result.problem);
      return json({ intent, result: submission.reply(), done: 'statusChanged' as const });
    }
    case 'addStaff': {
      const { submission } = await parseForm(request, addStaffSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const result = await call(api.POST('/api/cohorts/{id}/staff', { ...path, body: submission.value }));
      if (!result.ok) return invalid(submission, result.problem, { fields: ['email', 'role'], intent });
      return json({ intent, result: submission.reply({ resetForm: true }), done: 'staffAdded' as const });
    }
    case 'removeStaff': {
      const { submission } = await parseForm(request, userIdSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { userId } = submission.value;
      const result = await call(api.DELETE('/api/cohorts/{id}/staff/{userId}', { params: { path: { id, userId } } }));
      if (!result.ok) return refused(intent, result.problem, { userId });
      return json({ intent, result: submission.reply(), done: 'staffRemoved' as const });
    }
    case 'seats': {
      const { submission } = await parseForm(request, seatsSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { organizationId, seats } = submission.value;
      const result = await call(api.PUT('/api/cohorts/{id}/seats/{organizationId}', { params: { path: { id, organizationId } }, body: { seats } }));
      if (!result.ok) return invalid(submission, result.problem, { fields: ['organizationId', 'seats'], intent });
      return json({ intent, result: submission.reply({ resetForm: true }), done: 'seatsSaved' as const });
    }
    case 'removeSeats': {
      const { submission } = await parseForm(request, organizationIdSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { organizationId } = submission.value;
      const result = await call(api.DELETE('/api/cohorts/{id}/seats/{organizationId}', { params: { path: { id, organizationId } } }));
      if (!result.ok) return refused(intent, result.problem);
      return json({ intent, result: submission.reply(), done: 'seatsRemoved' as const });
    }
    case 'createCode': {
      const { submission } = await parseForm(request, inviteCodeSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const cohort = await call(api.GET('/api/cohorts/{id}', path));
      const zone = cohort.ok ? cohort.data.timeZone : 'UTC';
      const { maxUses, expiresOn } = submission.value;
      const result = await call(
        api.POST('/api/cohorts/{id}/invite-codes', {
          ...path,
          body: { maxUses: maxUses ?? null, expiresAt: expiresOn ? endOfDayIn(expiresOn, zone) : null },
        }),
      );
      if (!result.ok) return invalid(submission, result.problem, { fields: ['maxUses', 'expiresOn'], aliases: { expiresAt: 'expiresOn' }, intent });
      // The code exists in clear only in this answer: shown once, never stored by the web either.
      return json({ intent, result: submission.reply({ resetForm: true }), done: 'codeCreated' as const, code: result.data.code });
    }
    case 'revokeCode': {
      const { submission } = await parseForm(request, codeIdSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const result = await call(api.DELETE('/api/cohorts/{id}/invite-codes/{codeId}', { params: { path: { id, codeId: submission.value.codeId } } }));
      if (!result.ok) return refused(intent, result.problem);
      return json({ intent, result: submission.reply(), done: 'codeRevoked' as const });
    }
    default:
      raise(notFound());
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

function doneOf(actionData: ActionData): string | null {
  return actionData && 'done' in actionData ? String(actionData.done) : null;
}

function errorsOf(actionData: ActionData, intent: string): string[] | undefined {
  if (!actionData || actionData.intent !== intent) return undefined;
  if ('errors' in actionData) return actionData.errors;
  if ('result' in actionData && actionData.result.error) return Object.values(actionData.result.error).flatMap((e) => e ?? []);
  return undefined;
}

function resultOf(actionData: ActionData, intent: string) {
  return actionData && actionData.intent === intent && 'result' in actionData ? actionData.result : undefined;
}

function StatusSection() {
  const { cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const next = nextStatuses(cohort.status);
  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('manage.cohort.statusTitle')}</h2>
      <p>
        {t('manage.cohort.statusNow')} <span className={`status status-${cohort.status}`}>{t(`manage.statuses.${cohort.status}`)}</span>
      </p>
      <p className="muted">{t(`manage.statusRules.${cohort.status}`)}</p>
      {doneOf(actionData) === 'statusChanged' ? <Notice>{t('manage.cohort.statusChanged')}</Notice> : null}
      <FormErrors id="status-errors" errors={errorsOf(actionData, 'status')} />
      {next.length ? (
        <div className="actions">
          {next.map((status) => (
            <Form key={status} method="post" action="?intent=status#status-title" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="status" value={status} />
              <button type="submit" className={status === 'draft' ? 'button' : 'button primary'}>
                {t(`manage.statusActions.${status}`)}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
      {next.length ? (
        <ul className="plain-list muted">
          {next.map((status) => (
            <li key={status}>{t(`manage.statusExplain.${status}`)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function EditSection() {
  const { values, questions, otherZones, cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lastResult = resultOf(actionData, 'update');
  const [form, fields] = useForm({ id: 'edit-cohort', fields: cohortFormFields, lastResult, defaultValue: values });
  const rows = questionRowsFrom(lastResult?.initialValue) ?? questions;
  return (
    <section className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('manage.cohort.editTitle')}</h2>
      <p className="muted">{t('manage.cohort.courseVersion', { version: cohort.courseVersion })}</p>
      {doneOf(actionData) === 'saved' ? <Notice>{t('manage.cohort.saved')}</Notice> : null}
      {/* The form is long on a phone: folded until wanted, open again when it comes back with messages. */}
      <details className="edit-details" open={Boolean(lastResult?.error) || undefined}>
        <summary>{t('manage.cohort.editOpen')}</summary>
        <Form method="post" action="?intent=update#edit-title" className="form" key={form.key} {...form.props}>
          <CsrfInput />
          <FormErrors id={form.errorId} errors={form.errors} />
          <CohortFields formId={form.id} fields={fields} otherZones={otherZones} questions={rows} />
          <p>
            <SubmitButton>{t('manage.cohort.save')}</SubmitButton>
          </p>
        </Form>
      </details>
    </section>
  );
}

function StaffSection() {
  const { staff, selfId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: 'add-staff', fields: ['email', 'role'], lastResult: resultOf(actionData, 'addStaff'), defaultValue: { role: 'coach' } });
  const done = doneOf(actionData);
  const removeErrors = errorsOf(actionData, 'removeStaff');
  return (
    <section className="panel" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('manage.staff.title')}</h2>
      <p className="muted">{t('manage.staff.lead')}</p>
      {done === 'staffAdded' ? <Notice>{t('manage.staff.added')}</Notice> : null}
      {done === 'staffRemoved' ? <Notice>{t('manage.staff.removed')}</Notice> : null}
      <FormErrors id="staff-errors" errors={removeErrors} />
      <ul className="member-list">
        {staff.map((member) => (
          <li key={`${member.id}-${member.role}`}>
            <div className="member-who">
              <strong>
                <bdi>{member.name}</bdi>
              </strong>
              <span className="muted">
                <bdi dir="ltr">{member.email}</bdi>
              </span>
              <span className="muted">{t(`manage.roles.${member.role}`)}</span>
            </div>
            <div className="member-actions">
              <Form method="post" action="?intent=removeStaff#staff-title" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="userId" value={member.id} />
                <button type="submit" className="button danger" aria-label={t('manage.staff.removeOf', { name: member.name })}>
                  {member.id === selfId ? t('manage.staff.leave') : t('manage.staff.remove')}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('manage.staff.addTitle')}</h3>
      <Form method="post" action="?intent=addStaff#staff-title" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t('form.email')} type="email" dir="ltr" hint={t('manage.staff.emailHint')} />
        <SelectField field={fields.role} label={t('manage.staff.role')}>
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {t(`manage.roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <p>
          <SubmitButton>{t('manage.staff.add')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

function SeatsSection() {
  const { seats, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: 'add-seats', fields: ['organizationId', 'seats'], lastResult: resultOf(actionData, 'seats') });
  const done = doneOf(actionData);
  return (
    <section className="panel" aria-labelledby="seats-title">
      <h2 id="seats-title">{t('manage.seats.title')}</h2>
      <p className="muted">{t('manage.seats.lead')}</p>
      {done === 'seatsSaved' ? <Notice>{t('manage.seats.saved')}</Notice> : null}
      {done === 'seatsRemoved' ? <Notice>{t('manage.seats.removed')}</Notice> : null}
      <FormErrors id="seats-errors" errors={errorsOf(actionData, 'removeSeats')} />
      {seats.length === 0 ? <p>{t('manage.seats.none')}</p> : null}
      <ul className="member-list">
        {seats.map((allocation) => (
          <li key={allocation.organizationId}>
            <div className="member-who">
              <strong>
                <bdi>{allocation.displayName}</bdi>
              </strong>
              <span className="muted">{t('manage.seats.usage', { used: allocation.used, seats: allocation.seats })}</span>
            </div>
            <div className="member-actions">
              <Form method="post" action="?intent=seats#seats-title" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="organizationId" value={allocation.organizationId} />
                <label className="visually-hidden" htmlFor={`seats-${allocation.organizationId}`}>
                  {t('manage.seats.seatsOf', { name: allocation.displayName })}
                </label>
                <input
                  id={`seats-${allocation.organizationId}`}
                  className="small-number"
                  name="seats"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  defaultValue={allocation.seats}
                  dir="ltr"
                />
                <button type="submit" className="button">
                  {t('manage.seats.change')}
                </button>
              </Form>
              <Form method="post" action="?intent=removeSeats#seats-title" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="organizationId" value={allocation.organizationId} />
                <button type="submit" className="button danger" aria-label={t('manage.seats.removeOf', { name: allocation.displayName })}>
                  {t('manage.seats.remove')}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('manage.seats.addTitle')}</h3>
      <Form method="post" action="?intent=seats#seats-title" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.organizationId} label={t('manage.seats.organization')}>
          <option value="" />
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </SelectField>
        <InputField field={fields.seats} label={t('manage.seats.seats')} type="number" min={1} />
        <p>
          <SubmitButton>{t('manage.seats.add')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

/** The new code in a read-only field; with JavaScript a button copies it. */
function NewCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  return (
    <div className="notice notice-success new-code" role="status">
      <p>{t('manage.codes.created')}</p>
      <label htmlFor="created-code" className="visually-hidden">
        {t('manage.codes.code')}
      </label>
      <div className="copy-row">
        <input id="created-code" readOnly value={code} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
        {canCopy ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard.writeText(code).then(() => setCopied(true));
            }}
          >
            {copied ? t('manage.codes.copied') : t('manage.codes.copy')}
          </button>
        ) : null}
      </div>
      <p>{t('manage.codes.onlyOnce')}</p>
    </div>
  );
}

function CodesSection() {
  const { codes, cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: 'new-code', fields: ['maxUses', 'expiresOn'], lastResult: resultOf(actionData, 'createCode') });
  const code = actionData && 'code' in actionData && typeof actionData.code === 'string' ? actionData.code : null;
  return (
    <section className="panel" aria-labelledby="codes-title">
      <h2 id="codes-title">{t('manage.codes.title')}</h2>
      <p className="muted">{cohort.mode === 'invite' ? t('manage.codes.lead') : t('manage.codes.notInviteMode')}</p>
      {code ? <NewCode code={code} /> : null}
      {doneOf(actionData) === 'codeRevoked' ? <Notice>{t('manage.codes.revoked')}</Notice> : null}
      <FormErrors id="codes-errors" errors={errorsOf(actionData, 'revokeCode')} />
      {codes.length === 0 ? <p>{t('manage.codes.none')}</p> : null}
      <ul className="member-list">
        {codes.map((c) => (
          <li key={c.id}>
            <div className="member-who">
              <strong>{t('manage.codes.createdOn', { date: c.created })}</strong>
              <span className="muted">
                {c.maxUses === null ? t('manage.codes.usesUnlimited', { uses: c.uses }) : t('manage.codes.uses', { uses: c.uses, max: c.maxUses })}
              </span>
              <span className="muted">{c.expires ? t('manage.codes.expires', { date: c.expires }) : t('manage.codes.noExpiry')}</span>
              <span className={`status status-code-${c.state}`}>{t(`manage.codes.states.${c.state}`)}</span>
            </div>
            {c.state === 'active' ? (
              <div className="member-actions">
                <Form method="post" action="?intent=revokeCode#codes-title" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="codeId" value={c.id} />
                  <button type="submit" className="button danger" aria-label={t('manage.codes.revokeOf', { date: c.created })}>
                    {t('manage.codes.revoke')}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('manage.codes.newTitle')}</h3>
      <Form method="post" action="?intent=createCode#codes-title" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.maxUses} label={t('manage.codes.maxUses')} type="number" min={1} hint={t('manage.codes.maxUsesHint')} />
        <InputField field={fields.expiresOn} label={t('manage.codes.expiresOn')} type="date" hint={t('manage.codes.expiresHint', { zone: cohort.timeZone })} />
        <p>
          <SubmitButton>{t('manage.codes.create')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

export default function ManageCohort() {
  const { lang, cohort, canEdit, created } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/manage`}>
          <ChevronBack />
          {t('manage.back')}
        </Link>
      </p>
      <h1>
        <bdi>{cohort.name}</bdi>
      </h1>
      {created ? <Notice>{t('manage.cohort.created')}</Notice> : null}
      <p className="org-meta">
        <span className={`status status-${cohort.status}`}>{t(`manage.statuses.${cohort.status}`)}</span>
        <bdi>{cohort.course}</bdi>
      </p>
      <p className="muted">
        {cohort.days} · {cohort.place ? <bdi>{cohort.place}</bdi> : t('manage.online')} · {t(`manage.modes.${cohort.mode}`)}
      </p>
      <p className="muted">{t('manage.cohort.capacityLine', { capacity: cohort.capacity, count: cohort.seatsLeft, waitlisted: cohort.waitlisted })}</p>
      <p className="actions">
        <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/applications`}>
          {canEdit ? t('manage.cohort.applications') : t('manage.rosterLink')}
          <ChevronForward />
        </Link>
        {canEdit ? (
          <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/circles`}>
            {t('board.link')}
            <ChevronForward />
          </Link>
        ) : null}
        {canEdit ? (
          <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/assignments`}>
            {t('assignments.open')}
            <ChevronForward />
          </Link>
        ) : null}
        <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/gradebook`}>
          {t('gradebook.open')}
          <ChevronForward />
        </Link>
        <Link className="button" to={`/${lang}/manage/cohorts/${cohort.id}/completion`}>
          {t('completion.open')}
          <ChevronForward />
        </Link>
        {cohort.status !== 'draft' ? (
          <Link className="button" to={`/${lang}/cohorts/${cohort.id}`}>
            {t('manage.cohort.publicPage')}
            <ChevronForward />
          </Link>
        ) : null}
      </p>
      {canEdit ? (
        <>
          <StatusSection />
          <EditSection />
          <StaffSection />
          <SeatsSection />
          <CodesSection />
        </>
      ) : (
        <p className="muted">{t('manage.cohort.coachReadOnly')}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
