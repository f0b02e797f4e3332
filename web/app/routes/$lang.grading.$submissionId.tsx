import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { validatedFormData } from '~/lib/csrf.server';
import { formatSize, textIn } from '~/lib/grading';
import { gradingApi } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { formatInstant } from '~/lib/manage';
import { renderMarkdown } from '~/lib/markdown.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import gradingStyles from '~/styles/grading.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: gradingStyles }];

const idPattern = /^[\w-]{1,64}$/;

function requireId(params: { submissionId?: string }): string {
  const id = params.submissionId ?? '';
  if (!idPattern.test(id)) raise(notFound());
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireId(params);
  const { user, token } = await requireUser(request, lang);
  const api = gradingApi({ token, locale: lang });
  const found = await api.submission(id);
  if (!found.ok) raise(notFound());
  const submission = found.data;
  const versions = [...submission.versions].sort((a, b) => b.number - a.number);
  const latest = versions[0];
  if (!latest) raise(notFound());
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get('version'));
  const version = versions.find((v) => v.number === asked) ?? latest;
  const [thread, reviewResult, assignmentResult] = await Promise.all([
    api.comments(id, version.number),
    api.review(id, version.number),
    api.assignment(submission.assignmentId),
  ]);
  if (!assignmentResult.ok) raise(notFound());
  const assignment = assignmentResult.data;
  const when = (iso: string) => formatInstant(iso, lang, user.timeZone);
  const review = reviewResult.ok ? reviewResult.data : null;
  const trainee = submission.trainee.displayName;
  const title = assignment.displayTitle;
  const done = url.searchParams.get('done');
  return json({
    lang,
    title: fixedT(lang)('grading.review.title', { name: trainee, assignment: title }),
    id,
    trainee,
    status: submission.status,
    assignment: {
      title,
      passMark: assignment.passMark,
      max: assignment.maxPoints,
      due: when(assignment.dueAt),
    },
    rubric: assignment.rubric.map((criterion) => ({
      key: criterion.key,
      title: textIn(criterion.title, lang),
      levels: criterion.levels.map((level) => ({
        key: level.key,
        points: level.points,
        label: textIn(level.label, lang),
        description: textIn(level.description, lang),
      })),
    })),
    version: {
      number: version.number,
      isLatest: version.number === latest.number,
      html: renderMarkdown(version.text),
      late: version.late,
      submitted: when(version.submittedAt),
      files: version.files.map((file) => ({ id: file.id, name: file.originalName, size: formatSize(file.sizeBytes, lang) })),
    },
    others: versions.filter((v) => v.number !== version.number).map((v) => ({ number: v.number, submitted: when(v.submittedAt) })),
    review: review
      ? {
          scores: review.scores,
          criterionFeedback: review.criterionFeedback ?? {},
          feedback: review.feedback,
          decision: review.decision,
          points: review.points,
          released: review.releasedAt ? when(review.releasedAt) : null,
        }
      : null,
    comments: thread.ok
      ? thread.data.items.map((comment) => ({
          id: comment.id,
          author: comment.author.displayName,
          html: renderMarkdown(comment.body),
          peer: comment.kind === 'peer',
          at: when(comment.createdAt),
        }))
      : [],
    done: done === 'saved' || done === 'released' || done === 'commented' ? done : null,
  });
}

const reviewSchema = z.object({
  version: z.coerce.number().int().min(1),
  intent: z.enum(['draft', 'release']),
  feedback: z.string().max(20000).default(''),
  decision: z.enum(['pass', 'revise']).optional(),
});
const commentSchema = z.object({ version: z.coerce.number().int().min(1), body: z.string().trim().min(1).max(10000) });

