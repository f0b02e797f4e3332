import { json } from '@remix-run/node';
import { raise } from './http.server';
import { isLocale, type Locale } from './locale';

/** The `$lang` segment, or a 404 for anything that is not one of our locales. */
export function requireLocale(params: { lang?: string }): Locale {
  if (!isLocale(params.lang)) raise(json({ code: 'not_found' }, { status: 404 }));
  return params.lang;
}

export function notFound(): Response {
  return json({ code: 'not_found' }, { status: 404 });
}
