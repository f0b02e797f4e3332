import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '~/lib/use-locale';
import { CircleMark } from './icons';

type Kind = 'notFound' | 'unavailable' | 'csrf' | 'generic';

function kindOf(error: unknown): Kind {
  if (!isRouteErrorResponse(error)) return 'generic';
  const code = typeof error.data === 'object' && error.data !== null ? (error.data as { code?: unknown }).code : undefined;
  if (error.status === 404) return 'notFound';
  if (error.status === 403 && code === 'csrf.invalid') return 'csrf';
  if (error.status === 503 || code === 'service_unavailable') return 'unavailable';
  return 'generic';
}

/**
 * What every route's ErrorBoundary renders: a calm, localized explanation. Never the error itself — stack
 * traces and api internals stay in the server log.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const locale = useLocale();
  const kind = kindOf(error);
  const panel = (
    <section className="panel error-panel" role="alert">
      <h1>{t(`errors.${kind}Title`)}</h1>
      <p>{t(`errors.${kind}Text`)}</p>
      <p className="actions">
        <Link className="button" to={`/${locale}`} reloadDocument>
          {t('errors.backHome')}
        </Link>
      </p>
    </section>
  );
  if (!standalone) return panel;
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <a className="brand" href={`/${locale}`}>
            <CircleMark />
            <span>{t('app.name')}</span>
          </a>
        </div>
      </header>
      <main id="main" className="page">
        {panel}
      </main>
    </>
  );
}