function problemMessages(problem: Problem): string[] {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  const messages = [...formErrors, ...Object.values(fieldErrors).flat()];
  return messages.length ? messages : [problem.title ?? problem.code ?? String(problem.status)];
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = requireId(params);
  const { token } = await requireUser(request, lang);
  const api = gradingApi({ token, locale: lang });
  const t = fixedT(lang);
  const form = await validatedFormData(request);
  const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  const back = (done: string, version: number) => redirect(`/${lang}/grading/${id}?version=${version}&done=${done}#${done === 'commented' ? 'thread' : 'review'}`);
  if (fields.intent === 'comment') {
    const parsed = commentSchema.safeParse(fields);
    if (!parsed.success) return json({ form: 'comment', errors: [t('grading.review.commentRequired')], values: fields }, { status: 400 });
    const result = await api.comment(id, parsed.data.version, parsed.data.body);
    if (!result.ok) return json({ form: 'comment', errors: problemMessages(result.problem), values: fields }, { status: result.problem.status });
    return back('commented', parsed.data.version);
  }
  const parsed = reviewSchema.safeParse({ ...fields, decision: fields.decision || undefined });
  if (!parsed.success) raise(json({ code: 'bad_request' }, { status: 400 }));
  const scores: Record<string, string> = {};
  const criterionFeedback: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('score.') && value) scores[name.slice(6)] = value;
    if (name.startsWith('criterionFeedback.') && value.trim()) criterionFeedback[name.slice(18)] = value.slice(0, 5000);
  }
  const { version, intent, feedback, decision } = parsed.data;
  const saved = await api.saveReview(id, version, { scores, feedback, criterionFeedback, ...(decision ? { decision } : {}) });
  if (!saved.ok) return json({ form: 'review', errors: problemMessages(saved.problem), values: fields }, { status: saved.problem.status });
  // A released review stays released when edited: saving it is all "Save and release changes" needs.
  if (intent === 'release' && !saved.data.released) {
    const released = await api.releaseReview(id, version);
    if (!released.ok) return json({ form: 'review', errors: problemMessages(released.problem), values: fields }, { status: released.problem.status });
    return back('released', version);
  }
  return back('saved', version);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Rubric({ data, values }: { data: Data; values: Record<string, string> | null }) {
  const { t } = useTranslation();
  return (
    <>
      {data.rubric.map((criterion) => {
        const chosen = values ? values[`score.${criterion.key}`] : data.review?.scores[criterion.key];
        const note = values ? values[`criterionFeedback.${criterion.key}`] : data.review?.criterionFeedback[criterion.key];
        return (
          <fieldset key={criterion.key} className="criterion">
            <legend>
              <bdi>{criterion.title}</bdi>
            </legend>
            <div className="levels">
              {criterion.levels.map((level) => (
                <label key={level.key} className="level">
                  <input type="radio" name={`score.${criterion.key}`} value={level.key} defaultChecked={chosen === level.key} />
                  <span className="level-text">
                    <strong>
                      <bdi>{level.label}</bdi> · {t('grading.review.points', { count: level.points })}
                    </strong>
                    <span className="muted" dir="auto">
                      {level.description}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`cf-${criterion.key}`}>{t('grading.review.criterionFeedback')}</label>
              <textarea id={`cf-${criterion.key}`} name={`criterionFeedback.${criterion.key}`} rows={2} dir="auto" defaultValue={note ?? ''} />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export default function ReviewPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { lang, version, review } = data;
  const reviewErrors = actionData?.form === 'review' ? actionData.errors : undefined;
  const commentErrors = actionData?.form === 'comment' ? actionData.errors : undefined;
  const values = actionData?.form === 'review' ? actionData.values : null;
  const decision = values ? values.decision : review?.decision;
  return (
    <>
      <p>
        <Link to={`/${lang}/grading`} className="back-link">
          <ChevronBack />
          {t('grading.backToQueue')}
        </Link>
      </p>
      <h1>
        <bdi>{data.trainee}</bdi> · <bdi>{data.assignment.title}</bdi>
      </h1>
      <p className="muted">
        {t('grading.review.passMark', { mark: data.assignment.passMark, max: data.assignment.max })} · {t('grading.review.due', { date: data.assignment.due })}
      </p>
      {data.done ? <Notice>{t(`grading.review.done.${data.done}`)}</Notice> : null}

      <section className="panel" aria-labelledby="version-title">
        <h2 id="version-title">{t('grading.versionN', { n: version.number })}</h2>
        <p className="muted">
          {t('grading.submittedAt', { date: version.submitted })} {version.late ? <span className="badge late">{t('grading.late')}</span> : null}
        </p>
        {/* Rendered from Markdown and sanitized on the server (renderMarkdown). */}
        <div className="submission-text" dangerouslySetInnerHTML={{ __html: version.html }} />
        {version.files.length > 0 ? (
          <>
            <h3>{t('grading.review.files')}</h3>
            <ul className="files">
              {version.files.map((file) => (
                <li key={file.id}>
                  <a href={`/${lang}/files/${file.id}`} download>
                    <bdi>{file.name}</bdi>
                  </a>{' '}
                  <span className="muted">{file.size}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {data.others.length > 0 ? (
          <>
            <h3>{t('grading.review.otherVersions')}</h3>
            <ul className="versions">
              {data.others.map((other) => (
                <li key={other.number}>
                  <Link to={`?version=${other.number}`}>{t('grading.versionN', { n: other.number })}</Link> <span className="muted">{other.submitted}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel" id="review" aria-labelledby="review-title">
        <h2 id="review-title">{t('grading.review.rubric')}</h2>
        {review?.released ? <p className="muted">{t('grading.review.releasedAt', { date: review.released, points: review.points })}</p> : null}
        {review && !review.released ? <p className="muted">{t('grading.review.draftSaved')}</p> : null}
        <Form method="post" className="review-form" aria-describedby={reviewErrors ? 'review-errors' : undefined}>
          <CsrfInput />
          <input type="hidden" name="version" value={version.number} />
          <FormErrors id="review-errors" errors={reviewErrors} />
          <Rubric data={data} values={values} />
          <div className="field">
            <label htmlFor="feedback">{t('grading.review.feedback')}</label>
            <textarea id="feedback" name="feedback" rows={6} dir="auto" defaultValue={values ? values.feedback : (review?.feedback ?? '')} />
          </div>
          <fieldset className="decision">
            <legend>{t('grading.review.decision')}</legend>
            {(['pass', 'revise'] as const).map((option) => (
              <label key={option} className="level">
                <input type="radio" name="decision" value={option} defaultChecked={decision === option} />
                <span>{t(`grading.review.decisions.${option}`)}</span>
              </label>
            ))}
          </fieldset>
          <p className="actions">
            <button type="submit" className="button" name="intent" value="draft">
              {t('grading.review.saveDraft')}
            </button>
            <SubmitButton name="intent" value="release">
              {review?.released ? t('grading.review.update') : t('grading.review.release')}
            </SubmitButton>
          </p>
        </Form>
      </section>

      <section className="panel" id="thread" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('grading.review.thread')}</h2>
        {data.comments.length === 0 ? <p className="muted">{t('grading.review.noComments')}</p> : null}
        <ol className="thread">
          {data.comments.map((comment) => (
            <li key={comment.id} className={comment.peer ? 'comment peer' : 'comment'}>
              <p className="muted">
                <strong>
                  <bdi>{comment.author}</bdi>
                </strong>{' '}
                · {comment.at}
                {comment.peer ? <> · {t('grading.review.peer')}</> : null}
              </p>
              <div dangerouslySetInnerHTML={{ __html: comment.html }} />
            </li>
          ))}
        </ol>
        <Form method="post" className="comment-form">
          <CsrfInput />
          <input type="hidden" name="version" value={version.number} />
          <FormErrors id="comment-errors" errors={commentErrors} />
          <div className="field">
            <label htmlFor="comment-body">{t('grading.review.reply')}</label>
            <textarea id="comment-body" name="body" rows={3} dir="auto" required defaultValue={actionData?.form === 'comment' ? actionData.values.body : ''} />
          </div>
          <SubmitButton name="intent" value="comment">
            {t('grading.review.send')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
