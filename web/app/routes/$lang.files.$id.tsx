import type { LoaderFunctionArgs } from '@remix-run/node';
import { downloadFile } from '~/lib/exercises-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only these headers of the api's answer reach the browser; the file is always an attachment, never sniffed. */
const passed = ['content-type', 'content-length', 'content-disposition'];

/** A submission file, fetched from the api with the reader's token and streamed through (scoped by the api: 404 outside). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!uuid.test(id)) raise(notFound());
  const { token } = await requireUser(request, lang);
  const upstream = await downloadFile(token, lang, id);
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    raise(notFound());
  }
  // server.mjs adds X-Content-Type-Options: nosniff to every answer.
  const headers = new Headers({ 'Cache-Control': 'private, no-store' });
  for (const name of passed) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has('content-disposition')) headers.set('Content-Disposition', 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
