import type { LoaderFunctionArgs } from '@remix-run/node';
import { serviceUnavailable } from '~/lib/api.server';
import { apiDownload } from '~/lib/grading-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';

const passed = ['circleId', 'status', 'q'];

/**
 * "Download CSV" of the gradebook: the api's streamed CSV (UTF-8 with BOM, header row in the reader's language,
 * same filters as the page) piped through with the reader's token, never buffered, so a large cohort starts
 * downloading at once. Outside the reader's scope the api answers 404, and so does this.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!/^[\w-]{1,64}$/.test(id)) raise(notFound());
  const { token } = await requireUser(request, lang);
  const url = new URL(request.url);
  const query = new URLSearchParams();
  for (const name of passed) {
    const value = url.searchParams.get(name);
    if (value) query.set(name, value.slice(0, 200));
  }
  let upstream: Response;
  try {
    upstream = await apiDownload(token, lang, `/api/cohorts/${encodeURIComponent(id)}/gradebook.csv`, query);
  } catch {
    raise(serviceUnavailable());
  }
  if (upstream.status >= 500) raise(serviceUnavailable());
  if (!upstream.ok || !upstream.body) raise(notFound());
  return new Response(upstream.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': upstream.headers.get('Content-Disposition') ?? `attachment; filename="gradebook-${id}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
