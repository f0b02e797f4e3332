import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ForwardLink, RateText, SessionWhen } from '~/components/circles';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack, ChevronForward } from '~/components/icons';
import { timeZoneLabel } from '~/lib/catalog';
import { circlesApi } from '~/lib/circles-api.server';
import { cancelSessionSchema, editSessionSchema, scheduleSchema } from '~/lib/circles-schemas';
import { editFields, listOf, nameOf, localParts, repeatOptions, scheduleFields, toRateView, toSessionView, type SessionData } from '~/lib/circles';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import { useForm } from '~/lib/use-form';
import circleStyles from '~/styles/circles.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: circleStyles }];

const doneNotices = ['scheduled', 'edited', 'cancelled', 'attendance'] as const;
type Done = (typeof doneNotices)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  const api = circlesApi({ token, locale: lang });
  const circleResult = await api.circle(id);
  if (!circleResult.ok) raise(notFound());
  const circle = circleResult.data;
  // Trainees have their own page; this one is for the circle's coaches and the cohort's lead trainers.
  if (circle.viewerRole === 'member') raise(redirect(`/${lang}/my-circle`));
  const now = new Date();
  // The last four months and what is planned: a page of 100 holds a weekly circle's whole span and more.
  const since = new Date(now.getTime() - 120 * 86_400_000).toISOString();
  const [pastResult, nextResult] = await Promise.all([
    api.circleSessions(id, { from: since, to: now.toISOString() }),
    api.circleSessions(id, { from: now.toISOString() }),
  ]);
  const cohortZone = circle.cohort.timeZone;
  const cohortName = circle.cohort.displayName;
  const sessions: SessionData[] = [...(pastResult.ok ? pastResult.data.items : []), ...(nextResult.ok ? nextResult.data.items : [])];
  const viewerZone = user.timeZone ?? null;
  const views = sessions.map((session) => toSessionView(session, lang, viewerZone, now));
  const url = new URL(request.url);
  const editing = sessions.find((s) => s.id === url.searchParams.get('edit') && s.status !== 'cancelled') ?? null;
  const cancelling = sessions.find((s) => s.id === url.searchParams.get('cancel') && s.status !== 'cancelled') ?? null;
  const done = doneNotices.find((d) => d === url.searchParams.get('done')) ?? null;
  return json({
    lang,
    title: circle.displayName,
    // Coaches come from "My circles"; lead trainers and admins from the cohort's circle board.
    back: circle.viewerRole === 'coach' ? ('mine' as const) : ('board' as const),
    circle: {
      id: circle.id,
      name: circle.displayName,
      cohortId: circle.cohortId,
      cohortName,
      rate: toRateView(circle.attendance, lang),
      coaches: listOf(circle.coaches.map((coach) => nameOf(coach, lang)), lang),
      members: circle.members
        .map((member) => ({ enrollmentId: member.enrollmentId, name: nameOf(member, lang), rate: toRateView(member.attendance, lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    },
    cohortZone,
    cohortZoneLabel: timeZoneLabel(cohortZone, lang),
    // Upcoming first, soonest first; past ones newest first, the last ten.
    upcoming: views.filter((s) => !s.past),
    past: views.filter((s) => s.past).reverse().slice(0, 10),
    editing: editing
      ? {
          id: editing.id,
          inSeries: Boolean(editing.seriesId),
          values: {
            ...localParts(editing.startsAt, editing.timeZone),
            durationMinutes: String(editing.durationMinutes ?? 90),
            place: views.find((v) => v.id === editing.id)?.place ?? '',
            onlineUrl: editing.onlineUrl ?? '',
            agenda: views.find((v) => v.id === editing.id)?.agenda ?? '',
            scope: 'this',
          },
          when: views.find((v) => v.id === editing.id)?.day ?? '',
        }
      : null,
    cancelling: cancelling ? { id: cancelling.id, inSeries: Boolean(cancelling.seriesId), when: views.find((v) => v.id === cancelling.id)?.day ?? '' } : null,
    done,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const api = circlesApi({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent') ?? '';
  const back = (done: Done) => redirect(`/${lang}/circles/${id}?done=${done}#sessions-title`);
  switch (intent) {
    case 'schedule': {
      const { submission } = await parseForm(request, scheduleSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { repeat, occurrences, place, agenda, onlineUrl, date, time, durationMinutes } = submission.value;
      // Place and agenda are written in the page's language; the api keeps them per locale.
      const body = { date, time, durationMinutes, onlineUrl, place: place ? { [lang]: place } : undefined, agenda: agenda ? { [lang]: agenda } : undefined };
      const result = await api.schedule(id, repeat ? { ...body, repeat, occurrences } : body);
      if (!result.ok) return invalid(submission, result.problem, { fields: scheduleFields, intent });
      return back('scheduled');
    }
    case 'edit': {
      const { submission } = await parseForm(request, editSessionSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { sessionId, scope, was = {}, ...values } = submission.value;
      const changed = (name: keyof typeof values) => (values[name] === undefined ? '' : String(values[name])) !== (was[name] ?? '');
      const body = {
        scope,
        ...(changed('date') ? { date: values.date } : {}),
        ...(changed('time') ? { time: values.time } : {}),
        ...(changed('durationMinutes') ? { durationMinutes: values.durationMinutes } : {}),
        ...(changed('place') ? { place: { [lang]: values.place ?? '' } } : {}),
        ...(changed('agenda') ? { agenda: { [lang]: values.agenda ?? '' } } : {}),
        ...(changed('onlineUrl') ? { onlineUrl: values.onlineUrl ?? null } : {}),
      };
      const result = await api.editSession(sessionId, body);
      if (!result.ok) return invalid(submission, result.problem, { fields: editFields, intent });
      return back('edited');
    }
    case 'cancel': {
      const { submission } = await parseForm(request, cancelSessionSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { sessionId, ...body } = submission.value;
      const result = await api.cancelSession(sessionId, body);
      if (!result.ok) return invalid(submission, result.problem, { fields: ['reason', 'scope'], intent });
      return back('cancelled');
    }
    default:
      raise(notFound());
  }
}

function ScopeChoice({ name, inSeries, defaultValue }: { name: string; inSeries: boolean; defaultValue?: string }) {
  const { t } = useTranslation();
  if (!inSeries) return <input type="hidden" name={name} value="this" />;
  return (
    <fieldset className="field choice-list">
      <legend>{t('sessions.scope')}</legend>
      <label>
        <input type="radio" name={name} value="this" defaultChecked={defaultValue !== 'following'} /> {t('sessions.scopeThis')}
      </label>
      <label>
        <input type="radio" name={name} value="following" defaultChecked={defaultValue === 'following'} /> {t('sessions.scopeFollowing')}
      </label>
    </fieldset>
  );
}

function ScheduleForm() {
  const { cohortZoneLabel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'schedule',
    fields: scheduleFields,
    lastResult: actionData?.intent === 'schedule' ? actionData.result : undefined,
    defaultValue: { durationMinutes: '90', occurrences: '6', time: '18:00' },
  });
  return (
    <section className="panel" aria-labelledby="schedule-title" id="schedule">
      <h2 id="schedule-title">{t('sessions.scheduleTitle')}</h2>
      <p className="muted">{t('sessions.zoneHint', { zone: cohortZoneLabel })}</p>
      <Form method="post" action="?intent=schedule#schedule" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field-row">
          <DateInput field={fields.date} label={t('sessions.date')} type="date" />
          <DateInput field={fields.time} label={t('sessions.time')} type="time" />
        </div>
        <DateInput field={fields.durationMinutes} label={t('sessions.duration')} type="number" />
        <SelectField field={fields.repeat} label={t('sessions.repeat')}>
          <option value="">{t('sessions.repeatOnce')}</option>
          {repeatOptions.map((option) => (
            <option key={option} value={option}>
              {t(`sessions.repeats.${option}`)}
            </option>
          ))}
        </SelectField>
        <DateInput field={fields.occurrences} label={t('sessions.occurrences')} type="number" hint={t('sessions.occurrencesHint')} />
        <TextField field={fields.place} label={t('sessions.place')} dir="auto" />
        <TextField field={fields.onlineUrl} label={t('sessions.onlineUrl')} type="url" dir="ltr" placeholder="https://" />
        <TextArea field={fields.agenda} label={t('sessions.agenda')} />
        <p>
          <SubmitButton>{t('sessions.scheduleSubmit')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

/** Inputs the shared TextField does not type: date, time and numbers (the phone shows the right keyboard). */
function DateInput({ field, label, type, hint }: { field: ReturnType<typeof useForm>[1][string]; label: string; type: 'date' | 'time' | 'number'; hint?: string }) {
  const { t } = useTranslation();
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        type={type}
        dir="ltr"
        inputMode={type === 'number' ? 'numeric' : undefined}
        defaultValue={field.defaultValue}
        aria-describedby={describedBy}
        aria-invalid={field.errors?.length ? true : undefined}
      />
      {field.errors?.length ? (
        <ul id={field.errorId} className="field-errors">
          {field.errors.map((message) => (
            <li key={message}>{/^(sessions\.)?validation\./.test(message) ? t(message) : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function TextArea({ field, label }: { field: ReturnType<typeof useForm>[1][string]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea id={field.id} name={field.name} rows={3} dir="auto" defaultValue={field.defaultValue} aria-invalid={field.errors?.length ? true : undefined} aria-describedby={field.errors?.length ? field.errorId : undefined} />
      {field.errors?.length ? (
        <ul id={field.errorId} className="field-errors">
          {field.errors.map((message) => (
            <li key={message}>{/^(sessions\.)?validation\./.test(message) ? t(message) : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function EditForm() {
  const { editing, cohortZoneLabel, lang, circle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'edit-session',
    fields: editFields,
    lastResult: actionData?.intent === 'edit' ? actionData.result : undefined,
    defaultValue: editing?.values,
  });
  if (!editing) return null;
  return (
    <section className="panel" aria-labelledby="edit-title" id="edit">
      <h2 id="edit-title">{t('sessions.editTitle', { when: editing.when })}</h2>
      <p className="muted">{t('sessions.zoneHint', { zone: cohortZoneLabel })}</p>
      <Form method="post" action="?intent=edit#edit" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="sessionId" value={editing.id} />
        {Object.entries(editing.values).map(([name, value]) => (name === 'scope' ? null : <input key={name} type="hidden" name={`was.${name}`} value={value} />))}
        <div className="field-row">
          <DateInput field={fields.date} label={t('sessions.date')} type="date" />
          <DateInput field={fields.time} label={t('sessions.time')} type="time" />
        </div>
        <DateInput field={fields.durationMinutes} label={t('sessions.duration')} type="number" />
        <TextField field={fields.place} label={t('sessions.place')} dir="auto" />
        <TextField field={fields.onlineUrl} label={t('sessions.onlineUrl')} type="url" dir="ltr" placeholder="https://" />
        <TextArea field={fields.agenda} label={t('sessions.agenda')} />
        <ScopeChoice name="scope" inSeries={editing.inSeries} defaultValue={fields.scope.defaultValue} />
        <p className="actions">
          <SubmitButton>{t('sessions.editSubmit')}</SubmitButton>
          <Link className="button" to={`/${lang}/circles/${circle.id}`}>
            {t('sessions.back')}
          </Link>
        </p>
      </Form>
    </section>
  );
}

function CancelForm() {
  const { cancelling, lang, circle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'cancel-session',
    fields: ['reason', 'scope'],
    lastResult: actionData?.intent === 'cancel' ? actionData.result : undefined,
  });
  if (!cancelling) return null;
  return (
    <section className="panel confirm" aria-labelledby="cancel-title" id="cancel">
      <h2 id="cancel-title">{t('sessions.cancelTitle', { when: cancelling.when })}</h2>
      <p>{t('sessions.cancelText')}</p>
      <Form method="post" action="?intent=cancel#cancel" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="sessionId" value={cancelling.id} />
        <TextField field={fields.reason} label={t('sessions.cancelReason')} dir="auto" />
        <ScopeChoice name="scope" inSeries={cancelling.inSeries} defaultValue={fields.scope.defaultValue} />
        <p className="actions">
          <button type="submit" className="button danger">
            {t('sessions.cancelSubmit')}
          </button>
          <Link className="button" to={`/${lang}/circles/${circle.id}`}>
            {t('sessions.back')}
          </Link>
        </p>
      </Form>
    </section>
  );
}

export default function CirclePage() {
  const { lang, circle, upcoming, past, done, back } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="circle-page">
      <p>
        <Link to={back === 'mine' ? `/${lang}/circles` : `/${lang}/manage/cohorts/${circle.cohortId}/circles`} className="back-link">
          <ChevronBack />
          {back === 'mine' ? t('circles.backToMine') : t('circles.backToBoard')}
        </Link>
      </p>
      <h1>{circle.name}</h1>
      {circle.cohortName ? <p className="muted">{circle.cohortName}</p> : null}
      {circle.coaches ? <p>{t('circles.coachedBy', { names: circle.coaches })}</p> : null}
      <p className="actions">
        <Link className="button" to={`/${lang}/grading?circleId=${circle.id}`}>
          {t('grading.title')}
          <ChevronForward />
        </Link>
        <Link className="button" to={`/${lang}/manage/cohorts/${circle.cohortId}/gradebook?circleId=${circle.id}`}>
          {t('gradebook.open')}
          <ChevronForward />
        </Link>
        <Link className="button" to={`/${lang}/manage/cohorts/${circle.cohortId}/completion`}>
          {t('completion.open')}
          <ChevronForward />
        </Link>
      </p>
      {done ? <Notice>{t(`circles.done.${done}`)}</Notice> : null}

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">{t('circles.membersTitle')}</h2>
        <p>
          {t('circles.circleRate')} <RateText rate={circle.rate} />
        </p>
        {circle.members.length === 0 ? <p className="muted">{t('circles.noMembers')}</p> : null}
        <ul className="member-rates">
          {circle.members.map((member) => (
            <li key={member.enrollmentId}>
              <span className="member-name">{member.name}</span>
              <RateText rate={member.rate} />
            </li>
          ))}
        </ul>
      </section>

      <EditForm />
      <CancelForm />

      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.upcomingTitle')}</h2>
        {upcoming.length === 0 ? <p className="muted">{t('sessions.noneUpcoming')}</p> : null}
        <ul className="sessions">
          {upcoming.map((session) => (
            <li key={session.id} className={session.cancelled ? 'session cancelled' : 'session'}>
              <SessionWhen session={session} />
              {session.cancelled ? null : (
                <p className="actions">
                  <Link className="button" to={`?edit=${session.id}#edit`}>
                    {t('sessions.edit')}
                  </Link>
                  <Link className="button" to={`?cancel=${session.id}#cancel`}>
                    {t('sessions.cancel')}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="past-title">
        <h2 id="past-title">{t('sessions.pastTitle')}</h2>
        {past.length === 0 ? <p className="muted">{t('sessions.nonePast')}</p> : null}
        <ul className="sessions">
          {past.map((session) => (
            <li key={session.id} className={session.cancelled ? 'session cancelled' : 'session'}>
              <SessionWhen session={session} />
              {session.cancelled ? null : (
                <p className="actions">
                  <ForwardLink to={`/${lang}/sessions/${session.id}/attendance`}>{t('attendance.take')}</ForwardLink>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <ScheduleForm />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
