import { ErrorPage } from '~/components/errors';
import { raise } from '~/lib/http.server';
import { notFound } from '~/lib/params.server';

/** Any other path under a locale is a localized 404 inside the site's layout. */
export async function loader() {
  raise(notFound());
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
