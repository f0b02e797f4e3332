import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { JoinModeText, SeatsText } from '~/components/catalog-cohort';
import { TextAreaField } from '~/components/catalog-forms';
import { ProgressPanel } from '~/components/certificates';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FieldErrors, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { acceptsPeople, canWithdraw, mayJoin } from '~/lib/catalog';
import { catalogApi, myOrganizations, toCohortCard, type CohortDetail } from '~/lib/catalog-api.server';
import { enrollmentProgress } from '~/lib/certificates-api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import type { Locale } from '~/lib/locale';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { getOptionalUser, getToken, requireUser } from '~/lib/session.server';
import { useForm, type FieldMeta } from '~/lib/use-form';
import certificateStyles from '~/styles/certificates.css?url';

export const meta = titleMeta;
export const links = () => [{ rel: 'stylesheet', href: certificateStyles }];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const answerLimit = 4000;
/** Form field of an application question: flat names, so conform keeps each answer as typed. */
const answerField = (key: string) => `answer_${key}`;

function requireCohortId(params: { id?: string }): string {
  const id = params.id ?? '';
  if (!uuid.test(id)) raise(notFound());
  return id.toLowerCase();
}

async function loadCohort(token: string | null, lang: Locale, id: string): Promise<CohortDetail> {
  const result = await catalogApi({ token, locale: lang }).cohort(id);
  if (!result.ok) raise(notFound());
  return result.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireCohortId(params);
  const [token, user] = await Promise.all([getToken(request), getOptionalUser(request, lang)]);
  const cohort = await loadCohort(user ? token : null, lang, id);
  const url = new URL(request.url);
  const enrollment = cohort.viewer?.enrollment ?? null;
  // A trainee under way (or done) sees where they stand against the completion rule; computed by the api on read.
  const progress =
    user && token && enrollment && (enrollment.status === 'active' || enrollment.status === 'completed')
      ? await enrollmentProgress(token, lang, enrollment.id).then((result) => (result.ok ? result.data : null))
      : null;
  // A member of organizations may name theirs when joining, and agree to share their progress with it (ADR 009).
  const organizations = user && acceptsPeople(cohort.status) && mayJoin(enrollment?.status) ? await myOrganizations(user.organizations, lang) : [];
  const t = fixedT(lang);
  return json({
    lang,
    organizations: organizations.map(({ id, name }) => ({ id, name })),
    title: t('cohort.pageTitle', { name: cohort.displayName }),
    signedIn: Boolean(user),
    cohort: {
      ...toCohortCard(cohort, lang, user?.timeZone ?? null),
      courseSlug: cohort.courseSlug,
      accepting: acceptsPeople(cohort.status),
      questions: cohort.applicationQuestions.map((q) => ({ key: q.key, name: answerField(q.key), label: q.displayLabel, required: q.required })),
    },
    staffRole: cohort.viewer?.staffRole ?? null,
    enrollment,
    progress,
    // `?withdraw` asks "are you sure?" on the page itself, so withdrawing works without JavaScript.
    confirmWithdraw: Boolean(enrollment && canWithdraw(enrollment.status) && url.searchParams.has('withdraw')),
    done: url.searchParams.get('done'),
  });
}

/** The organization named at join (optional) and the consent checkbox, which needs an organization to mean anything. */
const organizationShape = {
  organizationId: z.string().regex(uuid, 'validation.organization').optional(),
  consentToShare: z.literal('on').optional(),
};

function joinSchema(cohort: CohortDetail, lang: Locale) {
  const t = fixedT(lang);
  let shape: Record<string, z.ZodTypeAny> = {};
  if (cohort.enrollmentMode === 'invite') {
    shape = { inviteCode: z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').max(100, t('cohort.inviteCodeTooLong')) };
  }
  if (cohort.enrollmentMode === 'application') {
    for (const question of cohort.applicationQuestions) {
      const text = z.string({ required_error: 'validation.required' }).trim().max(answerLimit, t('cohort.answerTooLong', { max: answerLimit }));
      shape[answerField(question.key)] = question.required ? text.min(1, 'validation.required') : text.optional();
    }
  }
  return z.object({ ...shape, ...organizationShape }).superRefine((value, ctx) => {
    if (value.consentToShare && !value.organizationId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['consentToShare'], message: 'validation.consentNeedsOrganization' });
  });
}

