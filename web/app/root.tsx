import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthenticityTokenProvider } from 'remix-utils/csrf/react';
import { ErrorPage } from './components/errors';
import { csrf } from './lib/csrf.server';
import { catalogs, getLocale } from './lib/i18n.server';
import { directionOf, type Locale } from './lib/locale';
import { titleMeta } from './lib/meta';
import { useNonce } from './lib/nonce';
import styles from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [csrfToken, csrfCookie] = await csrf.commitToken(request);
  return json(
    { locale, csrfToken, messages: catalogs[locale] },
    { headers: csrfCookie ? { 'Set-Cookie': csrfCookie } : {} },
  );
}

// Pages without a title of their own, and error pages caught here or below a route without `meta` (an unknown path).
export const meta = titleMeta;

export type RootData = { locale: Locale; csrfToken: string; messages: (typeof catalogs)[Locale] };

// The catalog only changes with the language; other navigations keep the root data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, defaultShouldRevalidate }) =>
  currentParams.lang !== nextParams.lang || defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { i18n } = useTranslation();
  const locale = (data?.locale ?? i18n.language ?? 'ar') as Locale;
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root');
  const { i18n } = useTranslation();
  useEffect(() => {
    if (data && i18n.language !== data.locale) {
      i18n.addResourceBundle(data.locale, 'translation', data.messages, true, true);
      void i18n.changeLanguage(data.locale);
    }
  }, [data, i18n]);
  return (
    <AuthenticityTokenProvider token={data?.csrfToken ?? ''}>
      <Outlet />
    </AuthenticityTokenProvider>
  );
}

export function ErrorBoundary() {
  return <ErrorPage standalone />;
}
