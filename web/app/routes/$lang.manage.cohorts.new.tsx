import { json, type LinksFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import manageStyles from '~/styles/manage.css?url';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CohortFields, questionRowsFrom } from '~/components/cohort-fields';
import { ErrorPage } from '~/components/errors';
import { CsrfInput, FormErrors, SelectField, SubmitButton, TextField } from '~/components/forms';
import { ChevronBack } from '~/components/icons';
import { apiClient, call } from '~/lib/api.server';
import { invalid, parseForm } from '~/lib/form.server';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { cohortBody, cohortFieldAliases, cohortRuleErrors, createCohortSchema } from '~/lib/manage-schemas';
import { cohortProblemFields, invalidWithRules, problemOnField } from '~/lib/manage.server';
import { cohortFormFields } from '~/lib/manage';
import { titleMeta } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import { requireUser } from '~/lib/session.server';
import { defaultTimeZone, otherTimeZones } from '~/lib/time-zones';
import { useForm } from '~/lib/use-form';

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: manageStyles }];

/** Admins and trainers (lead trainers of at least one cohort) create cohorts; for anyone else the page does not exist. */
function mayCreate(user: { isAdmin: boolean; staffRoles: { role: string }[] }): boolean {
  return user.isAdmin || user.staffRoles.some((staff) => staff.role === 'lead_trainer');
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const { user } = await requireUser(request, lang);
  if (!mayCreate(user)) raise(notFound());
  const courses = await call(apiClient({ locale: lang }).GET('/api/courses', { params: { query: { pageSize: 100 } } }));
  return json({
    lang,
    title: fixedT(lang)('manage.new.title'),
    isAdmin: user.isAdmin,
    timeZone: user.timeZone || defaultTimeZone,
    courses: courses.ok ? courses.data.items.map((course) => ({ slug: course.slug, title: course.displayTitle })) : [],
    otherZones: otherTimeZones(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLocale(params);
  const { user, token } = await requireUser(request, lang);
  if (!mayCreate(user)) raise(notFound());
  const { submission, formData } = await parseForm(request, createCohortSchema);
  const ruleErrors = cohortRuleErrors(formData);
  if (submission.status !== 'success' || Object.keys(ruleErrors).length > 0) return invalidWithRules(submission, ruleErrors);
  const { courseSlug, leadTrainerEmail } = submission.value;
  const result = await call(
    apiClient({ token, locale: lang }).POST('/api/cohorts', {
      body: { courseSlug, ...cohortBody(submission.value), ...(user.isAdmin && leadTrainerEmail ? { leadTrainerEmail } : {}) },
    }),
  );
  if (!result.ok) return invalid(submission, problemOnField(result.problem, cohortProblemFields), { fields: cohortFormFields, aliases: cohortFieldAliases });
  return redirect(`/${lang}/manage/cohorts/${result.data.id}?created=1`);
}

export default function NewCohort() {
  const { lang, isAdmin, courses, otherZones, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'new-cohort',
    fields: cohortFormFields,
    lastResult: actionData?.result,
    defaultValue: { timeZone, place: 'city', enrollmentMode: 'application', capacity: '25' },
  });
  const questions = questionRowsFrom(actionData?.result.initialValue) ?? [];
  return (
    <div className="narrow">
      <p>
        <Link className="back-link" to={`/${lang}/manage`}>
          <ChevronBack />
          {t('manage.back')}
        </Link>
      </p>
      <h1>{t('manage.new.title')}</h1>
      <p className="muted">{t('manage.new.lead')}</p>
      <Form method="post" className="form" key={form.key} {...form.props}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.courseSlug} label={t('manage.form.course')} hint={t('manage.form.courseHint')}>
          <option value="" />
          {courses.map((course) => (
            <option key={course.slug} value={course.slug}>
              {course.title}
            </option>
          ))}
        </SelectField>
        <CohortFields formId={form.id} fields={fields} otherZones={otherZones} questions={questions} />
        {isAdmin ? (
          <TextField field={fields.leadTrainerEmail} label={t('manage.form.leadTrainerEmail')} hint={t('manage.form.leadTrainerHint')} type="email" dir="ltr" />
        ) : null}
        <p>
          <SubmitButton>{t('manage.new.submit')}</SubmitButton>
        </p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
