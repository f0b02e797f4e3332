import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CSRFError } from 'remix-utils/csrf/server';
import { ErrorPage } from '~/components/errors';
import { DraftAutosave, RenderedMarkdown, StatusBadge } from '~/components/exercises';
import { CsrfInput, FormErrors, Notice, SubmitButton } from '~/components/forms';
import { catalogApi } from '~/lib/catalog-api.server';
import { csrf, validatedFormData } from '~/lib/csrf.server';
import { exercisesApi, personName, type Comment, type FileInfo, type Version } from '~/lib/exercises-api.server';
import { acceptedTypeNames, acceptedTypes, draftLimit, fileLimitBytes, formatClock, formatDue, formatSize, maySubmit, statusOf, text } from '~/lib/exercises';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import type { Locale } from '~/lib/locale';
import { renderMarkdown } from '~/lib/markdown.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import exerciseStyles from '~/styles/exercises.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: exerciseStyles }];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireId(params: { id?: string }): string {
  const id = params.id ?? '';
  if (!uuid.test(id)) raise(notFound());
  return id.toLowerCase();
}

/** Headings inside instructions sit under the page's h1 and section h2: `#` becomes h3, and so on. */
function underSection(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);
}

async function cohortZone(token: string, lang: Locale, cohortId: string): Promise<string | null> {
  const cohort = await catalogApi({ token, locale: lang }).cohort(cohortId);
  return cohort.ok ? cohort.data.timeZone : null;
}

/** Markdown written by people, made safe, its headings under the section's. */
function md(markdown: string): string {
  return underSection(renderMarkdown(markdown));
}

function fileView(file: FileInfo, lang: Locale) {
  return { id: file.id, name: file.originalName, size: formatSize(file.sizeBytes, lang) };
}

function commentView(comment: Comment, lang: Locale, zone: string | null) {
  return {
    id: comment.id,
    kind: comment.kind,
    criterionKey: comment.criterionKey ?? null,
    html: md(comment.body),
    author: comment.author?.displayName ?? '',
    when: formatDue(comment.createdAt, lang, zone),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireId(params);
  const { user, token } = await requireUser(request, lang);
  const api = exercisesApi({ token, locale: lang });
  const [assignment, submission, peerWork] = await Promise.all([api.assignment(id), api.mySubmission(id), api.peerWork(id)]);
  if (!assignment.ok) raise(notFound());
  const a = assignment.data;
  const s = submission.ok ? submission.data : null;
  // Each version's thread (the trainee's with staff, and circle-mates' peer comments); a trainee has a handful.
  const threads = new Map<number, Comment[]>();
  if (s) {
    const lists = await Promise.all(s.versions.map((v) => api.comments(s.id, v.number)));
    s.versions.forEach((v, i) => {
      const list = lists[i];
      threads.set(v.number, list?.ok ? list.data.items : []);
    });
  }
  // The reader's zone; without one in their profile, the cohort's (and the page says so).
  const zone = user.timeZone ?? (await cohortZone(token, lang, a.cohortId));
  const url = new URL(request.url);
  const status = statusOf(s?.status);
  const due = a.effectiveDueAt ?? a.dueAt;
  const criteria = a.rubric.map((criterion) => ({
    key: criterion.key,
    title: text(criterion.title, lang),
    levels: criterion.levels.map((level) => ({ key: level.key, points: level.points, label: text(level.label, lang), description: text(level.description, lang) })),
  }));
  const criterionTitle = Object.fromEntries(criteria.map((c) => [c.key, c.title]));
  const versions = [...(s?.versions ?? [])]
    .sort((x: Version, y: Version) => y.number - x.number)
    .map((version) => {
      const review = version.review?.releasedAt ? version.review : null;
      const comments = (threads.get(version.number) ?? []).map((comment) => commentView(comment, lang, zone));
      return {
        number: version.number,
        html: md(version.text),
        late: version.late,
        submittedAt: formatDue(version.submittedAt, lang, zone),
        files: (version.files ?? []).map((file) => fileView(file, lang)),
        review: review
          ? {
              decision: review.decision ?? null,
              points: review.points ?? null,
              feedbackHtml: md(review.feedback ?? ''),
              criteria: criteria.map((criterion) => {
                const level = criterion.levels.find((l) => l.key === review.scores[criterion.key]);
                return { key: criterion.key, title: criterion.title, level: level?.label ?? '', points: level?.points ?? null, html: md(review.criterionFeedback?.[criterion.key] ?? '') };
              }),
            }
          : null,
        thread: comments.filter((c) => c.kind !== 'peer').map((c) => ({ ...c, criterion: c.criterionKey ? (criterionTitle[c.criterionKey] ?? null) : null })),
        peer: comments.filter((c) => c.kind === 'peer'),
      };
    });
  const t = fixedT(lang);
  const title = a.displayTitle ?? text(a.title, lang);
  return json({
    lang,
    id,
    title: t('exercises.pageTitle', { title }),
    heading: title,
    cohortId: a.cohortId,
    instructionsHtml: md(a.displayInstructions ?? text(a.instructions, lang)),
    criteria,
    passMark: a.passMark,
    maxPoints: criteria.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0),
    kind: a.submissionKind ?? 'both',
    due: formatDue(due, lang, zone),
    extended: Boolean(a.effectiveDueAt && a.effectiveDueAt !== a.dueAt),
    closed: a.latePolicy === 'close' && new Date(due).getTime() < Date.now(),
    zoneKnown: Boolean(user.timeZone),
    status,
    submissionId: s?.id ?? null,
    draftText: s?.draftText ?? '',
    savedText: s?.draftSavedAt ? formatClock(s.draftSavedAt, lang, zone) : null,
    draftFiles: (s?.draftFiles ?? []).map((file) => fileView(file, lang)),
    versions,
    // Circle-mates' passed work (none outside a circle, or when the api does not answer it for this reader).
    peers: (peerWork.ok ? peerWork.data : []).map((p) => ({
      submissionId: p.submissionId,
      name: personName(p.author, lang),
      submittedAt: formatDue(p.submittedAt, lang, zone),
    })),
    confirmSubmit: url.searchParams.get('confirm') === 'submit' && maySubmit(status),
    done: url.searchParams.get('done'),
  });
}

