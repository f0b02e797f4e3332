import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { batchShare, completionFilters, completionQuery, formatNumber, keepRow, maxSignatories, requiredExercisesFrom, secondaryLocales, type Batch } from '~/lib/completion';
import { finalReviewSchema, issueSchema, revokeSchema, ruleSchema, settingsBody, settingsSchema } from '~/lib/completion-schemas';
import { completionApi } from '~/lib/completion-api.server';
import { percent } from '~/lib/certificates';
import { validatedFormData } from '~/lib/csrf.server';
import { formatDate } from '~/lib/format';
import { gradingApi } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import completionStyles from '~/styles/completion.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: completionStyles }];

const idPattern = /^[\w-]{1,64}$/;
const notices = ['rule', 'settings', 'reviewed', 'issued', 'reissued', 'revoked', 'batch'] as const;

/** The cohort and the caller's part in it: lead trainers and admins run it, a coach reads it; anyone else 404s. */
async function requireStaff(request: Request, params: { lang?: string; id?: string }) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!idPattern.test(id)) raise(notFound());
  const { user, token } = await requireUser(request, lang);
  const result = await call(apiClient({ token, locale: lang }).GET('/api/cohorts/{id}', { params: { path: { id } } }));
  if (!result.ok) raise(notFound());
  const role = result.data.viewer.staffRole;
  const leads = user.isAdmin || role === 'lead_trainer';
  if (!leads && role !== 'coach') raise(notFound());
  return { lang, id, user, token, leads, cohort: result.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, user, token, leads, cohort } = await requireStaff(request, params);
  const url = new URL(request.url);
  const { show, q } = completionQuery(url.searchParams);
  const [completion, assignments] = await Promise.all([
    completionApi({ token, locale: lang }).completion(id, { q: q || undefined, eligible: show === 'eligible' ? true : show === 'not_yet' ? false : undefined }),
    leads ? gradingApi({ token, locale: lang }).assignments(id) : null,
  ]);
  if (!completion.ok && completion.problem.status === 404) raise(notFound());
  const data = completion.ok ? completion.data : null;
  const rule = data?.rule ?? null;
  const required = new Set(rule && rule.requiredExercises !== 'all' ? rule.requiredExercises : []);
  // One checkbox per exercise of the cohort (an exercise instantiated twice is still one key of the rule).
  const exercises = new Map<string, string>();
  for (const a of assignments?.ok ? assignments.data.items : []) if (!exercises.has(a.exerciseKey)) exercises.set(a.exerciseKey, a.displayTitle);
  const rows = (data?.items ?? []).filter((row) => keepRow(show, row));
  const pick = (key: string | null) => (key && idPattern.test(key) ? key : null);
  const issuing = leads ? rows.find((row) => row.enrollmentId === pick(url.searchParams.get('issue'))) ?? null : null;
  const revoking = leads ? rows.find((row) => row.certificate && row.certificate.id === pick(url.searchParams.get('revoke'))) ?? null : null;
  const found = notices.find((notice) => notice === url.searchParams.get('done')) ?? null;
  // "Being issued" is old news once the batch is done (the progress below says so).
  const done = found === 'batch' && data?.latestBatch?.done ? null : found;
  return json({
    lang,
    title: fixedT(lang)('completion.title', { name: cohort.displayName }),
    cohort: { id, name: cohort.displayName },
    leads,
    done,
    failed: !data,
    filters: { show, q },
    rule: rule
      ? {
          minAttendancePercent: rule.minAttendancePercent,
          all: rule.requiredExercises === 'all',
          finalReview: rule.finalReview,
          requiredCount: data?.requiredAssignments.length ?? 0,
          requiredTitles: data?.requiredAssignments.map((a) => a.title) ?? [],
        }
      : null,
    exercises: [...exercises].map(([key, title]) => ({ key, title, checked: rule?.requiredExercises === 'all' || required.has(key) })),
    settings: data?.settings ?? null,
    counts: data?.counts ?? null,
    batch: data?.latestBatch ?? null,
    eligibleLeft: (data?.items ?? []).filter((row) => row.eligible && !row.certificate).length,
    issuing: issuing ? { enrollmentId: issuing.enrollmentId, name: issuing.trainee.displayName, reissue: Boolean(issuing.certificate), code: issuing.certificate?.code ?? null } : null,
    revoking: revoking?.certificate ? { certificateId: revoking.certificate.id, name: revoking.trainee.displayName, code: revoking.certificate.code } : null,
    rows: rows.map((row) => ({
      id: row.enrollmentId,
      name: row.trainee.displayName,
      // Both scripts when both exist: the certificate prints both.
      otherName: [row.trainee.nameArabic, row.trainee.nameLatin].find((n) => n && n.trim() && n.trim() !== row.trainee.displayName.trim()) ?? null,
      circle: row.circle?.name ?? null,
      attendance: { ...row.attendance, percent: percent(row.attendance.attended, row.attendance.held) },
      assignments: row.assignments,
      finalReview: {
        ...row.finalReview,
        reviewedAt: row.finalReview.reviewedAt ? formatDate(row.finalReview.reviewedAt, lang, user.timeZone) : null,
      },
      eligible: row.eligible,
      certificate: row.certificate
        ? {
            id: row.certificate.id,
            code: row.certificate.code,
            status: row.certificate.status,
            issuedOn: formatDate(row.certificate.issuedAt, lang, user.timeZone),
            revokedOn: row.certificate.revokedAt ? formatDate(row.certificate.revokedAt, lang, user.timeZone) : null,
            pdfReady: row.certificate.pdfReady,
            verifyUrl: row.certificate.verifyUrl,
          }
        : null,
    })),
  });
}

