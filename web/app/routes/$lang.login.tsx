import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton, TextField } from '~/components/forms';
import { apiClient, call } from '~/lib/api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { safeRedirectPath } from '~/lib/locale';
import { titleMeta } from '~/lib/meta';
import { useForm } from '~/lib/use-form';
import { requireLocale } from '~/lib/params.server';
import { loginSchema } from '~/lib/schemas';
import { createUserSession, getOptionalUser } from '~/lib/session.server';
import { redirect } from '@remix-run/node';

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const url = new URL(request.url);
  const user = await getOptionalUser(request, lang).catch(() => null);
  if (user) raise(redirect(safeRedirectPath(url.searchParams.get('redirectTo'), lang)));
  return json({ lang, title: fixedT(lang)('login.title'), passwordChanged: url.searchParams.has('passwordChanged') });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { formData, submission } = await parseForm(request, loginSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(apiClient({ locale: lang, clientIp: context.clientIp }).POST('/api/auth/login', { body: submission.value }));
  // A 401 and a 429 alike come back as a form-level message in the page's language (the api localizes them).
  if (!result.ok) return invalid(submission, result.problem, { fields: ['email', 'password'] });
  return createUserSession(request, result.data.token, safeRedirectPath(formData.get('redirectTo'), lang));
}

export default function Login() {
  const { lang, passwordChanged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'login',
    fields: ['email', 'password'],
    lastResult: actionData?.result,
  });
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.lead')}</p>
      {passwordChanged ? <Notice>{t('login.passwordChanged')}</Notice> : null}
      <Form method="post" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t('form.email')} type="email" autoComplete="email" dir="ltr" />
        <TextField field={fields.password} label={t('form.password')} type="password" autoComplete="current-password" dir="ltr" />
        <p>
          <SubmitButton>{t('login.submit')}</SubmitButton>
        </p>
      </Form>
      <p>
        <Link to={`/${lang}/forgot-password`}>{t('login.forgot')}</Link>
      </p>
      <p className="form-footer">
        {t('login.noAccount')} <Link to={`/${lang}/signup`}>{t('nav.signUp')}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
