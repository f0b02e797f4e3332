import { getFormProps, useForm } from '@conform-to/react';
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, SubmitButton, TextField } from '~/components/forms';
import { LocaleSelect } from '~/components/locale-select';
import { TimeZoneSelect } from '~/components/time-zone-select';
import { apiClient, call } from '~/lib/api.server';
import { formatDate } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { useValidator } from '~/lib/use-validator';
import { requireLocale } from '~/lib/params.server';
import { acceptInvitationSchema } from '~/lib/schemas';
import { createUserSession } from '~/lib/session.server';
import { defaultTimeZone, otherTimeZones } from '~/lib/time-zones';

export const meta = titleMeta;

const fields = ['password', 'nameLatin', 'nameArabic', 'locale', 'timeZone'] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const t = fixedT(lang);
  const result = await call(apiClient({ locale: lang }).GET('/api/invitations/{token}', { params: { path: { token: params.token ?? '' } } }));
  // Unknown, used and expired invitations all answer 404; the page explains instead of erroring.
  return json(
    { lang, title: t('invitation.title'), invitation: result.ok ? result.data : null, otherZones: result.ok ? otherTimeZones() : [] },
    { status: result.ok ? 200 : 404 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { submission } = await parseForm(request, acceptInvitationSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(
    apiClient({ locale: lang }).POST('/api/invitations/{token}/accept', {
      params: { path: { token: params.token ?? '' } },
      body: submission.value,
    }),
  );
  if (!result.ok) return invalid(submission, result.problem, { fields });
  return createUserSession(request, result.data.token, `/${lang}/dashboard`);
}

export default function AcceptInvitation() {
  const { lang, invitation, otherZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const validate = useValidator('acceptInvitation');
  const [form, formFields] = useForm({
    id: 'accept-invitation',
    lastResult: actionData?.result,
    defaultValue: { locale: lang, timeZone: defaultTimeZone },
    shouldValidate: 'onBlur',
    onValidate: validate ? ({ formData }) => validate(formData) : undefined,
  });
  if (!invitation) {
    return (
      <section className="panel narrow" role="alert">
        <h1>{t('invitation.invalidTitle')}</h1>
        <p>{t('invitation.invalidText')}</p>
        <p>
          <Link to={`/${lang}`}>{t('errors.backHome')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">
        {invitation.organization
          ? t('invitation.leadOrganization', {
              organization: invitation.organization.name,
              role: t(`members.roles.${invitation.role ?? 'staff'}`),
            })
          : t('invitation.leadPlatform')}
      </p>
      <p className="muted">
        {t('invitation.for', { email: invitation.email, date: formatDate(invitation.expiresAt, lang) })}
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={formFields.password} label={t('form.password')} type="password" hint={t('form.passwordHint')} autoComplete="new-password" dir="ltr" />
        <fieldset className="fieldset">
          <legend>{t('form.namesHint')}</legend>
          <TextField field={formFields.nameArabic} label={t('form.nameArabic')} autoComplete="name" dir="rtl" />
          <TextField field={formFields.nameLatin} label={t('form.nameLatin')} autoComplete="name" dir="ltr" />
        </fieldset>
        <LocaleSelect field={formFields.locale} label={t('form.locale')} />
        <TimeZoneSelect field={formFields.timeZone} otherZones={otherZones} />
        <p>
          <SubmitButton>{t('invitation.submit')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
