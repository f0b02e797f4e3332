import type { LoaderFunctionArgs } from '@remix-run/node';
import { staffDownload } from '~/lib/partner-reports-api.server';

/** "Printable summary (PDF)" of the staff dashboard, with the page's filters, streamed from the api. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return staffDownload(request, params, 'pdf');
}
