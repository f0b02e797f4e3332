import type { LoaderFunctionArgs } from '@remix-run/node';
import { staffDownload } from '~/lib/partner-reports-api.server';

/** "Download CSV" of the staff dashboard: the api's streamed CSV (UTF-8 with BOM, header row in the reader's language). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return staffDownload(request, params, 'csv');
}