type Outcome =
  | { form: 'draft' | 'upload' | 'submit' | 'comment'; errors: string[]; savedText?: null; text?: string }
  | { savedText: string | null; errors?: undefined; form?: undefined; text?: undefined };

// An autosave changes nothing else on the page; reloading it every few seconds would only cost requests.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'autosave' ? false : defaultShouldRevalidate;

/** A text field of the form ('' when missing or a file). */
function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireId(params);
  const { user, token } = await requireUser(request, lang);
  const api = exercisesApi({ token, locale: lang });
  const t = fixedT(lang);
  const page = `/${lang}/exercises/${id}`;
  // A refused draft comes back with the text as typed, so a save that fails never empties the editor.
  const failed = (form: 'draft' | 'upload' | 'submit' | 'comment', errors: string[], status: number, text?: string) =>
    json<Outcome>({ form, errors, ...(text === undefined ? {} : { text }) }, { status });

  if (new URL(request.url).searchParams.get('intent') === 'upload') {
    // The file is read with a hard cap (the api's own limit), checked for its csrf token, then passed on.
    let formData: FormData;
    try {
      formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: fileLimitBytes }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return failed('upload', [t('exercises.fileTooLarge')], 413);
      throw error;
    }
    try {
      await csrf.validate(formData, request.headers);
    } catch (error) {
      if (error instanceof CSRFError) raise(json({ code: 'csrf.invalid' }, { status: 403 }));
      throw error;
    }
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return failed('upload', [t('exercises.fileMissing')], 422);
    const forward = new FormData();
    forward.set('file', file, file.name);
    const result = await api.upload(id, forward);
    if (!result.ok) {
      if (result.problem.status === 404) raise(notFound());
      return failed('upload', problemToFormErrors(result.problem, []).formErrors, result.problem.status);
    }
    return redirect(`${page}?done=uploaded#files-title`);
  }

  const formData = await validatedFormData(request);
  const intent = field(formData, 'intent');
  if (intent === 'save' || intent === 'autosave' || intent === 'review-submit') {
    const draft = field(formData, 'text');
    if (draft.length > draftLimit) return failed('draft', [t('exercises.draftTooLong', { max: draftLimit })], 422, draft);
    const result = await api.saveDraft(id, draft);
    if (!result.ok) {
      if (result.problem.status === 404) raise(notFound());
      return failed('draft', problemToFormErrors(result.problem, []).formErrors, result.problem.status, draft);
    }
    const savedAt = result.data?.draftSavedAt ?? new Date().toISOString();
    if (intent === 'autosave') return json<Outcome>({ savedText: formatClock(savedAt, lang, user.timeZone ?? null) });
    if (intent === 'review-submit') return redirect(`${page}?confirm=submit#submit-title`);
    return redirect(`${page}?done=saved#draft-title`);
  }
  if (intent === 'remove-file') {
    const result = await api.removeFile(id, field(formData, 'fileId'));
    if (!result.ok && result.problem.status !== 404) return failed('upload', problemToFormErrors(result.problem, []).formErrors, result.problem.status);
    return redirect(`${page}?done=removed#files-title`);
  }
  if (intent === 'submit') {
    const result = await api.submit(id);
    if (!result.ok) {
      if (result.problem.status === 404) raise(notFound());
      return failed('submit', problemToFormErrors(result.problem, []).formErrors, result.problem.status);
    }
    return redirect(`${page}?done=submitted`);
  }
  if (intent === 'comment') {
    const submissionId = field(formData, 'submissionId');
    const version = Number(formData.get('version'));
    const body = field(formData, 'body').trim();
    const criterionKey = field(formData, 'criterionKey');
    if (!uuid.test(submissionId) || !Number.isInteger(version) || version < 1) raise(notFound());
    if (!body) return failed('comment', [t('exercises.commentRequired')], 422);
    const result = await api.comment(submissionId, version, { body, ...(criterionKey ? { criterionKey } : {}) });
    if (!result.ok) {
      if (result.problem.status === 404) raise(notFound());
      return failed('comment', problemToFormErrors(result.problem, []).formErrors, result.problem.status);
    }
    return redirect(`${page}?done=commented#version-${version}`);
  }
  raise(notFound());
}

