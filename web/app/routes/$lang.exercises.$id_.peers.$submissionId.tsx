import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { RenderedMarkdown } from '~/components/exercises';
import { CsrfInput, FormErrors, Notice } from '~/components/forms';
import { catalogApi } from '~/lib/catalog-api.server';
import { validatedFormData } from '~/lib/csrf.server';
import { exercisesApi, personName } from '~/lib/exercises-api.server';
import { formatDue, formatSize, text } from '~/lib/exercises';
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
const commentLimit = 5000;

function requireIds(params: { id?: string; submissionId?: string }): { id: string; submissionId: string } {
  const id = params.id ?? '';
  const submissionId = params.submissionId ?? '';
  if (!uuid.test(id) || !uuid.test(submissionId)) raise(notFound());
  return { id: id.toLowerCase(), submissionId: submissionId.toLowerCase() };
}

/** Markdown written by people, made safe; its headings sit under the page's h1 and section h2. */
function md(markdown: string): string {
  return renderMarkdown(markdown).replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);
}

async function cohortZone(token: string, lang: Locale, cohortId: string): Promise<string | null> {
  const cohort = await catalogApi({ token, locale: lang }).cohort(cohortId);
  return cohort.ok ? cohort.data.timeZone : null;
}

/** A circle-mate's passed work, read as a peer: the api answers 404 to anyone else, and so does this page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { id, submissionId } = requireIds(params);
  const { user, token } = await requireUser(request, lang);
  const api = exercisesApi({ token, locale: lang });
  const [assignment, work] = await Promise.all([api.assignment(id), api.peerSubmission(submissionId)]);
  if (!assignment.ok || !work.ok || work.data.assignmentId !== id) raise(notFound());
  const a = assignment.data;
  const w = work.data;
  const zone = user.timeZone ?? (await cohortZone(token, lang, a.cohortId));
  const name = personName(w.author, lang);
  const exercise = a.displayTitle ?? text(a.title, lang);
  const t = fixedT(lang);
  return json({
    lang,
    id,
    title: t('exercises.peer.pageTitle', { name, title: exercise }),
    heading: t('exercises.peer.heading', { name }),
    name,
    exercise,
    zoneKnown: Boolean(user.timeZone),
    submittedAt: formatDue(w.submittedAt, lang, zone),
    html: md(w.text),
    files: w.files.map((f) => ({ id: f.id, name: f.originalName, size: formatSize(f.sizeBytes, lang) })),
    comments: w.comments.map((c) => ({ id: c.id, author: c.author.displayName, html: md(c.body), when: formatDue(c.createdAt, lang, zone) })),
    done: new URL(request.url).searchParams.get('done'),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { id, submissionId } = requireIds(params);
  const { token } = await requireUser(request, lang);
  const api = exercisesApi({ token, locale: lang });
  const t = fixedT(lang);
  const formData = await validatedFormData(request);
  const value = formData.get('body');
  const body = typeof value === 'string' ? value.trim() : '';
  if (!body) return json({ errors: [t('exercises.peer.required')], body }, { status: 422 });
  // The version commented on is the one the api says passed, not one named by the form.
  const work = await api.peerSubmission(submissionId);
  if (!work.ok || work.data.assignmentId !== id) raise(notFound());
  const result = await api.peerComment(submissionId, work.data.versionNumber, body);
  if (!result.ok) {
    if (result.problem.status === 404) raise(notFound());
    return json({ errors: problemToFormErrors(result.problem, []).formErrors, body }, { status: result.problem.status });
  }
  return redirect(`/${lang}/exercises/${id}/peers/${submissionId}?done=commented#comments-title`);
}

export default function PeerWorkPage() {
  const data = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const { lang, id } = data;
  return (
    <div className="exercises-page exercise peer-page">
      <p className="crumbs">
        <Link to={`/${lang}/exercises/${id}`}>{t('exercises.peer.back')}</Link>
      </p>
      <h1>{data.heading}</h1>
      <p className="exercise-meta">
        <span dir="auto">{data.exercise}</span> · <span className="muted">{t('exercises.peer.submittedAt', { when: data.submittedAt })}</span>
      </p>
      {data.zoneKnown ? null : <p className="muted">{t('exercises.inCohortZone')}</p>}
      <p className="notice">{t('exercises.peer.advisory')}</p>

      <section className="panel" aria-labelledby="peer-answer-title">
        <h2 id="peer-answer-title">{t('exercises.peer.answer')}</h2>
        <RenderedMarkdown html={data.html} className="answer" />
        {data.files.length ? (
          <>
            <h3 id="peer-files-title">{t('exercises.peer.files')}</h3>
            <ul className="files" aria-labelledby="peer-files-title">
              {data.files.map((file) => (
                <li key={file.id}>
                  <a href={`/${lang}/files/${file.id}`} dir="auto">
                    {file.name}
                  </a>{' '}
                  <span className="muted">{file.size}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="comments-title">
        <h2 id="comments-title">{t('exercises.peer.comments')}</h2>
        {data.done === 'commented' ? <Notice>{t('exercises.peer.done')}</Notice> : null}
        {data.comments.length === 0 ? <p className="muted">{t('exercises.peer.noComments')}</p> : null}
        <ul className="comments">
          {data.comments.map((comment) => (
            <li key={comment.id}>
              <p className="muted">
                <bdi>{comment.author}</bdi> · {comment.when}
              </p>
              <RenderedMarkdown html={comment.html} />
            </li>
          ))}
        </ul>
        <Form method="post" className="comment-form">
          <CsrfInput />
          <FormErrors id="peer-comment-errors" errors={outcome?.errors} />
          <label htmlFor="peer-comment">{t('exercises.peer.commentLabel', { name: data.name })}</label>
          <textarea id="peer-comment" name="body" rows={4} dir="auto" maxLength={commentLimit} defaultValue={outcome?.body ?? ''} aria-describedby="peer-comment-errors" />
          <p className="actions">
            <button type="submit" className="button">
              {t('exercises.peer.add')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
