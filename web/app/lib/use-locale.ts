import { useRouteLoaderData } from '@remix-run/react';
import { defaultLocale, isLocale, type Locale } from './locale';

/** The page's language, from the root loader (the URL prefix, or the negotiated one on error pages). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: string }>('root');
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}