export default function Exercise() {
  const data = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const { lang, id, status, criteria, versions } = data;
  const errorsFor = (form: string) => (outcome && 'form' in outcome && outcome.form === form ? outcome.errors : undefined);
  const editable = maySubmit(status);
  const refusedText = outcome && 'form' in outcome && outcome.form === 'draft' ? outcome.text : undefined;
  return (
    <div className="exercises-page exercise">
      <p className="crumbs">
        <Link to={`/${lang}/cohorts/${data.cohortId}/exercises`}>{t('exercises.listHeading')}</Link>
      </p>
      <h1>{data.heading}</h1>
      <p className="exercise-meta">
        <StatusBadge status={status} />
        <span className="muted">
          {t('exercises.dueAt', { when: data.due })}
          {data.extended ? ` · ${t('exercises.extended')}` : null}
        </span>
      </p>
      {data.zoneKnown ? null : <p className="muted">{t('exercises.inCohortZone')}</p>}
      {data.closed && editable ? <p className="notice notice-error">{t('exercises.closed')}</p> : null}
      {data.done === 'submitted' ? <Notice>{t('exercises.doneSubmitted')}</Notice> : null}

      <section className="panel" aria-labelledby="instructions-title">
        <h2 id="instructions-title">{t('exercises.instructions')}</h2>
        <RenderedMarkdown html={data.instructionsHtml} />
      </section>

      <section className="panel" aria-labelledby="rubric-title">
        <h2 id="rubric-title">{t('exercises.rubric')}</h2>
        <p className="muted">{t('exercises.passMark', { mark: data.passMark, max: data.maxPoints })}</p>
        {criteria.map((criterion) => (
          <div key={criterion.key} className="criterion">
            <h3>{criterion.title}</h3>
            <ul className="levels">
              {criterion.levels.map((level) => (
                <li key={level.key}>
                  <strong>{level.label}</strong> <span className="muted">{t('exercises.points', { count: level.points })}</span>
                  {level.description ? <p>{level.description}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {editable ? (
        <>
          <section className="panel" aria-labelledby="draft-title">
            <h2 id="draft-title">{t('exercises.draft')}</h2>
            {data.done === 'saved' ? <Notice>{t('exercises.doneSaved')}</Notice> : null}
            <FormErrors id="draft-errors" errors={errorsFor('draft')} />
            <Form method="post" id="draft-form" className="draft-form">
              <CsrfInput />
              <label htmlFor="draft-text">{t('exercises.draftLabel')}</label>
              <p id="draft-hint" className="hint">
                {t(`exercises.kind.${data.kind}`)}
              </p>
              <textarea id="draft-text" name="text" rows={12} dir="auto" maxLength={draftLimit} defaultValue={refusedText ?? data.draftText} aria-describedby="draft-hint" />
              <DraftAutosave assignmentId={id} formId="draft-form" textareaId="draft-text" savedText={data.savedText} />
              <p className="actions">
                <SubmitButton name="intent" value="save">
                  {t('exercises.saveDraft')}
                </SubmitButton>
                <button type="submit" className="button" name="intent" value="review-submit">
                  {t('exercises.submitEllipsis')}
                </button>
              </p>
            </Form>
          </section>

          <section className="panel" aria-labelledby="files-title">
            <h2 id="files-title">{t('exercises.files')}</h2>
            {data.done === 'uploaded' ? <Notice>{t('exercises.doneUploaded')}</Notice> : null}
            {data.done === 'removed' ? <Notice>{t('exercises.doneRemoved')}</Notice> : null}
            <FormErrors id="upload-errors" errors={errorsFor('upload')} />
            {data.draftFiles.length ? (
              <ul className="files">
                {data.draftFiles.map((file) => (
                  <li key={file.id}>
                    <a href={`/${lang}/files/${file.id}`} dir="auto">
                      {file.name}
                    </a>{' '}
                    <span className="muted">{file.size}</span>
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="fileId" value={file.id} />
                      <button type="submit" className="button link" name="intent" value="remove-file">
                        {t('exercises.removeFile', { name: file.name })}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('exercises.noFiles')}</p>
            )}
            <Form method="post" action="?intent=upload" encType="multipart/form-data" className="upload-form">
              <CsrfInput />
              <label htmlFor="file">{t('exercises.fileLabel')}</label>
              <p id="file-hint" className="hint">
                {t('exercises.fileHint', { types: acceptedTypeNames, size: formatSize(fileLimitBytes, lang) })}
              </p>
              <input id="file" name="file" type="file" accept={acceptedTypes} aria-describedby="file-hint upload-errors" />
              <p className="actions">
                <button type="submit" className="button">
                  {t('exercises.upload')}
                </button>
              </p>
            </Form>
          </section>

          {data.confirmSubmit ? (
            <section className="panel confirm" aria-labelledby="submit-title">
              <h2 id="submit-title">{t('exercises.confirmTitle')}</h2>
              <p>{t('exercises.confirmText')}</p>
              <FormErrors id="submit-errors" errors={errorsFor('submit')} />
              <Form method="post" className="actions">
                <CsrfInput />
                <SubmitButton name="intent" value="submit">
                  {t('exercises.submit')}
                </SubmitButton>
                <Link className="button" to={`/${lang}/exercises/${id}`}>
                  {t('exercises.notYet')}
                </Link>
              </Form>
            </section>
          ) : errorsFor('submit') ? (
            <FormErrors id="submit-errors" errors={errorsFor('submit')} />
          ) : null}
        </>
      ) : (
        <p className="panel quiet">{status === 'passed' ? t('exercises.passedText') : t('exercises.submittedText')}</p>
      )}

      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('exercises.versions')}</h2>
        {data.done === 'commented' ? <Notice>{t('exercises.doneCommented')}</Notice> : null}
        {versions.length === 0 ? <p className="muted">{t('exercises.noVersions')}</p> : null}
        {versions.map((version, index) => (
          <details key={version.number} id={`version-${version.number}`} className="version" open={index === 0}>
            <summary>
              {t('exercises.versionN', { n: version.number })} · <span className="muted">{version.submittedAt}</span>
              {version.late ? <span className="badge late">{t('exercises.late')}</span> : null}
            </summary>
            <RenderedMarkdown html={version.html} className="answer" />
            {version.files.length ? (
              <ul className="files">
                {version.files.map((file) => (
                  <li key={file.id}>
                    <a href={`/${lang}/files/${file.id}`} dir="auto">
                      {file.name}
                    </a>{' '}
                    <span className="muted">{file.size}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {version.review ? (
              <div className="review">
                <h3>{t('exercises.feedback')}</h3>
                <p>
                  <strong>{version.review.decision === 'pass' ? t('exercises.decisionPass') : t('exercises.decisionRevise')}</strong>
                  {version.review.points !== null ? ` · ${t('exercises.pointsOf', { points: version.review.points, max: data.maxPoints })}` : null}
                </p>
                <RenderedMarkdown html={version.review.feedbackHtml} />
                <dl className="scores">
                  {version.review.criteria.map((criterion) => (
                    <div key={criterion.key}>
                      <dt>{criterion.title}</dt>
                      <dd>
                        {criterion.level}
                        {criterion.points !== null ? ` · ${t('exercises.points', { count: criterion.points })}` : null}
                        {criterion.html ? <RenderedMarkdown html={criterion.html} /> : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : null}
            <div className="thread">
              <h3>{t('exercises.thread')}</h3>
              {version.thread.length === 0 ? <p className="muted">{t('exercises.noComments')}</p> : null}
              <ul className="comments">
                {version.thread.map((comment) => (
                  <li key={comment.id}>
                    <p className="muted">
                      {comment.author} · {comment.when}
                      {comment.criterion ? ` · ${comment.criterion}` : null}
                    </p>
                    <RenderedMarkdown html={comment.html} />
                  </li>
                ))}
              </ul>
              {data.submissionId ? (
                <Form method="post" className="comment-form">
                  <CsrfInput />
                  <input type="hidden" name="submissionId" value={data.submissionId} />
                  <input type="hidden" name="version" value={version.number} />
                  <FormErrors id={`comment-errors-${version.number}`} errors={index === 0 ? errorsFor('comment') : undefined} />
                  <label htmlFor={`comment-${version.number}`}>{t('exercises.commentLabel')}</label>
                  <textarea id={`comment-${version.number}`} name="body" rows={3} dir="auto" maxLength={10000} />
                  <label htmlFor={`criterion-${version.number}`}>{t('exercises.commentCriterion')}</label>
                  <select id={`criterion-${version.number}`} name="criterionKey" defaultValue="">
                    <option value="">{t('exercises.commentWhole')}</option>
                    {criteria.map((criterion) => (
                      <option key={criterion.key} value={criterion.key}>
                        {criterion.title}
                      </option>
                    ))}
                  </select>
                  <p className="actions">
                    <button type="submit" className="button" name="intent" value="comment">
                      {t('exercises.addComment')}
                    </button>
                  </p>
                </Form>
              ) : null}
            </div>
            {version.peer.length ? (
              <div className="peer">
                <h3>{t('exercises.peerFeedback')}</h3>
                <ul className="comments">
                  {version.peer.map((comment) => (
                    <li key={comment.id}>
                      <p className="muted">
                        {comment.author} · {comment.when}
                      </p>
                      <RenderedMarkdown html={comment.html} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </details>
        ))}
      </section>

      <section className="panel" aria-labelledby="peers-title">
        <h2 id="peers-title">{t('exercises.peer.title')}</h2>
        <p className="muted">{t('exercises.peer.intro')}</p>
        {data.peers.length === 0 ? (
          <p className="muted">{t('exercises.peer.none')}</p>
        ) : (
          <ul className="peer-work">
            {data.peers.map((peer) => (
              <li key={peer.submissionId}>
                <Link to={`/${lang}/exercises/${id}/peers/${peer.submissionId}`}>
                  {t('exercises.peer.read', { name: peer.name })}
                </Link>{' '}
                <span className="muted">{t('exercises.peer.submittedAt', { when: peer.submittedAt })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
