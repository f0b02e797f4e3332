import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CohortCardItem, FallbackNotice } from '~/components/catalog-cohort';
import { ErrorPage } from '~/components/errors';
import { ChevronBack } from '~/components/icons';
import { catalogApi, toCohortCard } from '~/lib/catalog-api.server';
import { raise } from '~/lib/http.server';
import { isLocale } from '~/lib/locale';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { getOptionalUser } from '~/lib/session.server';

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const slug = params.slug ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) raise(notFound());
  const [result, user] = await Promise.all([catalogApi({ locale: lang }).course(slug), getOptionalUser(request, lang)]);
  if (!result.ok) raise(notFound());
  const course = result.data;
  const minutes = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  return json({
    lang,
    title: course.displayTitle,
    signedIn: Boolean(user),
    course: {
      slug: course.slug,
      title: course.displayTitle,
      summary: course.displaySummary,
      textLang: course.fallback && isLocale(course.textLocale) ? course.textLocale : null,
      modules: course.modules.map((module) => ({
        key: module.key,
        title: module.title,
        summary: module.summary,
        lessons: module.lessons.map((lesson) => ({
          key: lesson.key,
          title: lesson.title,
          duration: lesson.duration > 0 ? minutes.format(lesson.duration) : null,
        })),
        exercises: module.exercises.map((exercise) => ({
          key: exercise.key,
          title: exercise.title,
          kind: exercise.submissionKind,
        })),
      })),
      completion: course.completion,
      exerciseCount: course.exerciseCount,
    },
    cohorts: course.cohorts.map((cohort) => toCohortCard(cohort, lang, user?.timeZone ?? null)),
  });
}

/** Course text in the language it was written in: isolated, so an Arabic title reads right on a French page. */
function Content({ text, lang }: { text: string; lang: string | null }) {
  return lang ? <bdi lang={lang}>{text}</bdi> : <>{text}</>;
}

export default function CoursePage() {
  const { lang, course, cohorts, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const required = course.completion.requiredExercises;
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/courses`}>
          <ChevronBack />
          {t('catalog.back')}
        </Link>
      </p>
      <h1 lang={course.textLang ?? undefined} dir={course.textLang ? 'auto' : undefined}>
        {course.title}
      </h1>
      <FallbackNotice textLang={course.textLang} />
      <p className="lead" lang={course.textLang ?? undefined} dir={course.textLang ? 'auto' : undefined}>
        {course.summary}
      </p>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t('catalog.cohortsTitle')}</h2>
        {cohorts.length === 0 ? (
          <p className="panel quiet">{t('catalog.noCohorts')}</p>
        ) : (
          <>
            <p className="muted">{signedIn ? t('catalog.datesNoteSignedIn') : t('catalog.datesNoteSignedOut')}</p>
            <ul className="cohort-list">
              {cohorts.map((cohort) => (
                <CohortCardItem key={cohort.id} cohort={cohort} lang={lang} />
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="syllabus-title">
        <h2 id="syllabus-title">{t('catalog.syllabus')}</h2>
        <ol className="syllabus">
          {course.modules.map((module, index) => (
            <li key={module.key}>
              {/* <details> opens and closes without JavaScript; the first module is open as an example. */}
              <details open={index === 0}>
                <summary>
                  <span className="module-number">{t('catalog.moduleNumber', { number: index + 1 })}</span>
                  <Content text={module.title} lang={course.textLang} />
                </summary>
                {module.summary ? (
                  <p lang={course.textLang ?? undefined} dir={course.textLang ? 'auto' : undefined}>
                    {module.summary}
                  </p>
                ) : null}
                {module.lessons.length > 0 ? (
                  <>
                    <h3>{t('catalog.lessonsTitle')}</h3>
                    <ul className="syllabus-items">
                      {module.lessons.map((lesson) => (
                        <li key={lesson.key}>
                          <Content text={lesson.title} lang={course.textLang} />
                          {lesson.duration ? <span className="muted"> · {lesson.duration}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {module.exercises.length > 0 ? (
                  <>
                    <h3>{t('catalog.exercisesTitle')}</h3>
                    <ul className="syllabus-items">
                      {module.exercises.map((exercise) => (
                        <li key={exercise.key}>
                          <Content text={exercise.title} lang={course.textLang} />
                          <span className="muted"> · {t(`catalog.submission.${exercise.kind}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section className="panel quiet" aria-labelledby="completion-title">
        <h2 id="completion-title">{t('catalog.completionTitle')}</h2>
        <ul className="plain-list">
          {course.completion.minAttendancePercent > 0 ? (
            <li>{t('catalog.completionAttendance', { percent: course.completion.minAttendancePercent })}</li>
          ) : null}
          <li>
            {required === 'all'
              ? t('catalog.completionAllExercises', { count: course.exerciseCount })
              : t('catalog.completionSomeExercises', { count: required.length })}
          </li>
          {course.completion.finalReview ? <li>{t('catalog.completionFinalReview')}</li> : null}
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
