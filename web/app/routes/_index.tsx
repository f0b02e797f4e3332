import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { getLocale } from '~/lib/i18n.server';

/** `/` sends people to their language: Accept-Language, else Arabic. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  return redirect(`/${locale}`, { headers: { Vary: 'Accept-Language' } });
}