function messages(problem: Problem): string[] {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  const all = [...formErrors, ...Object.values(fieldErrors).flat()];
  return all.length ? all : [problem.title ?? String(problem.status)];
}

/** The form's own string values (files and repeated names aside). */
function fieldsOf(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, id, token, leads } = await requireStaff(request, params);
  // Coaches read this page; every change is the lead trainer's (the api says 404 too, this says it first).
  if (!leads) raise(notFound());
  const completion = completionApi({ token, locale: lang });
  const t = fixedT(lang);
  const formData = await validatedFormData(request);
  const form = fieldsOf(formData);
  const url = new URL(request.url);
  const keep = new URLSearchParams();
  for (const name of ['show', 'q']) {
    const value = url.searchParams.get(name);
    if (value) keep.set(name, value);
  }
  const back = (done: (typeof notices)[number], hash: string) => {
    keep.set('done', done);
    return redirect(`/${lang}/manage/cohorts/${id}/completion?${keep.toString()}#${hash}`);
  };
  const fail = (target: string, errors: string[], status = 400) => json({ target, errors }, { status });
  const invalidMessage = (issues: { message: string }[]) => [...new Set(issues.map((issue) => t(issue.message)))];
  switch (form.intent) {
    case 'rule': {
      const parsed = ruleSchema.safeParse(form);
      if (!parsed.success) return fail('rule', invalidMessage(parsed.error.issues));
      const assignments = await gradingApi({ token, locale: lang }).assignments(id);
      const keys = [...new Set(assignments.ok ? assignments.data.items.map((a) => a.exerciseKey) : [])];
      const ticked = formData.getAll('exercise').filter((v): v is string => typeof v === 'string');
      const result = await completion.putRule(id, {
        minAttendancePercent: parsed.data.minAttendancePercent,
        // No exercise instantiated yet: nothing to tick, so "every exercise" stays as it was.
        requiredExercises: keys.length === 0 && form.requiredAll === 'on' ? 'all' : requiredExercisesFrom(ticked, keys),
        finalReview: parsed.data.finalReview === 'on',
      });
      return result.ok ? back('rule', 'rule-title') : fail('rule', messages(result.problem), result.problem.status);
    }
    case 'settings': {
      const parsed = settingsSchema.safeParse(form);
      if (!parsed.success) return fail('settings', invalidMessage(parsed.error.issues));
      const result = await completion.putSettings(id, settingsBody(parsed.data));
      return result.ok ? back('settings', 'settings-title') : fail('settings', messages(result.problem), result.problem.status);
    }
    case 'review': {
      const parsed = finalReviewSchema.safeParse(form);
      if (!parsed.success) return fail(form.enrollmentId ?? '', invalidMessage(parsed.error.issues));
      const { enrollmentId, passed, note } = parsed.data;
      const result = await completion.finalReview(enrollmentId, { passed: passed === 'true', note: note ?? '' });
      return result.ok ? back('reviewed', `t-${enrollmentId}`) : fail(enrollmentId, messages(result.problem), result.problem.status);
    }
    case 'issue': {
      const parsed = issueSchema.safeParse(form);
      if (!parsed.success) return fail('confirm', [t('completion.validation.trainee')]);
      const result = await completion.issue(parsed.data.enrollmentId);
      if (!result.ok) return fail('confirm', messages(result.problem), result.problem.status);
      return back(result.data.revision > 1 ? 'reissued' : 'issued', `t-${parsed.data.enrollmentId}`);
    }
    case 'revoke': {
      const parsed = revokeSchema.safeParse(form);
      if (!parsed.success) return fail('confirm', invalidMessage(parsed.error.issues));
      const result = await completion.revoke(parsed.data.certificateId, parsed.data.reason);
      return result.ok ? back('revoked', 'trainees-title') : fail('confirm', messages(result.problem), result.problem.status);
    }
    case 'issue-all': {
      const result = await completion.issueAll(id);
      return result.ok ? back('batch', 'batch-title') : fail('batch', messages(result.problem), result.problem.status);
    }
    default:
      raise(notFound());
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = Data['rows'][number];

/** The errors the action sent back for one form of the page. */
function useErrorsFor(target: string): string[] | undefined {
  const actionData = useActionData<typeof action>();
  return actionData && actionData.target === target ? actionData.errors : undefined;
}

/** A link to this page with the current filters plus `changes` (a confirmation to open, or none). */
function useHere(): (changes: Record<string, string | null>, hash?: string) => string {
  const location = useLocation();
  return (changes, hash) => {
    const params = new URLSearchParams(location.search);
    for (const name of ['done', 'issue', 'revoke']) params.delete(name);
    for (const [name, value] of Object.entries(changes)) if (value !== null) params.set(name, value);
    const qs = params.toString();
    return `${location.pathname}${qs ? `?${qs}` : ''}${hash ? `#${hash}` : ''}`;
  };
}

function Met({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`met ${met ? 'met-yes' : 'met-no'}`}>
      <span aria-hidden="true">{met ? '✓' : '✗'}</span> {met ? t('completion.met') : t('completion.notMet')}
    </span>
  );
}

