import { isRouteErrorResponse } from '@remix-run/react';

/** What went wrong, as the reader is told it: the error page's heading, text and tab title follow from it. */
export type ErrorKind = 'notFound' | 'unavailable' | 'csrf' | 'generic';

export function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return 'generic';
  const code = typeof error.data === 'object' && error.data !== null ? (error.data as { code?: unknown }).code : undefined;
  if (error.status === 404) return 'notFound';
  if (error.status === 403 && code === 'csrf.invalid') return 'csrf';
  if (error.status === 503 || code === 'service_unavailable') return 'unavailable';
  return 'generic';
}
