import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SessionWhen } from '~/components/circles';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, SubmitButton } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { attendanceStatuses, nameOf, toSessionView, type AttendanceStatus } from '~/lib/circles';
import { circlesApi } from '~/lib/circles-api.server';
import { validatedFormData } from '~/lib/csrf.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { problemToFormErrors } from '~/lib/problem';
import { requireUser } from '~/lib/session.server';
import circleStyles from '~/styles/circles.css?url';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: circleStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { user, token } = await requireUser(request, lang);
  const result = await circlesApi({ token, locale: lang }).attendance(id);
  if (!result.ok) raise(notFound());
  const { session, items } = result.data;
  const view = toSessionView(session, lang, user.timeZone ?? null);
  const t = fixedT(lang);
  return json({
    lang,
    title: t('attendance.title', { circle: view.circle?.name ?? '' }),
    session: view,
    circleId: session.circle?.id ?? null,
    rows: items
      .map((row) => ({ enrollmentId: row.enrollmentId, name: nameOf(row, lang), status: row.status, left: !row.currentMember }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const formData = await validatedFormData(request);
  // One radio group per member, named `mark.{enrollmentId}`; a row left blank is simply not sent.
  const marks: { enrollmentId: string; status: AttendanceStatus }[] = [];
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith('mark.') || typeof value !== 'string') continue;
    const status = attendanceStatuses.find((s) => s === value);
    const enrollmentId = name.slice('mark.'.length);
    if (status && enrollmentId.length > 0 && enrollmentId.length <= 100) marks.push({ enrollmentId, status });
  }
  const circleId = formData.get('circleId');
  const api = circlesApi({ token, locale: lang });
  if (marks.length > 0) {
    const result = await api.saveAttendance(id, marks);
    if (!result.ok) {
      const { formErrors, fieldErrors } = problemToFormErrors(result.problem, []);
      return json({ errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: result.problem.status });
    }
  }
  // Back to the circle, where the rates now count this session.
  if (typeof circleId === 'string' && /^[\w-]{1,100}$/.test(circleId)) return redirect(`/${lang}/circles/${circleId}?done=attendance`);
  return redirect(`/${lang}/circles`);
}

export default function AttendancePage() {
  const { lang, session, circleId, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="attendance-page">
      {circleId ? (
        <p>
          <Link to={`/${lang}/circles/${circleId}`} className="back-link">
            <ChevronBack />
            {session.circle?.name ?? t('circles.backToMine')}
          </Link>
        </p>
      ) : null}
      <h1>{t('attendance.heading')}</h1>
      <SessionWhen session={session} />
      {session.cancelled ? (
        <p className="notice">{t('attendance.cancelledSession')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('attendance.noMembers')}</p>
      ) : (
        <Form method="post" className="attendance-form">
          <CsrfInput />
          {circleId ? <input type="hidden" name="circleId" value={circleId} /> : null}
          <FormErrors id="attendance-errors" errors={actionData?.errors} />
          <ul className="attendance-rows">
            {rows.map((row) => (
              <li key={row.enrollmentId}>
                <fieldset>
                  <legend>
                    {row.name}
                    {row.left ? <span className="muted"> {t('attendance.leftSince')}</span> : null}
                  </legend>
                  <div className="attendance-choices">
                    {attendanceStatuses.map((status) => (
                      <label key={status} className={`choice choice-${status}`}>
                        <input type="radio" name={`mark.${row.enrollmentId}`} value={status} defaultChecked={row.status === status} />
                        <span>{t(`attendance.status.${status}`)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
          <p className="attendance-submit">
            <SubmitButton>{t('attendance.save')}</SubmitButton>
          </p>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