function RuleInWords() {
  const { rule, lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!rule) return null;
  const parts = [
    rule.minAttendancePercent > 0 ? t('completion.rule.attendance', { percent: formatNumber(rule.minAttendancePercent, lang) }) : null,
    rule.all ? t('completion.rule.allExercises') : rule.requiredCount > 0 ? t('completion.rule.exercises', { count: rule.requiredCount }) : null,
    rule.finalReview ? t('completion.rule.finalReview') : null,
  ].filter((part): part is string => Boolean(part));
  const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
  return <p className="rule-words">{parts.length ? t('completion.rule.sentence', { rule: list }) : t('completion.rule.none')}</p>;
}

function RuleForm() {
  const { rule, exercises } = useLoaderData<typeof loader>();
  const errors = useErrorsFor('rule');
  const { t } = useTranslation();
  if (!rule) return null;
  return (
    <details className="completion-form" open={Boolean(errors)}>
      <summary>{t('completion.rule.change')}</summary>
      <Form method="post" className="form" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="rule" />
        <FormErrors id="rule-errors" errors={errors} />
        <div className="field">
          <label htmlFor="rule-percent">{t('completion.rule.percent')}</label>
          <input id="rule-percent" name="minAttendancePercent" type="number" inputMode="numeric" min={0} max={100} defaultValue={rule.minAttendancePercent} />
        </div>
        {exercises.length === 0 && rule.all ? <input type="hidden" name="requiredAll" value="on" /> : null}
        {exercises.length > 0 ? (
          <fieldset className="fieldset">
            <legend>{t('completion.rule.required')}</legend>
            {exercises.map((exercise) => (
              <label key={exercise.key} className="choice">
                <input type="checkbox" name="exercise" value={exercise.key} defaultChecked={exercise.checked} />
                <bdi>{exercise.title}</bdi>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="choice">
          <input type="checkbox" name="finalReview" defaultChecked={rule.finalReview} />
          {t('completion.rule.finalReviewBox')}
        </label>
        <p>
          <SubmitButton>{t('completion.rule.save')}</SubmitButton>
        </p>
      </Form>
    </details>
  );
}

function SettingsForm() {
  const { settings } = useLoaderData<typeof loader>();
  const errors = useErrorsFor('settings');
  const { t } = useTranslation();
  if (!settings) return null;
  const rows = Array.from({ length: maxSignatories }, (_, i) => settings.signatories[i] ?? { name: '', title: {} });
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('completion.settings.title')}</h2>
      <p className="muted">{t('completion.settings.lead')}</p>
      <details className="completion-form" open={Boolean(errors)}>
        <summary>{t('completion.settings.change')}</summary>
        <Form method="post" className="form" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="settings" />
          <FormErrors id="settings-errors" errors={errors} />
          <div className="field">
            <label htmlFor="settings-locale">{t('completion.settings.secondaryLocale')}</label>
            <select id="settings-locale" name="secondaryLocale" defaultValue={settings.secondaryLocale}>
              {secondaryLocales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`completion.settings.locales.${locale}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="fieldset">
            <legend>{t('completion.settings.issuer')}</legend>
            <p className="hint">{t('completion.settings.issuerHint')}</p>
            <div className="field">
              <label htmlFor="issuer-ar">{t('completion.settings.inArabic')}</label>
              <input id="issuer-ar" name="issuerAr" dir="rtl" defaultValue={settings.issuerName.ar ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="issuer-en">{t('completion.settings.inEnglish')}</label>
              <input id="issuer-en" name="issuerEn" dir="ltr" defaultValue={settings.issuerName.en ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="issuer-fr">{t('completion.settings.inFrench')}</label>
              <input id="issuer-fr" name="issuerFr" dir="ltr" defaultValue={settings.issuerName.fr ?? ''} />
            </div>
          </fieldset>
          {rows.map((signatory, i) => {
            const n = i + 1;
            return (
              <fieldset key={n}>
                <legend>{t('completion.settings.signatory', { n })}</legend>
                {n === 1 ? <p className="hint">{t('completion.settings.signatoryHint')}</p> : null}
                <div className="field">
                  <label htmlFor={`s${n}-name`}>{t('completion.settings.name')}</label>
                  <input id={`s${n}-name`} name={`s${n}Name`} dir="auto" defaultValue={signatory.name} />
                </div>
                <div className="field">
                  <label htmlFor={`s${n}-ar`}>{t('completion.settings.titleArabic')}</label>
                  <input id={`s${n}-ar`} name={`s${n}Ar`} dir="rtl" defaultValue={signatory.title.ar ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`s${n}-en`}>{t('completion.settings.titleEnglish')}</label>
                  <input id={`s${n}-en`} name={`s${n}En`} dir="ltr" defaultValue={signatory.title.en ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`s${n}-fr`}>{t('completion.settings.titleFrench')}</label>
                  <input id={`s${n}-fr`} name={`s${n}Fr`} dir="ltr" defaultValue={signatory.title.fr ?? ''} />
                </div>
              </fieldset>
            );
          })}
          <p>
            <SubmitButton>{t('completion.settings.save')}</SubmitButton>
          </p>
        </Form>
      </details>
    </section>
  );
}

/**
 * The latest batch. With JavaScript its count is fetched every 1.5 s from the batch route until it is done, then the
 * page reloads its data (the certificates' PDFs are ready); without, the page refreshes itself every 3 s while the
 * batch runs (`<noscript>` keeps that refresh away from pages that poll).
 */
function BatchProgress({ batch }: { batch: Batch }) {
  const { lang, cohort } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fetcher = useFetcher<Batch>();
  const revalidator = useRevalidator();
  const current = fetcher.data && fetcher.data.id === batch.id ? fetcher.data : batch;
  const href = `/${lang}/manage/cohorts/${cohort.id}/completion/batches/${batch.id}`;
  const here = useHere();
  const { load } = fetcher;
  useEffect(() => {
    if (current.done) return;
    const timer = window.setTimeout(() => load(href), 1500);
    return () => window.clearTimeout(timer);
  }, [current, href, load]);
  // Once the poll first sees the batch done, the page reloads its rows (codes, PDF links) once.
  const reloaded = useRef(false);
  const { revalidate } = revalidator;
  useEffect(() => {
    if (!current.done || batch.done || reloaded.current) return;
    reloaded.current = true;
    revalidate();
  }, [current.done, batch.done, revalidate]);
  const processed = current.rendered + current.failed;
  return (
    <section className="panel batch" aria-labelledby="batch-title">
      <h2 id="batch-title">{t('completion.batch.title')}</h2>
      <progress max={100} value={Math.round(batchShare(current) * 100)} aria-labelledby="batch-status" />
      <p id="batch-status" role="status">
        {t('completion.batch.progress', { count: current.total, rendered: formatNumber(processed, lang), total: formatNumber(current.total, lang) })}
        {current.done ? ` ${t('completion.batch.done')}` : ''}
      </p>
      {current.failed > 0 ? <p className="notice notice-error">{t('completion.batch.failed', { count: current.failed })}</p> : null}
      {!current.done ? (
        <>
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <p className="muted">
            {t('completion.batch.running')}{' '}
            <a href={here({}, 'batch-title')}>{t('completion.batch.refresh')}</a>
          </p>
        </>
      ) : null}
    </section>
  );
}

function IssueConfirmation() {
  const { issuing } = useLoaderData<typeof loader>();
  const errors = useErrorsFor('confirm');
  const here = useHere();
  const { t } = useTranslation();
  if (!issuing) return null;
  return (
    <section className="panel confirm" id="confirm" role="alertdialog" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{issuing.reissue ? t('completion.issue.reissueTitle', { name: issuing.name }) : t('completion.issue.title', { name: issuing.name })}</h2>
      {issuing.reissue && issuing.code ? (
        <p>
          {t('completion.issue.reissueText')}{' '}
          <bdi dir="ltr" className="code">
            {issuing.code}
          </bdi>
        </p>
      ) : (
        <p>{t('completion.issue.text')}</p>
      )}
      <FormErrors id="confirm-errors" errors={errors} />
      <Form method="post" action={here({ issue: issuing.enrollmentId })} className="actions">
        <CsrfInput />
        <input type="hidden" name="intent" value="issue" />
        <input type="hidden" name="enrollmentId" value={issuing.enrollmentId} />
        <SubmitButton>{issuing.reissue ? t('completion.issue.reissueConfirm') : t('completion.issue.confirm')}</SubmitButton>
        <Link className="button" to={here({}, `t-${issuing.enrollmentId}`)}>
          {t('completion.cancel')}
        </Link>
      </Form>
    </section>
  );
}

function RevokeConfirmation() {
  const { revoking } = useLoaderData<typeof loader>();
  const errors = useErrorsFor('confirm');
  const here = useHere();
  const { t } = useTranslation();
  if (!revoking) return null;
  return (
    <section className="panel confirm" id="confirm" role="alertdialog" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('completion.revoke.title', { name: revoking.name })}</h2>
      <p>
        {t('completion.revoke.text')}{' '}
        <bdi dir="ltr" className="code">
          {revoking.code}
        </bdi>
      </p>
      <FormErrors id="confirm-errors" errors={errors} />
      <Form method="post" action={here({ revoke: revoking.certificateId })} className="form" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="certificateId" value={revoking.certificateId} />
        <div className="field">
          <label htmlFor="revoke-reason">{t('completion.revoke.reason')}</label>
          <p className="hint" id="revoke-reason-hint">
            {t('completion.revoke.reasonHint')}
          </p>
          <textarea id="revoke-reason" name="reason" rows={3} maxLength={500} dir="auto" aria-describedby="revoke-reason-hint" />
        </div>
        <p className="actions">
          <button type="submit" className="button danger">
            {t('completion.revoke.confirm')}
          </button>
          <Link className="button" to={here({}, 'trainees-title')}>
            {t('completion.cancel')}
          </Link>
        </p>
      </Form>
    </section>
  );
}

function FinalReviewCell({ row }: { row: Row }) {
  const { leads } = useLoaderData<typeof loader>();
  const errors = useErrorsFor(row.id);
  const { t } = useTranslation();
  const review = row.finalReview;
  const state = !review.required ? t('completion.review.notRequired') : review.passed === true ? t('completion.review.passed') : review.passed === false ? t('completion.review.notPassed') : t('completion.review.notYet');
  return (
    <>
      <span>{state}</span>
      {review.reviewedAt ? <span className="muted"> · {review.reviewedAt}</span> : null}
      {review.note ? (
        <span className="muted note" dir="auto">
          {review.note}
        </span>
      ) : null}
      <FormErrors id={`review-errors-${row.id}`} errors={errors} />
      {leads && review.required ? (
        <details className="review-form" open={Boolean(errors)}>
          <summary>{t('completion.review.record')}</summary>
          <Form method="post" className="form" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="review" />
            <input type="hidden" name="enrollmentId" value={row.id} />
            <fieldset className="fieldset">
              <legend>{t('completion.review.decisionFor', { name: row.name })}</legend>
              <label className="choice">
                <input type="radio" name="passed" value="true" defaultChecked={review.passed === true} />
                {t('completion.review.pass')}
              </label>
              <label className="choice">
                <input type="radio" name="passed" value="false" defaultChecked={review.passed === false} />
                {t('completion.review.fail')}
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor={`note-${row.id}`}>{t('completion.review.note')}</label>
              <textarea id={`note-${row.id}`} name="note" rows={2} maxLength={2000} dir="auto" defaultValue={review.note ?? ''} />
            </div>
            <button type="submit" className="button">
              {t('completion.review.save')}
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}

function CertificateCell({ row }: { row: Row }) {
  const { lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const certificate = row.certificate;
  if (!certificate) return <span className="muted">{t('completion.certificate.none')}</span>;
  return (
    <>
      <bdi dir="ltr" className="code">
        {certificate.code}
      </bdi>
      <span className={`status certificate-${certificate.status}`}>
        {certificate.status === 'revoked'
          ? t('completion.certificate.revokedOn', { date: certificate.revokedOn ?? '' })
          : t('completion.certificate.issuedOn', { date: certificate.issuedOn })}
      </span>
      {certificate.status === 'issued' && !certificate.pdfReady ? <span className="muted">{t('completion.certificate.preparing')}</span> : null}
      {certificate.status === 'issued' && certificate.pdfReady ? (
        <a href={`/${lang}/certificates/${certificate.id}.pdf`} download aria-label={t('completion.certificate.downloadFor', { name: row.name })}>
          {t('completion.certificate.download')}
        </a>
      ) : null}
    </>
  );
}

function Actions({ row }: { row: Row }) {
  const here = useHere();
  const { t } = useTranslation();
  const certificate = row.certificate;
  if (certificate?.status === 'revoked') return null;
  return (
    <div className="row-actions">
      {certificate ? (
        <>
          <Link className="button" to={here({ issue: row.id }, 'confirm')} aria-label={t('completion.issue.reissueFor', { name: row.name })}>
            {t('completion.issue.reissue')}
          </Link>
          <Link className="button danger" to={here({ revoke: certificate.id }, 'confirm')} aria-label={t('completion.revoke.of', { name: row.name })}>
            {t('completion.revoke.action')}
          </Link>
        </>
      ) : row.eligible ? (
        <Link className="button primary" to={here({ issue: row.id }, 'confirm')} aria-label={t('completion.issue.for', { name: row.name })}>
          {t('completion.issue.action')}
        </Link>
      ) : null}
    </div>
  );
}

function TraineeTable() {
  const { rows, leads, cohort } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <table className="card-table completion-table">
      <caption className="visually-hidden">{t('completion.caption', { name: cohort.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('completion.columns.trainee')}</th>
          <th scope="col">{t('completion.columns.attendance')}</th>
          <th scope="col">{t('completion.columns.exercises')}</th>
          <th scope="col">{t('completion.columns.finalReview')}</th>
          <th scope="col">{t('completion.columns.eligible')}</th>
          <th scope="col">{t('completion.columns.certificate')}</th>
          {leads ? <th scope="col">{t('completion.columns.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} id={`t-${row.id}`}>
            <th scope="row">
              <bdi className="name">{row.name}</bdi>
              {row.otherName ? (
                <bdi className="muted other-name">{row.otherName}</bdi>
              ) : null}
              {row.circle ? (
                <span className="muted">
                  <bdi>{row.circle}</bdi>
                </span>
              ) : null}
            </th>
            <td data-label={t('completion.columns.attendance')}>
              {row.attendance.held > 0 ? (
                <span>
                  {t('completion.attendance.sessions', { count: row.attendance.held, attended: row.attendance.attended })}
                  {row.attendance.percent !== null ? (
                    <>
                      {' · '}
                      <bdi>{t('completion.attendance.percent', { percent: row.attendance.percent })}</bdi>
                    </>
                  ) : null}
                </span>
              ) : (
                <span className="muted">{t('completion.attendance.none')}</span>
              )}{' '}
              <Met met={row.attendance.met} />
            </td>
            <td data-label={t('completion.columns.exercises')}>
              <span>{t('completion.exercises.passed', { count: row.assignments.required, passed: row.assignments.passed })}</span> <Met met={row.assignments.met} />
            </td>
            <td data-label={t('completion.columns.finalReview')}>
              <FinalReviewCell row={row} />
            </td>
            <td data-label={t('completion.columns.eligible')}>
              <span className={`met ${row.eligible ? 'met-yes' : 'met-no'}`}>
                <span aria-hidden="true">{row.eligible ? '✓' : '✗'}</span> {row.eligible ? t('completion.eligible') : t('completion.notYet')}
              </span>
            </td>
            <td data-label={t('completion.columns.certificate')}>
              <CertificateCell row={row} />
            </td>
            {leads ? (
              <td data-label={t('completion.columns.actions')}>
                <Actions row={row} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Filters() {
  const { filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const { t } = useTranslation();
  return (
    <Form method="get" action={location.pathname} className="filters completion-filters">
      <div className="field">
        <label htmlFor="filter-show">{t('completion.filters.show')}</label>
        <select id="filter-show" name="show" defaultValue={filters.show}>
          {completionFilters.map((filter) => (
            <option key={filter} value={filter}>
              {t(`completion.filters.${filter}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-q">{t('completion.filters.search')}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
      </div>
      <button type="submit" className="button">
        {t('completion.filters.apply')}
      </button>
    </Form>
  );
}

export default function CompletionPage() {
  const { lang, cohort, leads, done, failed, counts, batch, eligibleLeft, rows } = useLoaderData<typeof loader>();
  const batchErrors = useErrorsFor('batch');
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to={`/${lang}/manage/cohorts/${cohort.id}`} className="back-link">
          <ChevronBack />
          <bdi>{cohort.name}</bdi>
        </Link>
      </p>
      <h1>{t('completion.heading')}</h1>
      {done ? <Notice>{t(`completion.done.${done}`)}</Notice> : null}
      {failed ? <p role="alert">{t('completion.unavailable')}</p> : null}
      {counts ? (
        <ul className="completion-counts">
          <li>{t('completion.counts.trainees', { count: counts.trainees })}</li>
          <li>{t('completion.counts.eligible', { count: counts.eligible })}</li>
          <li>{t('completion.counts.issued', { count: counts.issued })}</li>
          <li>{t('completion.counts.revoked', { count: counts.revoked })}</li>
        </ul>
      ) : null}

      {!failed ? (
        <section className="panel" aria-labelledby="rule-title">
          <h2 id="rule-title">{t('completion.rule.title')}</h2>
          <RuleInWords />
          {leads ? <RuleForm /> : null}
        </section>
      ) : null}

      {leads && !failed ? <SettingsForm /> : null}

      {batch ? <BatchProgress key={batch.id} batch={batch} /> : null}

      {leads && !failed ? (
        <div className="issue-all">
          <FormErrors id="batch-errors" errors={batchErrors} />
          {eligibleLeft > 0 ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="issue-all" />
              <SubmitButton>{t('completion.issueAll', { count: eligibleLeft, n: formatNumber(eligibleLeft, lang) })}</SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}

      <IssueConfirmation />
      <RevokeConfirmation />

      {!failed ? (
        <section aria-labelledby="trainees-title">
          <h2 id="trainees-title">{t('completion.trainees')}</h2>
          <Filters />
          {rows.length === 0 ? <p className="panel empty">{t('completion.empty')}</p> : <TraineeTable />}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
