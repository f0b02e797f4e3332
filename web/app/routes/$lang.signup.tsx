import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, SubmitButton, TextField } from '~/components/forms';
import { LocaleSelect } from '~/components/locale-select';
import { TimeZoneSelect } from '~/components/time-zone-select';
import { apiClient, call } from '~/lib/api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { useForm } from '~/lib/use-form';
import { requireLocale } from '~/lib/params.server';
import { signupSchema } from '~/lib/schemas';
import { createUserSession, getOptionalUser } from '~/lib/session.server';
import { defaultTimeZone, otherTimeZones } from '~/lib/time-zones';

export const meta = titleMeta;

const fieldNames = ['email', 'password', 'nameLatin', 'nameArabic', 'locale', 'timeZone'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const user = await getOptionalUser(request, lang).catch(() => null);
  if (user) raise(redirect(`/${lang}/dashboard`));
  return json({ lang, title: fixedT(lang)('signup.title'), otherZones: otherTimeZones() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { submission } = await parseForm(request, signupSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(apiClient({ locale: lang, clientIp: context.clientIp }).POST('/api/auth/register', { body: submission.value }));
  if (!result.ok) return invalid(submission, result.problem, { fields: fieldNames });
  return createUserSession(request, result.data.token, `/${lang}/dashboard`);
}

export default function Signup() {
  const { lang, otherZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'signup',
    fields: fieldNames,
    lastResult: actionData?.result,
    defaultValue: { locale: lang, timeZone: defaultTimeZone },
  });
  return (
    <section className="narrow">
      <h1>{t('signup.title')}</h1>
      <p className="lead">{t('signup.lead')}</p>
      <Form method="post" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t('form.email')} type="email" autoComplete="email" dir="ltr" />
        <TextField field={fields.password} label={t('form.password')} type="password" hint={t('form.passwordHint')} autoComplete="new-password" dir="ltr" />
        <fieldset className="fieldset">
          <legend>{t('form.namesHint')}</legend>
          <TextField field={fields.nameArabic} label={t('form.nameArabic')} autoComplete="name" dir="rtl" />
          <TextField field={fields.nameLatin} label={t('form.nameLatin')} autoComplete="name" dir="ltr" />
        </fieldset>
        <LocaleSelect field={fields.locale} label={t('form.locale')} />
        <TimeZoneSelect field={fields.timeZone} otherZones={otherZones} />
        <p>
          <SubmitButton>{t('signup.submit')}</SubmitButton>
        </p>
      </Form>
      <p className="form-footer">
        {t('signup.haveAccount')} <Link to={`/${lang}/login`}>{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
