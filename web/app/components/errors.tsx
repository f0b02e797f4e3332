import { Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { errorKind } from '~/lib/errors';
import { useLocale } from '~/lib/use-locale';
import { CircleMark } from './icons';

/**
 * What every route's ErrorBoundary renders: a calm, localized explanation. Never the error itself — stack
 * traces and api internals stay in the server log. The tab title says the same (`titleMeta`).
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const locale = useLocale();
  const kind = errorKind(error);
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
