import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, Notice, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronForward } from '~/components/icons';
import { LocaleSelect } from '~/components/locale-select';
import { MyCohorts, type MyCohortsOutcome } from '~/components/catalog-my-cohorts';
import { CirclesPanel } from '~/components/circles';
import { MyCertificates } from '~/components/certificates';
import { myCertificates } from '~/lib/certificates-api.server';
import certificateStyles from '~/styles/certificates.css?url';
import { loadCirclesPanel } from '~/lib/circles-api.server';
import { loadMyCohorts, MY_COHORTS_INTENTS, myCohortsAction, myOrganizations } from '~/lib/catalog-api.server';
import { apiClient, call } from '~/lib/api.server';
import { displayName } from '~/lib/format';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { titleMeta } from '~/lib/meta';
import { organizationKinds } from '~/lib/organizations';
import { notFound, requireLocale } from '~/lib/params.server';
import { createOrganizationSchema, inviteSchema } from '~/lib/schemas';
import { requireUser } from '~/lib/session.server';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;
export const links = () => [{ rel: 'stylesheet', href: certificateStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  const url = new URL(request.url);
  const organizations = await myOrganizations(user.organizations, lang);
  const [myCohorts, circles, certificates] = await Promise.all([
    loadMyCohorts(token, lang, organizations),
    loadCirclesPanel(token, lang, user),
    // A graduate's certificates; the panel is simply absent when there are none (or the api cannot say).
    myCertificates(token, lang).then((result) => (result.ok ? result.data : [])),
  ]);
  // Organizations this person manages get a panel of their own.
  const managed = organizations.filter((o) => o.role === 'manager').map(({ id, name }) => ({ id, name }));
  return json({
    lang,
    title: fixedT(lang)('dashboard.title'),
    name: displayName(user, lang),
    isAdmin: user.isAdmin,
    managed,
    // Cohorts this person runs or coaches (admins run them all): a summary here, the details under /manage.
    staffing: user.isAdmin || user.staffRoles.length > 0 ? { cohorts: new Set(user.staffRoles.map((s) => s.cohortId)).size } : null,
    myCohorts,
    organizations: organizations.map(({ id, name }) => ({ id, name })),
    circles,
    certificates,
    // `?withdraw={enrollmentId}` asks "are you sure?" in that cohort's row; `?done=` says what just happened.
    withdrawing: myCohorts.find((c) => c.canWithdraw && c.id === url.searchParams.get('withdraw'))?.id ?? null,
    myCohortsDone: (['withdrawn', 'consentGiven', 'consentWithdrawn', 'organizationNamed'] as const).find((d) => d === url.searchParams.get('done')),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  const intent = new URL(request.url).searchParams.get('intent');
  const myCohortsIntent = MY_COHORTS_INTENTS.find((i) => i === intent);
  if (myCohortsIntent) return myCohortsAction(request, lang, token, myCohortsIntent);
  if (!user.isAdmin) raise(notFound());
  const api = apiClient({ token, locale: lang });
  if (intent === 'createOrganization') {
    const { submission } = await parseForm(request, createOrganizationSchema);
    if (submission.status !== 'success') return invalid(submission, undefined, { intent });
    const v = submission.value;
    const result = await call(
      api.POST('/api/organizations', {
        body: {
          name: { ar: v.nameAr, en: v.nameEn, fr: v.nameFr },
          kind: v.kind,
          country: v.country,
          city: { ar: v.cityAr, en: v.cityEn },
          website: v.website,
        },
      }),
    );
    const aliases = { 'name.ar': 'nameAr', name: 'nameAr', 'city.ar': 'cityAr', city: 'cityAr', 'name.en': 'nameEn', 'name.fr': 'nameFr', 'city.en': 'cityEn' };
    if (!result.ok) {
      return invalid(submission, result.problem, { fields: ['nameAr', 'nameEn', 'nameFr', 'kind', 'country', 'cityAr', 'cityEn', 'website'], aliases, intent });
    }
    return json({ intent, result: submission.reply({ resetForm: true }), created: { id: result.data.id, name: result.data.displayName } });
  }
  const { submission } = await parseForm(request, inviteSchema);
  if (submission.status !== 'success') return invalid(submission, undefined, { intent: 'invite' });
  const result = await call(api.POST('/api/invitations', { body: { email: submission.value.email, locale: submission.value.locale } }));
  if (!result.ok) return invalid(submission, result.problem, { fields: ['email', 'locale'], intent: 'invite' });
  return json({ intent: 'invite', result: submission.reply({ resetForm: true }), invited: result.data.email });
}

function AdminPanel() {
  const { lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [inviteForm, invite] = useForm({
    id: 'admin-invite',
    fields: ['email', 'locale'],
    lastResult: actionData?.intent === 'invite' ? actionData.result : undefined,
    defaultValue: { locale: lang },
  });
  const [orgForm, org] = useForm({
    id: 'admin-create-organization',
    fields: ['nameAr', 'nameEn', 'nameFr', 'kind', 'country', 'cityAr', 'cityEn', 'website'],
    lastResult: actionData?.intent === 'createOrganization' ? actionData.result : undefined,
  });
  const invited = actionData && 'invited' in actionData ? String(actionData.invited) : null;
  const created = actionData && 'created' in actionData ? (actionData.created as { id: string; name: string }) : null;
  return (
    <section className="panel" aria-labelledby="admin-title">
      <h2 id="admin-title">{t('dashboard.admin.title')}</h2>
      <p>{t('dashboard.admin.text')}</p>

      <h3>{t('dashboard.admin.inviteTitle')}</h3>
      {invited ? <Notice>{t('members.invited', { email: invited })}</Notice> : null}
      <Form method="post" action="?intent=invite" className="form" key={inviteForm.key} {...inviteForm.props}>
        <CsrfInput />
        <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
        <TextField field={invite.email} label={t('form.email')} type="email" dir="ltr" />
        <LocaleSelect field={invite.locale} label={t('form.locale')} />
        <p>
          <SubmitButton>{t('members.inviteSubmit')}</SubmitButton>
        </p>
      </Form>

      <h3>{t('dashboard.admin.createOrgTitle')}</h3>
      {created ? (
        <Notice>
          {t('dashboard.admin.created')} <Link to={`/${lang}/organizations/${created.id}`}>{created.name}</Link>
        </Notice>
      ) : null}
      <Form method="post" action="?intent=createOrganization" className="form" key={orgForm.key} {...orgForm.props}>
        <CsrfInput />
        <FormErrors id={orgForm.errorId} errors={orgForm.errors} />
        <TextField field={org.nameAr} label={t('dashboard.admin.orgNameAr')} dir="rtl" />
        <TextField field={org.nameEn} label={t('dashboard.admin.orgNameEn')} dir="ltr" />
        <TextField field={org.nameFr} label={t('dashboard.admin.orgNameFr')} dir="ltr" />
        <SelectField field={org.kind} label={t('organizations.kind')}>
          <option value="" />
          {organizationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`organizations.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField field={org.country} label={t('organizations.country')} placeholder={t('organizations.countryPlaceholder')} dir="ltr" />
        <TextField field={org.cityAr} label={t('dashboard.admin.cityAr')} dir="rtl" />
        <TextField field={org.cityEn} label={t('dashboard.admin.cityEn')} dir="ltr" />
        <TextField field={org.website} label={t('dashboard.admin.website')} type="url" dir="ltr" placeholder="https://" />
        <p>
          <SubmitButton>{t('dashboard.admin.createOrgSubmit')}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

export default function Dashboard() {
  const { lang, name, isAdmin, managed, staffing, myCohorts, organizations, circles, certificates, withdrawing, myCohortsDone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const myCohortsOutcome: MyCohortsOutcome =
    actionData && 'enrollmentId' in actionData ? { enrollmentId: actionData.enrollmentId, errors: actionData.errors } : { done: myCohortsDone };
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      {certificates.length > 0 ? <MyCertificates certificates={certificates} lang={lang} /> : null}
      {circles ? <CirclesPanel data={circles} lang={lang} /> : null}
      {staffing ? (
        <section className="panel" aria-labelledby="staffing-title">
          <h2 id="staffing-title">{t('manage.dashboard.title')}</h2>
          <p>{isAdmin && staffing.cohorts === 0 ? t('manage.dashboard.admin') : t('manage.dashboard.count', { count: staffing.cohorts })}</p>
          <p>
            <Link className="button" to={`/${lang}/manage`}>
              {t('manage.dashboard.open')}
              <ChevronForward />
            </Link>
          </p>
        </section>
      ) : null}
      {staffing ? (
        <section className="panel" aria-labelledby="grading-title">
          <h2 id="grading-title">{t('grading.dashboard.title')}</h2>
          <p>{t('grading.dashboard.text')}</p>
          <p>
            <Link className="button" to={`/${lang}/grading`}>
              {t('grading.dashboard.open')}
              <ChevronForward />
            </Link>
          </p>
        </section>
      ) : null}
      {isAdmin ? <AdminPanel /> : null}
      {managed.map((organization) => (
        <section key={organization.id} className="panel" aria-labelledby={`org-${organization.id}`}>
          <h2 id={`org-${organization.id}`}>{t('dashboard.manager.title')}</h2>
          <p>{t('dashboard.manager.text')}</p>
          <p className="actions">
            <Link className="button" to={`/${lang}/organizations/${organization.id}`}>
              {t('dashboard.manager.open', { name: organization.name })}
              <ChevronForward />
            </Link>
            <Link className="button" to={`/${lang}/organizations/${organization.id}/seats`}>
              {t('seats.dashboardLink')}
              <ChevronForward />
            </Link>
            <Link className="button" to={`/${lang}/organizations/${organization.id}/staff`}>
              {t('partners.dashboardLink')}
              <ChevronForward />
            </Link>
          </p>
        </section>
      ))}
      {/* Trainees see their cohorts; everyone else only once they have joined one. */}
      {myCohorts.length > 0 || (!isAdmin && managed.length === 0) ? (
        <MyCohorts cohorts={myCohorts} organizations={organizations} lang={lang} withdrawing={withdrawing} outcome={myCohortsOutcome} />
      ) : null}
      <nav className="panel" aria-labelledby="links-title">
        <h2 id="links-title">{t('dashboard.links.title')}</h2>
        <ul className="panel-links">
          <li>
            <Link to={`/${lang}/courses`}>
              {t('catalog.shortcut')}
              <ChevronForward />
            </Link>
          </li>
          <li>
            <Link to={`/${lang}/profile`}>
              {t('dashboard.links.profile')}
              <ChevronForward />
            </Link>
          </li>
          <li>
            <Link to={`/${lang}/organizations`}>
              {t('dashboard.links.organizations')}
              <ChevronForward />
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
