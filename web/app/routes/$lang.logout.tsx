import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { ErrorPage } from '~/components/errors';
import { apiClient } from '~/lib/api.server';
import { validatedFormData } from '~/lib/csrf.server';
import { requireLocale } from '~/lib/params.server';
import { destroyUserSession, getToken } from '~/lib/session.server';

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/${requireLocale(params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  await validatedFormData(request);
  const token = await getToken(request);
  if (token) {
    // End the session on the api too; if the api is unreachable the cookie still goes, and the token expires there.
    await apiClient({ token, locale: lang })
      .POST('/api/auth/logout')
      .catch(() => undefined);
  }
  return destroyUserSession(request, `/${lang}`);
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
