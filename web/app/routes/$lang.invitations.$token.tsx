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
import { useForm } from '~/lib/use-form';
import { requireLocale } from '~/lib/params.server';
import { acceptInvitationExistingSchema, acceptInvitationSchema } from '~/lib/schemas';
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
  const api = apiClient({ locale: lang });
  const path = { token: params.token ?? '' };
  // Which form was shown is the api's call, not the browser's: ask again rather than trust a hidden field.
  const shown = await call(api.GET('/api/invitations/{token}', { params: { path } }));
  if (shown.ok && shown.data.accountExists) {
    const { submission } = await parseForm(request, acceptInvitationExistingSchema);
    if (submission.status !== 'success') return invalid(submission);
    // A wrong password is 401 auth.invalid_credentials, too many tries 429 auth.rate_limited: both come back as
    // the api's localized detail at the top of the form.
    const result = await call(api.POST('/api/invitations/{token}/accept', { params: { path }, body: { password: submission.value.password } }));
    if (!result.ok) return invalid(submission, result.problem, { fields: ['password'] });
    return createUserSession(request, result.data.token, `/${lang}/dashboard`);
  }
  const { submission } = await parseForm(request, acceptInvitationSchema);
  if (submission.status !== 'success') return invalid(submission);
  const result = await call(api.POST('/api/invitations/{token}/accept', { params: { path }, body: submission.value }));
  if (!result.ok) return invalid(submission, result.problem, { fields });
  return createUserSession(request, result.data.token, `/${lang}/dashboard`);
}

export default function AcceptInvitation() {
  const { lang, invitation, otherZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, formFields] = useForm({
    id: 'accept-invitation',
    fields,
    lastResult: actionData?.result,
    defaultValue: { locale: lang, timeZone: defaultTimeZone },
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
      {invitation.accountExists ? (
        <Form method="post" className="form" key={form.key} {...form.props}>
          <CsrfInput />
          <p>{t('invitation.existingLead')}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField field={formFields.password} label={t('form.password')} type="password" autoComplete="current-password" dir="ltr" />
          <p>
            <SubmitButton>{t('invitation.submitExisting')}</SubmitButton>
          </p>
          <p className="form-footer">
            <Link to={`/${lang}/forgot-password`}>{t('invitation.forgotPassword')}</Link>
          </p>
        </Form>
      ) : (
        <Form method="post" className="form" key={form.key} {...form.props}>
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
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
