import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '~/lib/organizations';
import { ChevronBack, ChevronForward } from './icons';

/** Previous / "page n of m" / next, as plain links that keep the rest of the query (filters). */
export function Pagination({ page, pages, param = 'page' }: { page: number; pages: number; param?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const label = t('organizations.pageOf', { page, pages });
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link className="button" rel="prev" to={pageHref(location.pathname, location.search, page - 1, param)}>
          <ChevronBack />
          {t('organizations.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="muted">{label}</span>
      {page < pages ? (
        <Link className="button" rel="next" to={pageHref(location.pathname, location.search, page + 1, param)}>
          {t('organizations.next')}
          <ChevronForward />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
