import { json, redirect, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import boardStyles from '~/styles/board.css?url';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InputField, RadioGroup } from '~/components/cohort-fields';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack, ChevronForward } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { circleFormFields, spreadOptions } from '~/lib/board';
import { boardDone, toBoard, type BoardCircle, type BoardPerson, type PastMembers } from '~/lib/board.server';
import {
  autoAssignSchema,
  circleBody,
  circleIdSchema,
  circleFieldAliases,
  circleRuleErrors,
  coachSchema,
  createCircleSchema,
  moveSchema,
  removeMemberSchema,
  updateCircleSchema,
} from '~/lib/board-schemas';
import { displayName } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatDays } from '~/lib/manage';
import { invalidWithRules } from '~/lib/manage.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: manageStyles },
  { rel: 'stylesheet', href: boardStyles },
];

/** The cohort, if the caller may manage its circles (lead trainer or admin); a 404 for everyone else. */
async function requireBoard(request: Request, params: { lang?: string; id?: string }) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const cohort = await call(api.GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!cohort.ok) raise(notFound());
  if (!user.isAdmin && cohort.data.viewer.staffRole !== 'lead_trainer') raise(notFound());
  return { lang, id, user, api, cohort: cohort.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, user, api, cohort } = await requireBoard(request, params);
  const path = { params: { path: { id } } };
  const [board, staff] = await Promise.all([call(api.GET('/api/cohorts/{id}/circles', path)), call(api.GET('/api/cohorts/{id}/staff', path))]);
  if (!board.ok) raise(notFound());
  // Who left each circle (moved or removed): from each circle's own page data, fetched side by side. A cohort
  // has a handful of circles; the board's list itself does not carry the history.
  const details = await Promise.all(board.data.circles.map((circle) => call(api.GET('/api/circles/{id}', { params: { path: { id: circle.id } } }))));
  const past: PastMembers = new Map(details.flatMap((detail) => (detail.ok ? [[detail.data.id, detail.data.pastMembers] as const] : [])));
  const url = new URL(request.url);
  const { circles, unassigned } = toBoard(board.data, past, lang, user.timeZone);
  // A person may be both lead trainer and coach of a cohort: offered once.
  const seen = new Set<string>();
  const coaches = (staff.ok ? staff.data : [])
    .filter((member) => (seen.has(member.user.id) ? false : (seen.add(member.user.id), true)))
    .map((member) => ({ id: member.user.id, name: displayName(member.user, lang), role: member.role }));
  return json({
    lang,
    title: fixedT(lang)('board.title', { name: cohort.displayName }),
    cohort: {
      id: cohort.id,
      name: cohort.displayName,
      status: cohort.status,
      days: formatDays(cohort.startsOn, cohort.endsOn, lang),
      place: cohort.online ? null : cohort.displayCity,
    },
    circles,
    unassigned,
    coaches,
    done: boardDone(url.searchParams),
    // The circle whose deletion is being confirmed (a page state, so it works without JavaScript).
    deleting: circles.some((circle) => circle.id === url.searchParams.get('delete')) ? url.searchParams.get('delete') : null,
  });
}

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** A refusal from the api for a one-button form, in the api's words, shown where that form is. */
function refused(intent: string, problem: Problem, extra: Record<string, string> = {}) {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  return json({ intent, ...extra, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: problem.status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, id, api } = await requireBoard(request, params);
  const intent = new URL(request.url).searchParams.get('intent') ?? '';
  // After a change the board is loaded afresh (no resubmission on reload), scrolled to where the change shows.
  const done = (query: Record<string, string>, hash: string) =>
    redirect(`/${lang}/manage/cohorts/${id}/circles?${new URLSearchParams(query).toString()}#${hash}`);
  switch (intent) {
    case 'create': {
      const { submission, formData } = await parseForm(request, createCircleSchema);
      const rules = circleRuleErrors(formData);
      if (submission.status !== 'success' || Object.keys(rules).length > 0) return invalidWithRules(submission, rules, intent);
      const body = { ...circleBody(submission.value), coachIds: submission.value.coachIds };
      const result = await call(api.POST('/api/cohorts/{id}/circles', { params: { path: { id } }, body }));
      if (!result.ok) return invalid(submission, result.problem, { fields: circleFormFields, aliases: circleFieldAliases, intent });
      return done({ done: 'created', circle: result.data.id }, `circle-${result.data.id}`);
    }
    case 'update': {
      const { submission, formData } = await parseForm(request, updateCircleSchema);
      // Each circle has its own edit form: the answer names which one it is about.
      const circleId = textOf(formData, 'circleId');
      const which = `update:${circleId}`;
      const rules = circleRuleErrors(formData);
      if (submission.status !== 'success' || Object.keys(rules).length > 0) return invalidWithRules(submission, rules, which);
      const result = await call(api.PATCH('/api/circles/{id}', { params: { path: { id: circleId } }, body: circleBody(submission.value) }));
      if (!result.ok) return invalid(submission, result.problem, { fields: circleFormFields, aliases: circleFieldAliases, intent: which });
      return done({ done: 'saved', circle: circleId }, `circle-${circleId}`);
    }
    case 'addCoach':
    case 'removeCoach': {
      const { submission } = await parseForm(request, coachSchema);
      if (submission.status !== 'success') return refused(intent, { status: 400, detail: fixedT(lang)('board.validation.chooseCoach') });
      const { circleId, userId } = submission.value;
      const path = { params: { path: { id: circleId, userId } } };
      const result = await call(intent === 'addCoach' ? api.PUT('/api/circles/{id}/coaches/{userId}', path) : api.DELETE('/api/circles/{id}/coaches/{userId}', path));
      if (!result.ok) return refused(intent, result.problem, { circleId });
      return done({ done: intent === 'addCoach' ? 'coachAdded' : 'coachRemoved', circle: circleId }, `circle-${circleId}`);
    }
    case 'move': {
      const { submission, formData } = await parseForm(request, moveSchema);
      const enrollmentId = textOf(formData, 'enrollmentId');
      if (submission.status !== 'success') return refused(intent, { status: 400, detail: fixedT(lang)('board.validation.chooseCircle') }, { enrollmentId });
      const { circleId } = submission.value;
      const result = await call(api.POST('/api/circles/{id}/members', { params: { path: { id: circleId } }, body: { enrollmentIds: [enrollmentId] } }));
      if (!result.ok) return refused(intent, result.problem, { enrollmentId });
      return done({ done: 'moved', circle: circleId }, `circle-${circleId}`);
    }
    case 'remove': {
      const { submission } = await parseForm(request, removeMemberSchema);
      if (submission.status !== 'success') return refused(intent, { status: 400, detail: fixedT(lang)('board.validation.badRequest') });
      const { circleId, enrollmentId } = submission.value;
      const result = await call(api.DELETE('/api/circles/{id}/members/{enrollmentId}', { params: { path: { id: circleId, enrollmentId } } }));
      if (!result.ok) return refused(intent, result.problem, { enrollmentId });
      return done({ done: 'removed', circle: circleId }, 'unassigned-title');
    }
    case 'delete': {
      const { submission } = await parseForm(request, circleIdSchema);
      if (submission.status !== 'success') return refused(intent, { status: 400, detail: fixedT(lang)('board.validation.badRequest') });
      const { circleId } = submission.value;
      const result = await call(api.DELETE('/api/circles/{id}', { params: { path: { id: circleId } } }));
      if (!result.ok) return refused(intent, result.problem, { circleId });
      return done({ done: 'deleted' }, 'circles-title');
    }
    case 'autoAssign': {
      const { submission } = await parseForm(request, autoAssignSchema);
      if (submission.status !== 'success') return invalid(submission, undefined, { intent });
      const { circles, spreadBy, namePrefix } = submission.value;
      const result = await call(
        api.POST('/api/cohorts/{id}/circles/auto-assign', {
          params: { path: { id } },
          body: { circles, spreadBy: spreadBy === 'none' ? null : spreadBy, ...(namePrefix ? { namePrefix } : {}) },
        }),
      );
      if (!result.ok) return invalid(submission, result.problem, { fields: ['circles', 'spreadBy', 'namePrefix'], intent });
      return done({ done: 'assigned', assigned: String(result.data.assigned), created: String(result.data.created) }, 'assign-title');
    }
    default:
      raise(notFound());
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

function errorsOf(actionData: ActionData, intent: string, key?: { circleId?: string; enrollmentId?: string }): string[] | undefined {
  if (!actionData || actionData.intent !== intent || !('errors' in actionData)) return undefined;
  const extra = actionData as { circleId?: string; enrollmentId?: string };
  if (key?.circleId && extra.circleId !== key.circleId) return undefined;
  if (key?.enrollmentId && extra.enrollmentId !== key.enrollmentId) return undefined;
  return actionData.errors;
}

function resultOf(actionData: ActionData, intent: string) {
  return actionData && actionData.intent === intent && 'result' in actionData ? actionData.result : undefined;
}

function Person({ person }: { person: BoardPerson }) {
  return (
    <div className="member-who">
      <strong>
        <bdi>{person.name}</bdi>
      </strong>
      {person.organization || person.city ? (
        <span className="muted">
          {person.organization ? <bdi>{person.organization}</bdi> : null}
          {person.organization && person.city ? ' · ' : null}
          {person.city ? <bdi>{person.city}</bdi> : null}
        </span>
      ) : null}
    </div>
  );
}

/** A select of circles and a button: moving someone without dragging, and without JavaScript. */
function MoveForm({ person, from, circles }: { person: BoardPerson; from: BoardCircle | null; circles: LoaderData['circles'] }) {
  const { t } = useTranslation();
  const targets = circles.filter((circle) => circle.id !== from?.id);
  if (targets.length === 0) return null;
  const selectId = `move-${person.enrollmentId}`;
  return (
    <Form method="post" action={`?intent=move#${from ? `circle-${from.id}` : 'unassigned-title'}`} className="inline-form move-form">
      <CsrfInput />
      <input type="hidden" name="enrollmentId" value={person.enrollmentId} />
      <label className="visually-hidden" htmlFor={selectId}>
        {from ? t('board.moveTo', { name: person.name }) : t('board.addTo', { name: person.name })}
      </label>
      <select id={selectId} name="circleId" defaultValue={targets.length === 1 ? targets[0]?.id : ''}>
        {targets.length > 1 ? <option value="">{t('board.chooseCircle')}</option> : null}
        {targets.map((circle) => (
          <option key={circle.id} value={circle.id}>
            {circle.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" aria-label={from ? t('board.moveOf', { name: person.name }) : t('board.addOf', { name: person.name })}>
        {from ? t('board.move') : t('board.add')}
      </button>
    </Form>
  );
}

function Unassigned() {
  const { unassigned, circles, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="unassigned-title">
      <h2 id="unassigned-title">{t('board.unassignedTitle', { count: unassigned.length })}</h2>
      {done?.kind === 'removed' ? <Notice>{t('board.done.removed')}</Notice> : null}
      {unassigned.length === 0 ? (
        <p className="muted">{t('board.unassignedNone')}</p>
      ) : circles.length === 0 ? (
        <p className="muted">{t('board.unassignedNoCircles')}</p>
      ) : (
        <p className="muted">{t('board.unassignedLead')}</p>
      )}
      <ul className="member-list board-members">
        {unassigned.map((person) => (
          <li key={person.enrollmentId}>
            <Person person={person} />
            <div className="member-actions">
              <MoveForm person={person} from={null} circles={circles} />
            </div>
            <FormErrors id={`move-errors-${person.enrollmentId}`} errors={errorsOf(actionData, 'move', { enrollmentId: person.enrollmentId })} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CircleFields({ formId, fields }: { formId: string; fields: ReturnType<typeof useForm<(typeof circleFormFields)[number]>>[1] }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('board.name')}</legend>
        <p className="hint">{t('manage.form.nameHint')}</p>
        <TextField field={fields.nameAr} label={t('manage.form.inArabic')} dir="rtl" />
        <TextField field={fields.nameEn} label={t('manage.form.inEnglish')} dir="ltr" />
        <TextField field={fields.nameFr} label={t('manage.form.inFrench')} dir="ltr" />
      </fieldset>
      <RadioGroup
        field={fields.place}
        legend={t('board.where')}
        options={[
          { value: 'city', label: t('board.inPerson') },
          { value: 'online', label: t('board.online') },
        ]}
      />
      <fieldset className="fieldset" aria-describedby={`${formId}-place-hint`}>
        <legend>{t('board.place')}</legend>
        <p className="hint" id={`${formId}-place-hint`}>
          {t('board.placeHint')}
        </p>
        <TextField field={fields.placeAr} label={t('manage.form.inArabic')} dir="rtl" />
        <TextField field={fields.placeEn} label={t('manage.form.inEnglish')} dir="ltr" />
        <TextField field={fields.placeFr} label={t('manage.form.inFrench')} dir="ltr" />
      </fieldset>
    </>
  );
}

function EditCircle({ circle }: { circle: BoardCircle }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lastResult = resultOf(actionData, `update:${circle.id}`);
  const [form, fields] = useForm({ id: `edit-${circle.id}`, fields: circleFormFields, lastResult, defaultValue: circle.values });
  return (
    <details className="edit-details" open={Boolean(lastResult?.error) || undefined}>
      <summary>{t('board.edit')}</summary>
      <Form method="post" action={`?intent=update#circle-${circle.id}`} className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <input type="hidden" name="circleId" value={circle.id} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <CircleFields formId={form.id} fields={fields} />
        <p>
          <SubmitButton>{t('board.save')}</SubmitButton>
        </p>
      </Form>
    </details>
  );
}

function Coaches({ circle }: { circle: BoardCircle }) {
  const { coaches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const others = coaches.filter((coach) => !circle.coaches.some((c) => c.id === coach.id));
  const errors = errorsOf(actionData, 'addCoach', { circleId: circle.id }) ?? errorsOf(actionData, 'removeCoach', { circleId: circle.id });
  const selectId = `coach-${circle.id}`;
  return (
    <div className="board-coaches">
      <h4>{t('board.coaches', { count: circle.coaches.length })}</h4>
      <FormErrors id={`coach-errors-${circle.id}`} errors={errors} />
      {circle.coaches.length === 0 ? <p className="muted">{t('board.noCoach')}</p> : null}
      <ul className="member-list">
        {circle.coaches.map((coach) => (
          <li key={coach.id}>
            <div className="member-who">
              <bdi>{coach.name}</bdi>
            </div>
            <div className="member-actions">
              <Form method="post" action={`?intent=removeCoach#circle-${circle.id}`} className="inline-form">
                <CsrfInput />
                <input type="hidden" name="circleId" value={circle.id} />
                <input type="hidden" name="userId" value={coach.id} />
                <button type="submit" className="button danger" aria-label={t('board.removeCoachOf', { name: coach.name, circle: circle.name })}>
                  {t('board.removeCoach')}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post" action={`?intent=addCoach#circle-${circle.id}`} className="inline-form add-coach">
          <CsrfInput />
          <input type="hidden" name="circleId" value={circle.id} />
          <label className="visually-hidden" htmlFor={selectId}>
            {t('board.addCoachTo', { circle: circle.name })}
          </label>
          <select id={selectId} name="userId" defaultValue="">
            <option value="">{t('board.chooseCoach')}</option>
            {others.map((coach) => (
              <option key={coach.id} value={coach.id}>
                {coach.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t('board.addCoach')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function DeleteCircle({ circle }: { circle: BoardCircle }) {
  const { deleting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = errorsOf(actionData, 'delete', { circleId: circle.id });
  if (deleting !== circle.id) {
    return (
      <>
        <FormErrors id={`delete-errors-${circle.id}`} errors={errors} />
        <p>
          <Link className="link-button" to={`?delete=${circle.id}#circle-${circle.id}`} preventScrollReset>
            {t('board.delete')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <div className="panel confirm" role="alertdialog" aria-labelledby={`delete-title-${circle.id}`}>
      <h4 id={`delete-title-${circle.id}`}>{t('board.deleteTitle', { circle: circle.name })}</h4>
      <p>{t('board.deleteText')}</p>
      <Form method="post" action="?intent=delete#circles-title" className="actions">
        <CsrfInput />
        <input type="hidden" name="circleId" value={circle.id} />
        <button type="submit" className="button danger">
          {t('board.deleteConfirm')}
        </button>
        <Link className="button" to={{ search: '', hash: `circle-${circle.id}` }} preventScrollReset>
          {t('board.cancel')}
        </Link>
      </Form>
    </div>
  );
}

function CircleCard({ circle }: { circle: BoardCircle }) {
  const { lang, circles, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const notice = done && done.circle === circle.id ? done.kind : null;
  return (
    <li className="circle-card" id={`circle-${circle.id}`} aria-labelledby={`circle-${circle.id}-name`}>
      <div className="cohort-card-head">
        <h3 id={`circle-${circle.id}-name`}>
          <bdi>{circle.name}</bdi>
        </h3>
        <span className="tag">{t('board.size', { count: circle.members.length })}</span>
      </div>
      <p className="muted">{circle.online ? t('board.online') : circle.place ? <bdi>{circle.place}</bdi> : t('board.noPlace')}</p>
      {notice && notice !== 'removed' ? <Notice>{t(`board.done.${notice}`)}</Notice> : null}
      <p>
        <Link to={`/${lang}/circles/${circle.id}`}>
          {t('board.circlePage')}
          <ChevronForward />
        </Link>
      </p>
      <Coaches circle={circle} />
      <h4>{t('board.members', { count: circle.members.length })}</h4>
      {circle.members.length === 0 ? <p className="muted">{t('board.noMembers')}</p> : null}
      <ul className="member-list board-members">
        {circle.members.map((person) => (
          <li key={person.enrollmentId}>
            <Person person={person} />
            <div className="member-actions">
              <MoveForm person={person} from={circle} circles={circles} />
              <Form method="post" action="?intent=remove#unassigned-title" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="circleId" value={circle.id} />
                <input type="hidden" name="enrollmentId" value={person.enrollmentId} />
                <button type="submit" className="button danger" aria-label={t('board.removeOf', { name: person.name, circle: circle.name })}>
                  {t('board.remove')}
                </button>
              </Form>
            </div>
            <FormErrors
              id={`member-errors-${person.enrollmentId}`}
              errors={errorsOf(actionData, 'move', { enrollmentId: person.enrollmentId }) ?? errorsOf(actionData, 'remove', { enrollmentId: person.enrollmentId })}
            />
          </li>
        ))}
      </ul>
      {circle.former.length > 0 ? (
        <details className="board-former">
          <summary>{t('board.former', { count: circle.former.length })}</summary>
          <ul className="plain-list">
            {circle.former.map((person) => (
              <li key={`${person.enrollmentId}-${person.left}`}>
                <bdi>{person.name}</bdi> <span className="muted">{t('board.leftOn', { date: person.left })}</span>
                {person.now ? (
                  <span className="muted">
                    {' · '}
                    {t('board.nowIn')} <bdi>{person.now}</bdi>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <EditCircle circle={circle} />
      <DeleteCircle circle={circle} />
    </li>
  );
}

function AutoAssign() {
  const { circles, unassigned, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lastResult = resultOf(actionData, 'autoAssign');
  const people = unassigned.length + circles.reduce((sum, circle) => sum + circle.members.length, 0);
  // A first guess: the circles there are, or groups of about eight.
  const suggested = Math.max(circles.length, Math.ceil(people / 8), 1);
  const [form, fields] = useForm({
    id: 'auto-assign',
    fields: ['circles', 'spreadBy', 'namePrefix'],
    lastResult,
    defaultValue: { circles: String(suggested), spreadBy: 'organization' },
  });
  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('board.assignTitle')}</h2>
      <p className="muted">{t('board.assignLead')}</p>
      {done?.kind === 'assigned' ? (
        <Notice>
          {t('board.done.assigned', { count: done.assigned })} {t('board.done.assignedCreated', { count: done.created })}
        </Notice>
      ) : null}
      <Form method="post" action="?intent=autoAssign#assign-title" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.circles} label={t('board.circleCount')} type="number" min={1} max={50} hint={t('board.circleCountHint')} />
        <SelectField field={fields.spreadBy} label={t('board.spreadBy')}>
          {spreadOptions.map((option) => (
            <option key={option} value={option}>
              {t(`board.spread.${option}`)}
            </option>
          ))}
        </SelectField>
        <TextField field={fields.namePrefix} label={t('board.namePrefix')} hint={t('board.namePrefixHint')} />
        <p>
          <SubmitButton>{t('board.assign')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

function NewCircle() {
  const { coaches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lastResult = resultOf(actionData, 'create');
  const [form, fields] = useForm({ id: 'new-circle', fields: circleFormFields, lastResult, defaultValue: { place: 'city' } });
  const chosen = lastResult?.initialValue?.coachIds;
  const checked = new Set(Array.isArray(chosen) ? chosen.map(String) : typeof chosen === 'string' ? [chosen] : []);
  return (
    <section className="panel" aria-labelledby="new-circle-title">
      <h2 id="new-circle-title">{t('board.newTitle')}</h2>
      <Form method="post" action="?intent=create#new-circle-title" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <CircleFields formId={form.id} fields={fields} />
        {coaches.length > 0 ? (
          <fieldset className="fieldset">
            <legend>{t('board.coachesLegend')}</legend>
            <p className="hint">{t('board.coachesHint')}</p>
            {coaches.map((coach) => (
              <label key={coach.id} className="choice">
                <input type="checkbox" name="coachIds" value={coach.id} defaultChecked={checked.has(coach.id)} />
                <span>
                  <bdi>{coach.name}</bdi> <span className="hint">{t(`manage.roles.${coach.role}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <p>
          <SubmitButton>{t('board.create')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

export default function CircleBoard() {
  const { lang, cohort, circles, unassigned, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const placed = circles.reduce((sum, circle) => sum + circle.members.length, 0);
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/manage/cohorts/${cohort.id}`}>
          <ChevronBack />
          <bdi>{cohort.name}</bdi>
        </Link>
      </p>
      <h1>{t('board.heading')}</h1>
      <p className="muted">
        <bdi>{cohort.name}</bdi> · {cohort.days} · {cohort.place ? <bdi>{cohort.place}</bdi> : t('manage.online')}
      </p>
      <dl className="counts">
        <div>
          <dt>{t('board.counts.circles')}</dt>
          <dd>{circles.length}</dd>
        </div>
        <div>
          <dt>{t('board.counts.placed')}</dt>
          <dd>{placed}</dd>
        </div>
        <div>
          <dt>{t('board.counts.unassigned')}</dt>
          <dd>{unassigned.length}</dd>
        </div>
      </dl>
      <AutoAssign />
      <Unassigned />
      <section aria-labelledby="circles-title" className="board-circles">
        <h2 id="circles-title">{t('board.circlesTitle', { count: circles.length })}</h2>
        {done?.kind === 'deleted' ? <Notice>{t('board.done.deleted')}</Notice> : null}
        {circles.length === 0 ? <p className="muted">{t('board.noCircles')}</p> : null}
        <ul className="circle-list">
          {circles.map((circle) => (
            <CircleCard key={circle.id} circle={circle} />
          ))}
        </ul>
      </section>
      <NewCircle />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
