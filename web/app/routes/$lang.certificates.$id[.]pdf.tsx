import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { serviceUnavailable } from '~/lib/api.server';
import { certificatePdf } from '~/lib/certificates-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The api's own headers reach the browser: the PDF's type, size and `certificate-{code}.pdf` name. */
const passed = ['content-type', 'content-length', 'content-disposition'];

/** A certificate's PDF, fetched with the reader's session (the api scopes it: holder, lead trainer, admin) and streamed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!uuid.test(id)) raise(notFound());
  const { token } = await requireUser(request, lang);
  const upstream = await certificatePdf(token, lang, id);
  if (upstream.status >= 500) {
    await upstream.body?.cancel();
    raise(serviceUnavailable());
  }
  if (upstream.status === 409) {
    // Not rendered yet (or being re-rendered): the dashboard says "PDF being prepared".
    await upstream.body?.cancel();
    return redirect(`/${lang}/dashboard#certificates-title`);
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    raise(notFound());
  }
  const headers = new Headers({ 'Cache-Control': 'private, no-store' });
  for (const name of passed) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has('content-disposition')) headers.set('Content-Disposition', 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
