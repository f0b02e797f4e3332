import type { MetaFunction } from '@remix-run/node';
import type { RootData } from '~/root';
import { errorKind } from './errors';

type MetaArgs = Parameters<MetaFunction>[0];

/**
 * A page's tab title in its language: the loader's localized `title`; on an error page, what went wrong and the
 * product's name, as the page's heading says it ("الصفحة غير موجودة — حلقة", "Page not found — Halaqa"). The words
 * come from the root loader's catalog, which loads on error pages too.
 */
export function pageTitle({ data, error, matches }: Pick<MetaArgs, 'data' | 'error' | 'matches'>): string {
  const catalog = (matches.find((match) => match.id === 'root')?.data as RootData | undefined)?.messages;
  if (error) return catalog ? catalog.errors.pageTitle.replace('{{title}}', catalog.errors[`${errorKind(error)}Title`]) : 'Halaqa';
  if (typeof data === 'object' && data !== null && 'title' in data) return String(data.title);
  return catalog?.app.name ?? 'Halaqa';
}

/** Each page loader returns its localized `title`; error pages are titled by what went wrong (`pageTitle`). */
export const titleMeta: MetaFunction = (args) => [{ title: pageTitle(args) }, { name: 'description', content: 'Halaqa' }];
