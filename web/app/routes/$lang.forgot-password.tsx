import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton, TextField } from '~/components/forms';
import { apiClient, call } from '~/lib/api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { useForm } from '~/lib/use-form';
import { requireLocale } from '~/lib/params.server';
import { forgotPasswordSchema } from '~/lib/schemas';

export const meta = titleMeta;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  return json({ lang, title: fixedT(lang)('forgot.title') });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { submission } = await parseForm(request, forgotPasswordSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(apiClient({ locale: lang, clientIp: context.clientIp }).POST('/api/auth/password-reset', { body: submission.value }));
  if (!result.ok) return invalid(submission, result.problem, { fields: ['email'] });
  // The same answer whether or not an account exists (the api never says either).
  return json({ intent: undefined, result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const { lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'forgot-password',
    fields: ['email'],
    lastResult: actionData?.result,
  });
  const sent = actionData && 'sent' in actionData;
  return (
    <section className="narrow">
      <h1>{t('forgot.title')}</h1>
      <p className="lead">{t('forgot.lead')}</p>
      {sent ? <Notice>{t('forgot.sent')}</Notice> : null}
      <Form method="post" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t('form.email')} type="email" autoComplete="email" dir="ltr" />
        <p>
          <SubmitButton>{t('forgot.submit')}</SubmitButton>
        </p>
      </Form>
      <p>
        <Link to={`/${lang}/login`}>{t('forgot.backToLogin')}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
