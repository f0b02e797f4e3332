import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { Pagination } from '~/components/pagination';
import { apiClient, call } from '~/lib/api.server';
import { formatCountry } from '~/lib/format';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { countryOptions, organizationKinds, pageCount } from '~/lib/organizations';
import { requireLocale } from '~/lib/params.server';
import { directoryQuerySchema } from '~/lib/schemas';

export const meta = titleMeta;

const pageSize = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const url = new URL(request.url);
  const filters = directoryQuerySchema.parse(Object.fromEntries(url.searchParams));
  const result = await call(
    apiClient({ locale: lang }).GET('/api/organizations', {
      params: { query: { ...filters, pageSize } },
    }),
  );
  const page = result.ok ? result.data : { items: [], total: 0, page: filters.page, pageSize };
  return json({
    lang,
    title: fixedT(lang)('organizations.title'),
    filters,
    countries: countryOptions(lang, filters.country, (code) => formatCountry(code, lang)),
    total: page.total,
    page: page.page,
    pages: pageCount(page.total, page.pageSize),
    items: page.items.map((org) => ({
      id: org.id,
      name: org.displayName,
      city: org.displayCity,
      country: formatCountry(org.country, lang),
      kind: org.kind,
    })),
  });
}

export default function OrganizationDirectory() {
  const { lang, filters, countries, total, page, pages, items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // Keyed by the query: after a client-side navigation (filter, clear, back) the fields show the filters applied.
  const { search } = useLocation();
  return (
    <>
      <h1>{t('organizations.title')}</h1>
      <p className="lead">{t('organizations.lead')}</p>
      {/* A GET form: filters live in the URL, so results can be bookmarked and shared, with or without JavaScript. */}
      <Form key={search} method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t('organizations.search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('organizations.searchPlaceholder')} />
        </div>
        <div className="field">
          <label htmlFor="country">{t('organizations.country')}</label>
          <select id="country" name="country" defaultValue={filters.country ?? ''}>
            <option value="">{t('organizations.anyCountry')}</option>
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="city">{t('organizations.city')}</label>
          <input id="city" name="city" defaultValue={filters.city ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="kind">{t('organizations.kind')}</label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('organizations.anyKind')}</option>
            {organizationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organizations.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="actions filter-actions">
          <button type="submit" className="button primary">
            {t('organizations.filter')}
          </button>
          <Link className="button" to={`/${lang}/organizations`}>
            {t('organizations.clear')}
          </Link>
        </p>
      </Form>

      <p role="status" className="muted">
        {t('organizations.count', { count: total })}
      </p>
      <ul className="org-list">
        {items.map((org) => (
          <li key={org.id}>
            <Link to={`/${lang}/organizations/${org.id}`}>
              <span className="org-name">{org.name}</span>
              <span className="org-meta">
                <span className="tag">{t(`organizations.kinds.${org.kind}`)}</span>
                {t('organizations.location', { city: org.city, country: org.country })}
              </span>
            </Link>
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
