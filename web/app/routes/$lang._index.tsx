import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { ChevronForward } from '~/components/icons';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { requireLocale } from '~/lib/params.server';

export const meta = titleMeta;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  return json({ lang, title: fixedT(lang)('home.title') });
}

const courses = ['Organizing', 'Circles', 'Narrative'] as const;

export default function Home() {
  const { lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <p className="eyebrow">{t('app.tagline')}</p>
        <h1>{t('home.heroTitle')}</h1>
        <p className="lead">{t('home.heroLead')}</p>
        <p className="actions">
          <Link className="button primary" to={`/${lang}/signup`}>
            {t('home.ctaSignUp')}
          </Link>
          <Link className="button" to={`/${lang}/courses`}>
            {t('catalog.homeCta')}
            <ChevronForward />
          </Link>
          <Link className="button" to={`/${lang}/organizations`}>
            {t('home.ctaOrganizations')}
            <ChevronForward />
          </Link>
        </p>
      </section>

      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t('home.coursesTitle')}</h2>
        <ul className="cards">
          {courses.map((course) => (
            <li key={course} className={`card card-${course.toLowerCase()}`}>
              <h3>{t(`home.course${course}Title`)}</h3>
              <p>{t(`home.course${course}Text`)}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/${lang}/courses`}>
            {t('catalog.homeAll')}
            <ChevronForward />
          </Link>
        </p>
      </section>

      <section aria-labelledby="for-whom-title">
        <h2 id="for-whom-title">{t('home.forWhomTitle')}</h2>
        <ul className="plain-list">
          <li>{t('home.forTrainees')}</li>
          <li>{t('home.forTrainers')}</li>
          <li>{t('home.forOrganizations')}</li>
        </ul>
      </section>

      <section className="panel quiet" aria-labelledby="safety-title">
        <h2 id="safety-title">{t('home.safetyTitle')}</h2>
        <p>{t('home.safetyText')}</p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
