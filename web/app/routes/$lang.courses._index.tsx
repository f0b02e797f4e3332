import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FallbackNotice } from '~/components/catalog-cohort';
import { ErrorPage } from '~/components/errors';
import { ChevronForward } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { catalogApi } from '~/lib/catalog-api.server';
import { fixedT } from '~/lib/i18n.server';
import { isLocale } from '~/lib/locale';
import { titleMeta } from '~/lib/meta';
import { pageCount } from '~/lib/organizations';
import { requireLocale } from '~/lib/params.server';

export const meta = titleMeta;

const pageSize = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const url = new URL(request.url);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  // The catalog is public: no token, so every visitor sees the same page (and it can be cached later).
  const result = await catalogApi({ locale: lang }).courses({ page, pageSize });
  const data = result.ok ? result.data : { items: [], total: 0, page, pageSize };
  return json({
    lang,
    title: fixedT(lang)('catalog.title'),
    unavailable: !result.ok,
    page: data.page,
    pages: pageCount(data.total, data.pageSize),
    total: data.total,
    courses: data.items.map((course) => ({
      slug: course.slug,
      title: course.displayTitle,
      summary: course.displaySummary,
      // Only a language we can name; the api says which one the text came from.
      textLang: course.fallback && isLocale(course.textLocale) ? course.textLocale : null,
      modules: course.moduleCount,
      lessons: course.lessonCount,
      exercises: course.exerciseCount,
      upcoming: course.upcomingCohorts,
    })),
  });
}

export default function Catalog() {
  const { lang, courses, page, pages, total, unavailable } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.lead')}</p>
      <p className="muted" role="status">
        {unavailable ? t('catalog.unavailable') : t('catalog.count', { count: total })}
      </p>
      <ul className="course-list">
        {courses.map((course) => (
          <li key={course.slug} className="course-card">
            <h2 lang={course.textLang ?? undefined} dir={course.textLang ? 'auto' : undefined}>
              <Link to={`/${lang}/courses/${course.slug}`}>{course.title}</Link>
            </h2>
            <FallbackNotice textLang={course.textLang} />
            <p lang={course.textLang ?? undefined} dir={course.textLang ? 'auto' : undefined}>
              {course.summary}
            </p>
            <p className="muted course-size">
              {t('catalog.modules', { count: course.modules })} · {t('catalog.lessons', { count: course.lessons })} ·{' '}
              {t('catalog.exercises', { count: course.exercises })}
            </p>
            <p className="course-next">
              <span className={course.upcoming > 0 ? 'tag' : 'tag tag-quiet'}>
                {course.upcoming > 0 ? t('catalog.upcoming', { count: course.upcoming }) : t('catalog.noUpcoming')}
              </span>
            </p>
            <p>
              <Link className="button" to={`/${lang}/courses/${course.slug}`} aria-label={t('catalog.openCourseOf', { title: course.title })}>
                {t('catalog.openCourse')}
                <ChevronForward />
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
