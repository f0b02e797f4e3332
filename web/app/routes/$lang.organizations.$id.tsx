import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack, ChevronForward } from '~/components/icons';
import { Pagination } from '~/components/pagination';
import { LocaleSelect } from '~/components/locale-select';
import { apiClient, call, type OrganizationMember } from '~/lib/api.server';
import { displayName, formatCountry, formatDate } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { problemToFormErrors, type Problem } from '~/lib/problem';
import { raise } from '~/lib/http.server';
import { titleMeta } from '~/lib/meta';
import { localizedText, memberRoles, pageCount } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { changeRoleSchema, inviteSchema, removeMemberSchema } from '~/lib/schemas';
import { getOptionalUser, getToken, requireUser } from '~/lib/session.server';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;

const membersPageSize = 20;

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
  const url = new URL(request.url);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  let members: OrganizationMember[] = [];
  let total = 0;
  if (canManage && token) {
    const result = await call(
      apiClient({ token, locale: lang }).GET('/api/organizations/{id}/members', { params: { path: { id }, query: { page, pageSize: membersPageSize } } }),
    );
    if (result.ok) {
      members = result.data.items;
      total = result.data.total;
    }
  }
  // `?remove={userId}` asks "are you sure?" on the page itself, so removing works without JavaScript too.
  const removing = members.find((m) => m.user.id === url.searchParams.get('remove') && m.user.id !== user?.id);
  const o = org.data;
  return json({
    lang,
    title: o.displayName,
    organization: {
      id,
      name: o.displayName,
      kind: o.kind,
      location: { city: o.displayCity, country: formatCountry(o.country, lang) },
      description: localizedText(o.description, lang),
      website: o.website,
    },
    canManage,
    // Managers invite staff only (the api refuses anything else); admins choose.
    inviteRoles: user?.isAdmin ? memberRoles : (['staff'] as const),
    selfId: user?.id ?? null,
    page,
    pages: pageCount(total, membersPageSize),
    total,
    removing: removing ? { id: removing.user.id, name: displayName(removing.user, lang), email: removing.user.email } : null,
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
    if (!result.ok) return json({ intent, userId: submission.value.userId, errors: memberErrors(result.problem) }, { status: result.problem.status });
    return json({ intent, result: submission.reply(), done: 'roleChanged' as const, email: null });
  }
  if (intent === 'remove') {
    const { submission } = await parseForm(request, removeMemberSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const { userId } = submission.value;
    const result = await call(api.DELETE('/api/organizations/{id}/members/{userId}', { params: { path: { id, userId } } }));
    // 409 organization.last_manager (and any other refusal) is shown in that member's row, in the api's words.
    if (!result.ok) return json({ intent, userId, errors: memberErrors(result.problem) }, { status: result.problem.status });
    return json({ intent, result: submission.reply(), done: 'removed' as const, email: null });
  }
  const { submission } = await parseForm(request, inviteSchema);
  if (submission.status !== 'success') return invalid(submission, undefined, { intent: 'invite' });
  const result = await call(api.POST('/api/invitations', { body: { ...submission.value, organizationId: id } }));
  if (!result.ok) return invalid(submission, result.problem, { fields: ['email', 'locale', 'role'], intent: 'invite' });
  return json({ intent: 'invite', result: submission.reply({ resetForm: true }), done: 'invited' as const, email: result.data.email });
}

/** The api's localized explanation of why a change to a member was refused. */
function memberErrors(problem: Problem): string[] {
  const { formErrors, fieldErrors } = problemToFormErrors(problem, []);
  return [...formErrors, ...Object.values(fieldErrors).flat()];
}

type Member = { id: string; name: string; email: string; role: string; joined: string };

function MemberRow({ member, self, errors }: { member: Member; self: boolean; errors?: string[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pageQuery = new URLSearchParams(location.search).get('page');
  const keep = pageQuery ? `&page=${encodeURIComponent(pageQuery)}` : '';
  const errorId = `member-${member.id}-errors`;
  return (
    <li aria-describedby={errors?.length ? errorId : undefined}>
      <div className="member-who">
        <strong>
          <bdi>{member.name}</bdi>
        </strong>
        <span className="muted">
          <bdi dir="ltr">{member.email}</bdi>
        </span>
        <span className="muted">{t('members.joined', { date: member.joined })}</span>
      </div>
      {errors?.length ? (
        <div id={errorId} className="notice notice-error" role="alert">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <div className="member-actions">
        <Form method="post" action={`?intent=changeRole${keep}`} className="inline-form">
          <CsrfInput />
          <input type="hidden" name="userId" value={member.id} />
          <label className="visually-hidden" htmlFor={`role-${member.id}`}>
            {t('members.roleOf', { name: member.name })}
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
        {self ? (
          <span className="muted">{t('members.you')}</span>
        ) : (
          <Link className="button danger" to={`?remove=${member.id}${keep}#remove-title`} aria-label={t('members.removeOf', { name: member.name })}>
            {t('members.remove')}
          </Link>
        )}
      </div>
    </li>
  );
}

function RemoveConfirmation({ member }: { member: { id: string; name: string; email: string } }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pageQuery = new URLSearchParams(location.search).get('page');
  const keep = pageQuery ? `&page=${encodeURIComponent(pageQuery)}` : '';
  return (
    <section className="panel confirm" aria-labelledby="remove-title" role="alertdialog">
      <h3 id="remove-title">{t('members.removeTitle', { name: member.name })}</h3>
      <p>{t('members.removeText', { name: member.name, email: member.email })}</p>
      <Form method="post" action={`?intent=remove${keep}`} className="actions">
        <CsrfInput />
        <input type="hidden" name="userId" value={member.id} />
        <button type="submit" className="button danger">
          {t('members.removeConfirm')}
        </button>
        <Link className="button" to={pageQuery ? `?page=${encodeURIComponent(pageQuery)}` : '.'} preventScrollReset>
          {t('members.removeCancel')}
        </Link>
      </Form>
    </section>
  );
}

export default function OrganizationPage() {
  const { lang, organization, canManage, inviteRoles, members, selfId, page, pages, total, removing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'invite-staff',
    fields: ['email', 'role', 'locale'],
    lastResult: actionData?.intent === 'invite' && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { locale: lang, role: 'staff' },
  });
  const invitedEmail = actionData && 'email' in actionData && typeof actionData.email === 'string' ? actionData.email : null;
  const done = actionData && 'done' in actionData ? actionData.done : null;
  const refused = actionData && 'errors' in actionData ? { userId: actionData.userId, errors: actionData.errors } : null;
  // A refusal for someone not on this page (or a malformed request) still needs saying: at the top of the list.
  const unplaced = refused && !members.some((m) => m.id === refused.userId) ? refused.errors : undefined;
  const memberFormErrors =
    actionData && actionData.intent !== 'invite' && 'result' in actionData && actionData.result.error
      ? Object.values(actionData.result.error).flatMap((e) => e ?? [])
      : undefined;
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
          <p className="actions">
            <Link className="button" to={`/${lang}/organizations/${organization.id}/staff`}>
              {t('partners.dashboardLink')}
              <ChevronForward />
            </Link>
            <Link className="button" to={`/${lang}/organizations/${organization.id}/seats`}>
              {t('seats.dashboardLink')}
              <ChevronForward />
            </Link>
          </p>
          <section className="panel" aria-labelledby="members-title">
            <h2 id="members-title">{t('members.title')}</h2>
            <p className="muted">{t('members.count', { count: total })}</p>
            {done === 'roleChanged' ? <Notice>{t('members.roleChanged')}</Notice> : null}
            {done === 'removed' ? <Notice>{t('members.removed')}</Notice> : null}
            <FormErrors id="member-errors" errors={unplaced ?? memberFormErrors} />
            {removing ? <RemoveConfirmation member={removing} /> : null}
            <ul className="member-list">
              {members.map((member) => (
                <MemberRow
                  key={member.id}
                  member={member}
                  self={member.id === selfId}
                  errors={refused?.userId === member.id ? refused.errors : undefined}
                />
              ))}
            </ul>
            <Pagination page={page} pages={pages} />
          </section>

          <section className="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{t('members.inviteTitle')}</h2>
            <p className="muted">{t('members.inviteLead')}</p>
            {invitedEmail ? <Notice>{t('members.invited', { email: invitedEmail })}</Notice> : null}
            <Form method="post" action="?intent=invite" className="form" key={form.key} {...form.props}>
              <CsrfInput />
              <FormErrors id={form.errorId} errors={form.errors} />
              <TextField field={fields.email} label={t('form.email')} type="email" dir="ltr" />
              <SelectField field={fields.role} label={t('members.role')}>
                {inviteRoles.map((role) => (
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
