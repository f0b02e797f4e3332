import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, SubmitButton, TextField } from '~/components/forms';
import { apiClient, call } from '~/lib/api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { useForm } from '~/lib/use-form';
import { requireLocale } from '~/lib/params.server';
import { resetPasswordSchema } from '~/lib/schemas';
import { sessionStorage, getSession } from '~/lib/session.server';

export const meta = titleMeta;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  return json({ lang, title: fixedT(lang)('reset.title') });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { submission } = await parseForm(request, resetPasswordSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(
    apiClient({ locale: lang, clientIp: context.clientIp }).POST('/api/auth/password-reset/confirm', {
      body: { token: params.token ?? '', password: submission.value.password },
    }),
  );
  // An unknown, used or expired token is a problem whose detail says so; it shows at the top of the form.
  if (!result.ok) return invalid(submission, result.problem, { fields: ['password'] });
  // Every session of the user ended on the api; drop ours too and ask for a fresh sign-in.
  const session = await getSession(request);
  return redirect(`/${lang}/login?passwordChanged=1`, {
    headers: { 'Set-Cookie': await sessionStorage.destroySession(session) },
  });
}

export default function ResetPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'reset-password',
    fields: ['password'],
    lastResult: actionData?.result,
  });
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <p className="lead">{t('reset.lead')}</p>
      <Form method="post" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.password} label={t('form.newPassword')} type="password" hint={t('form.passwordHint')} autoComplete="new-password" dir="ltr" />
        <p>
          <SubmitButton>{t('reset.submit')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
