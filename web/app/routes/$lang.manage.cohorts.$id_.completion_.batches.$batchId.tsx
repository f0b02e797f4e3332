import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { completionApi } from '~/lib/completion-api.server';
import { raise } from '~/lib/http.server';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';

/**
 * One certificate batch's count, as JSON, for the completion page to poll while the worker renders (the browser
 * never holds the api token). The api scopes it: outside the caller's cohorts it is a 404 here too.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const batchId = params.batchId ?? '';
  if (!/^[\w-]{1,64}$/.test(batchId)) raise(notFound());
  const { token } = await requireUser(request, lang);
  const result = await completionApi({ token, locale: lang }).batch(batchId);
  if (!result.ok) raise(result.problem.status === 404 ? notFound() : json({ code: result.problem.code }, { status: result.problem.status }));
  if (result.data.cohortId !== params.id) raise(notFound());
  return json(result.data, { headers: { 'Cache-Control': 'no-store' } });
}
