import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { isCodeLike, normalizeCode } from '~/lib/certificates';
import { raise } from '~/lib/http.server';
import { getLocale } from '~/lib/i18n.server';
import { notFound } from '~/lib/params.server';

/**
 * The URL printed on every certificate and in its QR code (`{PUBLIC_WEB_URL}/verify/{code}`) carries no language:
 * send the reader to the verify page in theirs (Accept-Language, else Arabic), like `/`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? '';
  if (!isCodeLike(code)) raise(notFound());
  const locale = await getLocale(request);
  return redirect(`/${locale}/verify/${normalizeCode(code)}`, { headers: { Vary: 'Accept-Language' } });
}
