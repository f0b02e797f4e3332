import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { serviceUnavailable } from '~/lib/api.server';
import { groupCode, isCodeLike, normalizeCode } from '~/lib/certificates';
import { certificateCredential } from '~/lib/certificates-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';

/**
 * The signed Open Badges credential of a certificate, as a file anyone holding the code can check on their own
 * (public, like the verify page). Not signed yet → back to the verify page, which says so.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const typed = params.code ?? '';
  if (!isCodeLike(typed)) raise(notFound());
  const code = normalizeCode(typed);
  const upstream = await certificateCredential(code, lang, context.clientIp);
  if (upstream.status >= 500) {
    await upstream.body?.cancel();
    raise(serviceUnavailable());
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    raise(notFound());
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    return redirect(`/${lang}/verify/${code}${upstream.status === 409 ? '?pending' : ''}`);
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/vc+jwt',
      'Content-Disposition': `attachment; filename="certificate-${groupCode(code)}.jwt"`,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