const withdrawSchema = z.object({ enrollmentId: z.string({ required_error: 'validation.required' }).regex(uuid) });

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireCohortId(params);
  const { token } = await requireUser(request, lang);
  const api = catalogApi({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent');
  const here = `/${lang}/cohorts/${id}`;

  if (intent === 'withdraw') {
    const { submission } = await parseForm(request, withdrawSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await api.updateEnrollment(submission.value.enrollmentId, { status: 'withdrawn' });
    if (!result.ok) return invalid(submission, result.problem, { intent });
    return redirect(`${here}?done=withdrawn`);
  }

  const cohort = await loadCohort(token, lang, id);
  const { submission } = await parseForm(request, joinSchema(cohort, lang));
  if (submission.status !== 'success') return invalid(submission, undefined, { intent: 'join' });
  const value = submission.value as Record<string, string | undefined>;
  const body: { answers?: Record<string, string>; inviteCode?: string; organizationId?: string; consentToShare?: boolean } = {};
  if (value.organizationId) {
    body.organizationId = value.organizationId;
    body.consentToShare = value.consentToShare === 'on';
  }
  if (cohort.enrollmentMode === 'invite') body.inviteCode = value.inviteCode;
  if (cohort.enrollmentMode === 'application') {
    body.answers = {};
    for (const question of cohort.applicationQuestions) {
      const answer = value[answerField(question.key)];
      if (answer) body.answers[question.key] = answer;
    }
  }
  const result = await api.join(id, body);
  if (!result.ok) {
    // The api names answers `answers.<key>`; each message goes under its own question.
    const fields = ['inviteCode', 'organizationId', 'consentToShare', ...cohort.applicationQuestions.map((q) => answerField(q.key))];
    const aliases = Object.fromEntries(cohort.applicationQuestions.map((q) => [`answers.${q.key}`, answerField(q.key)]));
    return invalid(submission, result.problem, { fields, aliases, intent: 'join' });
  }
  return redirect(`${here}?done=${encodeURIComponent(result.data.status)}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function YourPlace({ enrollment, cohortId }: { enrollment: NonNullable<LoaderData['enrollment']>; cohortId: string }) {
  const { lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className={`your-status status-${enrollment.status}`}>
      <p>
        <strong>{t(`cohort.yourStatus.${enrollment.status}`)}</strong>
      </p>
      {enrollment.status === 'waitlisted' && enrollment.waitlistPosition ? (
        <p>{t('cohort.waitlistPosition', { position: enrollment.waitlistPosition })}</p>
      ) : null}
      <p className="muted">{t(`cohort.yourStatusText.${enrollment.status}`)}</p>
      {enrollment.status === 'active' || enrollment.status === 'completed' ? (
        <p>
          <Link to={`/${lang}/cohorts/${cohortId}/exercises`}>{t('exercises.myTitle')}</Link>
        </p>
      ) : null}
      {canWithdraw(enrollment.status) ? (
        <p className="actions">
          <Link className="button danger" to={`/${lang}/cohorts/${cohortId}?withdraw=1#withdraw-title`} preventScrollReset>
            {t(enrollment.status === 'applied' ? 'cohort.withdrawApplication' : 'cohort.withdraw')}
          </Link>
          <Link className="button" to={`/${lang}/dashboard`}>
            {t('cohort.toDashboard')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function WithdrawConfirmation({ enrollmentId }: { enrollmentId: string }) {
  const { lang, cohort, enrollment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.intent === 'withdraw' ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? []) : undefined;
  return (
    <section className="panel confirm" aria-labelledby="withdraw-title" role="alertdialog">
      <h3 id="withdraw-title">{t('cohort.withdrawTitle', { name: cohort.name })}</h3>
      <p>{t(enrollment?.status === 'active' ? 'cohort.withdrawTextActive' : 'cohort.withdrawText')}</p>
      <FormErrors id="withdraw-errors" errors={errors} />
      <Form method="post" action="?intent=withdraw" className="actions">
        <CsrfInput />
        <input type="hidden" name="enrollmentId" value={enrollmentId} />
        <button type="submit" className="button danger">
          {t('cohort.withdrawConfirm')}
        </button>
        <Link className="button" to={`/${lang}/cohorts/${cohort.id}`} preventScrollReset>
          {t('cohort.withdrawCancel')}
        </Link>
      </Form>
    </section>
  );
}

/**
 * "Did an organization send you?": the person's organizations (none chosen by default: naming one is a choice, as is
 * sharing) and the consent checkbox, with what sharing shows and what it never shows.
 */
function OrganizationFields({ organizationField, consentField }: { organizationField: FieldMeta; consentField: FieldMeta }) {
  const { organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset join-organization">
      <legend>{t('cohort.organizationLegend')}</legend>
      <SelectField field={organizationField} label={t('cohort.organizationLabel')} hint={t('cohort.organizationHint')}>
        <option value="">{t('cohort.organizationNone')}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </SelectField>
      <label className="choice">
        <input
          type="checkbox"
          name={consentField.name}
          defaultChecked={consentField.defaultValue === 'on'}
          aria-describedby={consentField.errors?.length ? consentField.errorId : undefined}
          aria-invalid={consentField.errors?.length ? true : undefined}
        />
        {t('cohort.consentBox')}
      </label>
      <FieldErrors field={consentField} />
    </fieldset>
  );
}

function JoinForm() {
  const { cohort, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const full = cohort.seatsLeft <= 0;
  const [form, fields] = useForm({
    id: 'join',
    fields: ['inviteCode', 'organizationId', 'consentToShare', ...cohort.questions.map((q) => q.name)],
    lastResult: actionData?.intent === 'join' ? actionData.result : undefined,
  });
  const submitLabel =
    cohort.mode === 'application' ? t('cohort.applySubmit') : full ? t('cohort.waitlistSubmit') : cohort.mode === 'invite' ? t('cohort.inviteSubmit') : t('cohort.enrollSubmit');
  return (
    <Form method="post" action="?intent=join" className="form" key={form.key} {...form.props}>
      <CsrfInput />
      <FormErrors id={form.errorId} errors={form.errors} />
      {cohort.mode === 'open' ? <p>{full ? t('cohort.openFullLead') : t('cohort.openLead')}</p> : null}
      {cohort.mode === 'application' ? (
        <>
          <p>{t('cohort.applicationLead')}</p>
          {full ? <p className="muted">{t('cohort.applicationFullNote')}</p> : null}
          {cohort.questions.map((question) => {
            const field = fields[question.name];
            return field ? (
              <TextAreaField
                key={question.key}
                field={field}
                label={question.required ? question.label : t('cohort.optionalLabel', { label: question.label })}
                required={question.required}
                maxLength={answerLimit}
              />
            ) : null;
          })}
        </>
      ) : null}
      {cohort.mode === 'invite' ? (
        <>
          <p>{full ? t('cohort.inviteFullLead') : t('cohort.inviteLead')}</p>
          <TextField field={fields.inviteCode} label={t('cohort.inviteCode')} autoComplete="off" dir="ltr" hint={t('cohort.inviteCodeHint')} />
        </>
      ) : null}
      {organizations.length > 0 ? <OrganizationFields organizationField={fields.organizationId} consentField={fields.consentToShare} /> : null}
      <p>
        <SubmitButton>{submitLabel}</SubmitButton>
      </p>
    </Form>
  );
}

function JoinPanel() {
  const { lang, cohort, signedIn, enrollment, confirmWithdraw, done, staffRole } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const doneNotice = done && ['applied', 'waitlisted', 'active', 'withdrawn'].includes(done) ? t(`cohort.done.${done}`) : null;
  return (
    <section className="panel join-panel" aria-labelledby="join-title">
      <h2 id="join-title">{enrollment && enrollment.status !== 'withdrawn' ? t('cohort.yourPlaceTitle') : t('cohort.joinTitle')}</h2>
      {doneNotice ? <Notice>{doneNotice}</Notice> : null}
      {staffRole ? <p className="tag">{t(`cohort.staffRole.${staffRole}`)}</p> : null}
      {enrollment && enrollment.status !== 'withdrawn' ? <YourPlace enrollment={enrollment} cohortId={cohort.id} /> : null}
      {confirmWithdraw && enrollment ? <WithdrawConfirmation enrollmentId={enrollment.id} /> : null}
      {enrollment?.status === 'withdrawn' && !doneNotice ? <p className="muted">{t('cohort.yourStatusText.withdrawn')}</p> : null}
      {!cohort.accepting ? (
        <p>{t('cohort.notAccepting')}</p>
      ) : !mayJoin(enrollment?.status) ? null : !signedIn ? (
        <>
          <p>{t('cohort.signInToJoin')}</p>
          <p className="actions">
            <Link className="button primary" to={`/${lang}/login?${new URLSearchParams({ redirectTo: `/${lang}/cohorts/${cohort.id}` }).toString()}`}>
              {t('cohort.signIn')}
            </Link>
            <Link className="button" to={`/${lang}/signup`}>
              {t('cohort.signUp')}
            </Link>
          </p>
        </>
      ) : (
        <JoinForm />
      )}
    </section>
  );
}

export default function CohortPage() {
  const { lang, cohort, progress } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/courses/${cohort.courseSlug}`}>
          <ChevronBack />
          {t('cohort.backToCourse', { title: cohort.courseTitle })}
        </Link>
      </p>
      <p className="eyebrow">{cohort.courseTitle}</p>
      <h1 dir="auto">{cohort.name}</h1>
      <p className="cohort-tags">
        <span className="tag">{t(`cohort.status.${cohort.status}`)}</span>
        <span className="tag tag-quiet">{cohort.online ? t('catalog.online') : cohort.place}</span>
      </p>

      <dl className="facts cohort-facts">
        <div>
          <dt>{t('catalog.dates')}</dt>
          <dd>{cohort.dates}</dd>
        </div>
        <div>
          <dt>{t('cohort.length')}</dt>
          <dd>{t('catalog.weeks', { count: cohort.weeks })}</dd>
        </div>
        <div>
          <dt>{t('cohort.timeZone')}</dt>
          <dd>
            {cohort.zoneNote ?? t('cohort.sameZone')} <bdi dir="ltr" className="muted">{cohort.timeZone}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('catalog.place')}</dt>
          <dd>{cohort.online ? t('cohort.onlineLong') : cohort.place}</dd>
        </div>
        <div>
          <dt>{t('catalog.places')}</dt>
          <dd className={cohort.seatsLeft > 0 ? undefined : 'full'}>
            {t('cohort.capacity', { count: cohort.capacity })} · <SeatsText seatsLeft={cohort.seatsLeft} waitlisted={cohort.waitlisted} />
          </dd>
        </div>
        <div>
          <dt>{t('catalog.howToJoin')}</dt>
          <dd>
            <JoinModeText mode={cohort.mode} seatsLeft={cohort.seatsLeft} />
          </dd>
        </div>
      </dl>

      <JoinPanel />
      {progress ? <ProgressPanel progress={progress} lang={lang} /> : null}

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t('cohort.scheduleTitle')}</h2>
        <p>{t('cohort.scheduleText', { dates: cohort.dates, count: cohort.weeks })}</p>
        <p className="muted">{t('cohort.scheduleSessions')}</p>
        <p>
          <Link to={`/${lang}/courses/${cohort.courseSlug}#syllabus-title`}>{t('cohort.seeSyllabus')}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
