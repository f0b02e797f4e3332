import { getFormProps, useForm } from '@conform-to/react';
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { LocaleSelect } from '~/components/locale-select';
import { apiClient, call, type OrganizationMember } from '~/lib/api.server';
import { displayName, formatCountry, formatDate } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { titleMeta } from '~/lib/meta';
import { localizedText, memberRoles } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { changeRoleSchema, inviteSchema } from '~/lib/schemas';
import { getOptionalUser, getToken, requireUser } from '~/lib/session.server';
import { useValidator } from '~/lib/use-validator';

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const [org, user, token] = await Promise.all([
    call(apiClient({ locale: lang }).GET('/api/organizations/{id}', { params: { path: { id } } })),
    getOptionalUser(request, lang),
    getToken(request),
  ]);
  if (!org.ok) raise(notFound());
  const canManage = Boolean(user && (user.isAdmin || user.organizations.some((m) => m.id === id && m.role === 'manager')));
  let members: OrganizationMember[] = [];
  if (canManage && token) {
    const result = await call(apiClient({ token, locale: lang }).GET('/api/organizations/{id}/members', { params: { path: { id } } }));
    if (result.ok) members = result.data.items;
  }
  const o = org.data;
  return json({
    lang,
    title: o.displayName,
    organization: {
      name: o.displayName,
      kind: o.kind,
      location: { city: o.displayCity, country: formatCountry(o.country, lang) },
      description: localizedText(o.description, lang),
      website: o.website,
    },
    canManage,
    selfId: user?.id ?? null,
    members: members.map((m) => ({
      id: m.user.id,
      name: displayName(m.user, lang),
      email: m.user.email,
      role: m.role,
      joined: formatDate(m.joinedAt, lang, user?.timeZone),
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  const { token } = await requireUser(request, lang);
  const api = apiClient({ token, locale: lang });
  const intent = new URL(request.url).searchParams.get('intent');
  if (intent === 'changeRole') {
    const { submission } = await parseForm(request, changeRoleSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const result = await call(
      api.PATCH('/api/organizations/{id}/members/{userId}', {
        params: { path: { id, userId: submission.value.userId } },
        body: { role: submission.value.role },
      }),
    );
    if (!result.ok) return invalid(submission, result.problem, { fields: ['role'], intent });
    return json({ intent, result: submission.reply(), done: 'roleChanged' as const, email: null });
  }
  const { submission } = await parseForm(request, inviteSchema);
  if (submission.status !== 'success') return invalid(submission, undefined, { intent: 'invite' });
  const result = await call(api.POST('/api/invitations', { body: { ...submission.value, organizationId: id } }));
  if (!result.ok) return invalid(submission, result.problem, { fields: ['email', 'locale', 'role'], intent: 'invite' });
  return json({ intent: 'invite', result: submission.reply({ resetForm: true }), done: 'invited' as const, email: result.data.email });
}

function MemberRow({ member, self }: { member: { id: string; name: string; email: string; role: string; joined: string }; self: boolean }) {
  const { t } = useTranslation();
  return (
    <li>
      <div>
        <strong>
          <bdi>{member.name}</bdi>
        </strong>
        <div className="muted">
          <bdi>{member.email}</bdi> · {t('members.joined', { date: member.joined })}
        </div>
      </div>
      <Form method="post" action="?intent=changeRole">
        <CsrfInput />
        <input type="hidden" name="userId" value={member.id} />
        <label className="visually-hidden" htmlFor={`role-${member.id}`}>
          {t('members.role')}
        </label>
        <select id={`role-${member.id}`} name="role" defaultValue={member.role} disabled={self}>
          {memberRoles.map((role) => (
            <option key={role} value={role}>
              {t(`members.roles.${role}`)}
            </option>
          ))}
        </select>
        {self ? null : (
          <button type="submit" className="button">
            {t('members.changeRole')}
          </button>
        )}
      </Form>
    </li>
  );
}

export default function OrganizationPage() {
  const { lang, organization, canManage, members, selfId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const validate = useValidator('invite');
  const [form, fields] = useForm({
    id: 'invite-staff',
    lastResult: actionData?.intent === 'invite' ? actionData.result : undefined,
    defaultValue: { locale: lang, role: 'staff' },
    shouldValidate: 'onBlur',
    onValidate: validate ? ({ formData }) => validate(formData) : undefined,
  });
  const invitedEmail = actionData && 'email' in actionData && typeof actionData.email === 'string' ? actionData.email : null;
  const roleError = actionData?.intent === 'changeRole' && !('done' in actionData) ? actionData.result.error : undefined;
  return (
    <>
      <p>
        <Link className="back-link" to={`/${lang}/organizations`}>
          <ChevronBack />
          {t('organizations.back')}
        </Link>
      </p>
      <h1>{organization.name}</h1>
      <p className="org-meta">
        <span className="tag">{t(`organizations.kinds.${organization.kind}`)}</span>
        {t('organizations.location', organization.location)}
      </p>
      {organization.description ? <p>{organization.description}</p> : null}
      {organization.website ? (
        <p>
          {t('organizations.website')}:{' '}
          <a href={organization.website} rel="noopener noreferrer nofollow" dir="ltr">
            {organization.website.replace(/^https?:\/\//, '')}
          </a>
        </p>
      ) : null}

      {canManage ? (
        <>
          <section className="panel" aria-labelledby="members-title">
            <h2 id="members-title">{t('members.title')}</h2>
            <p className="muted">{t('members.count', { count: members.length })}</p>
            {actionData && 'done' in actionData && actionData.done === 'roleChanged' ? <Notice>{t('members.roleChanged')}</Notice> : null}
            {roleError ? <FormErrors id="role-errors" errors={Object.values(roleError).flatMap((e) => e ?? [])} /> : null}
            <ul className="member-list">
              {members.map((member) => (
                <MemberRow key={member.id} member={member} self={member.id === selfId} />
              ))}
            </ul>
          </section>

          <section className="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{t('members.inviteTitle')}</h2>
            <p className="muted">{t('members.inviteLead')}</p>
            {invitedEmail ? (
              <Notice>{t('members.invited', { email: invitedEmail })}</Notice>
            ) : null}
            <Form method="post" action="?intent=invite" className="form" {...getFormProps(form)}>
              <CsrfInput />
              <FormErrors id={form.errorId} errors={form.errors} />
              <TextField field={fields.email} label={t('form.email')} type="email" dir="ltr" />
              <SelectField field={fields.role} label={t('members.role')}>
                {memberRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`members.roles.${role}`)}
                  </option>
                ))}
              </SelectField>
              <LocaleSelect field={fields.locale} label={t('form.locale')} />
              <p>
                <SubmitButton>{t('members.inviteSubmit')}</SubmitButton>
              </p>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
