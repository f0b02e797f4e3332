import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SubmitButton, TextField } from '~/components/forms';
import { LocaleSelect } from '~/components/locale-select';
import { TimeZoneSelect } from '~/components/time-zone-select';
import { apiClient, call } from '~/lib/api.server';
import { formatDate } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { requireLocale } from '~/lib/params.server';
import { changePasswordSchema, profileSchema } from '~/lib/schemas';
import { requireUser } from '~/lib/session.server';
import { otherTimeZones } from '~/lib/time-zones';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user } = await requireUser(request, lang);
  return json({
    lang,
    title: fixedT(lang)('profile.title'),
    user: {
      email: user.email,
      nameLatin: user.nameLatin ?? '',
      nameArabic: user.nameArabic ?? '',
      locale: user.locale,
      timeZone: user.timeZone,
      memberSince: formatDate(user.createdAt, lang, user.timeZone),
    },
    otherZones: otherTimeZones(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent');
  if (intent === 'password') {
    const { submission } = await parseForm(request, changePasswordSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await call(api.POST('/api/me/password', { body: submission.value }));
    if (!result.ok) return invalid(submission, result.problem, { fields: ['currentPassword', 'newPassword'], intent });
    return json({ intent, result: submission.reply({ resetForm: true }), saved: true });
  }
  const { submission } = await parseForm(request, profileSchema);
  if (submission.status !== 'success') return invalid(submission, undefined, { intent: 'details' });
  // Empty names are sent as empty strings so a name can be removed (the api keeps at least one).
  const { nameLatin = '', nameArabic = '', ...rest } = submission.value;
  const result = await call(api.PATCH('/api/me', { body: { nameLatin, nameArabic, ...rest } }));
  if (!result.ok) return invalid(submission, result.problem, { fields: ['nameLatin', 'nameArabic', 'locale', 'timeZone'], intent: 'details' });
  return json({ intent: 'details', result: submission.reply(), saved: true });
}

export default function Profile() {
  const { user, otherZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [detailsForm, details] = useForm({
    id: 'profile-details',
    fields: ['nameLatin', 'nameArabic', 'locale', 'timeZone'],
    lastResult: actionData?.intent === 'details' ? actionData.result : undefined,
    defaultValue: { nameLatin: user.nameLatin, nameArabic: user.nameArabic, locale: user.locale, timeZone: user.timeZone },
  });
  const [passwordForm, password] = useForm({
    id: 'profile-password',
    fields: ['currentPassword', 'newPassword'],
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
  });
  const saved = (intent: string) => actionData?.intent === intent && 'saved' in actionData;
  return (
    <div className="narrow">
      <h1>{t('profile.title')}</h1>
      <p className="muted">
        <bdi>{user.email}</bdi> · {t('profile.memberSince', { date: user.memberSince })}
      </p>

      <section className="panel" aria-labelledby="details-title">
        <h2 id="details-title">{t('profile.detailsTitle')}</h2>
        {saved('details') ? <Notice>{t('profile.saved')}</Notice> : null}
        <Form method="post" action="?intent=details" className="form" key={detailsForm.key} {...detailsForm.props}>
          <CsrfInput />
          <FormErrors id={detailsForm.errorId} errors={detailsForm.errors} />
          <p className="hint">{t('form.namesHint')}</p>
          <TextField field={details.nameArabic} label={t('form.nameArabic')} autoComplete="name" dir="rtl" />
          <TextField field={details.nameLatin} label={t('form.nameLatin')} autoComplete="name" dir="ltr" />
          <LocaleSelect field={details.locale} label={t('form.locale')} />
          <TimeZoneSelect field={details.timeZone} otherZones={otherZones} />
          <p>
            <SubmitButton>{t('profile.saveDetails')}</SubmitButton>
          </p>
        </Form>
      </section>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t('profile.passwordTitle')}</h2>
        <p className="muted">{t('profile.passwordLead')}</p>
        {saved('password') ? <Notice>{t('profile.passwordSaved')}</Notice> : null}
        <Form method="post" action="?intent=password" className="form" key={passwordForm.key} {...passwordForm.props}>
          <CsrfInput />
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <TextField field={password.currentPassword} label={t('form.currentPassword')} type="password" autoComplete="current-password" dir="ltr" />
          <TextField field={password.newPassword} label={t('form.newPassword')} type="password" hint={t('form.passwordHint')} autoComplete="new-password" dir="ltr" />
          <p>
            <SubmitButton>{t('profile.savePassword')}</SubmitButton>
          </p>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
