import type { MetaFunction } from '@remix-run/node';

/** Each page loader returns its localized `title`; error responses fall back to the product name. */
export const titleMeta: MetaFunction = ({ data }) => {
  const title = typeof data === 'object' && data !== null && 'title' in data ? String(data.title) : 'Halaqa';
  return [{ title }, { name: 'description', content: 'Halaqa' }];
};
