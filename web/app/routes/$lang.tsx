import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, NavLink, Outlet, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CircleMark } from '~/components/icons';
import { CsrfInput } from '~/components/forms';
import { circleLink } from '~/lib/circles';
import { displayName } from '~/lib/format';
import { localeNames, locales, switchLocalePath, type Locale } from '~/lib/locale';
import { requireLocale } from '~/lib/params.server';
import { getOptionalUser } from '~/lib/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  // The header only needs to know who is signed in; an unreachable api must not take the public pages down.
  const user = await getOptionalUser(request, lang).catch((error: unknown) => {
    if (error instanceof Response && error.status === 503) return null;
    throw error;
  });
  return json({
    lang,
    // People who run or coach a cohort (and admins) get a link to the cohorts they manage.
    user: user ? { name: displayName(user, lang), isAdmin: user.isAdmin, staff: user.isAdmin || user.staffRoles.length > 0, circles: circleLink(user) } : null,
  });
}

function LanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav className="languages" aria-label={t('nav.language')}>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            {/* A plain link: the whole page reloads in the other language, with or without JavaScript. */}
            <a
              href={switchLocalePath(`${location.pathname}${location.search}`, locale)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function LocaleLayout() {
  const { lang, user } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link className="brand" to={`/${lang}`}>
            <CircleMark />
            <span>{t('app.name')}</span>
          </Link>
          <LanguageSwitcher current={lang} />
        </div>
        <nav className="main-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to={`/${lang}/courses`}>{t('nav.courses')}</NavLink>
            </li>
            {/* One line on a 390 px phone in every language: signed-in people reach organizations and their
                profile from the dashboard's shortcuts, so the bar keeps what they come for. */}
            {user ? (
              <>
                <li>
                  <NavLink to={`/${lang}/dashboard`}>{t('nav.dashboard')}</NavLink>
                </li>
                {/* Four items at most: a coach who runs no cohort reaches their circles here instead of the cohorts. */}
                {user.circles === 'coach' ? (
                  <li>
                    <NavLink to={`/${lang}/circles`}>{t('circles.nav')}</NavLink>
                  </li>
                ) : user.staff ? (
                  <li>
                    <NavLink to={`/${lang}/manage`}>{t('manage.nav')}</NavLink>
                  </li>
                ) : user.circles === 'member' ? (
                  <li>
                    <NavLink to={`/${lang}/my-circle`}>{t('circles.navMine')}</NavLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action={`/${lang}/logout`} className="inline-form">
                    <CsrfInput />
                    <button type="submit" className="link-button">
                      {t('nav.signOut')}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to={`/${lang}/organizations`}>{t('nav.organizations')}</NavLink>
                </li>
                <li>
                  <NavLink to={`/${lang}/login`}>{t('nav.signIn')}</NavLink>
                </li>
                <li>
                  <NavLink to={`/${lang}/signup`} className="nav-cta">
                    {t('nav.signUp')}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage standalone />;
}
