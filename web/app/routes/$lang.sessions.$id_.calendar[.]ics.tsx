import type { LoaderFunctionArgs } from '@remix-run/node';
import { sessionIcs } from '~/lib/circles-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import { serviceUnavailable } from '~/lib/api.server';

/**
 * "Add to calendar" for one session: the api's `.ics` fetched with the reader's own session token (the browser
 * never holds the api token), handed on as a download. Outside the reader's circles the api answers 404, and so
 * does this.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!/^[\w-]{1,100}$/.test(id)) raise(notFound());
  const { token } = await requireUser(request, lang);
  let upstream: Response;
  try {
    upstream = await sessionIcs(token, lang, id);
  } catch {
    raise(serviceUnavailable());
  }
  if (upstream.status >= 500) raise(serviceUnavailable());
  if (!upstream.ok) raise(notFound());
  return new Response(await upstream.text(), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="halaqa-session-${id}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
