import { z } from 'zod';
import { email } from './schemas';
import { enrollmentModes, enrollmentStatuses, maxQuestionRows, newQuestionKey, staffRoles } from './manage';
import { isValidTimeZone } from './time-zones';

// Forms of the management pages (cohorts, applications, seats). Validated by the actions only; messages are
// catalog keys (`validation.*`, `manage.validation.*`) that the form components translate.

const required = { required_error: 'validation.required', invalid_type_error: 'validation.required' };
const text = (max: number) => z.string().trim().max(max, 'manage.validation.tooLong').optional();
const day = z.string(required).regex(/^\d{4}-\d{2}-\d{2}$/, 'manage.validation.date');
const id = z.string(required).trim().min(1).max(100);

const questionShape: Record<string, z.ZodTypeAny> = {};
for (let row = 1; row <= maxQuestionRows; row += 1) {
  questionShape[`q${row}Key`] = text(100);
  questionShape[`q${row}Ar`] = text(500);
  questionShape[`q${row}En`] = text(500);
  questionShape[`q${row}Fr`] = text(500);
  questionShape[`q${row}Required`] = z.literal('on').optional();
}

const cohortShape = {
  nameAr: text(200),
  nameEn: text(200),
  nameFr: text(200),
  startsOn: day,
  endsOn: day,
  timeZone: z.string(required).refine(isValidTimeZone, 'validation.timeZone'),
  place: z.enum(['online', 'city'], { errorMap: () => ({ message: 'manage.validation.place' }) }),
  cityAr: text(120),
  cityEn: text(120),
  cityFr: text(120),
  capacity: z.coerce.number(required).int('manage.validation.capacity').min(1, 'manage.validation.capacity').max(10_000, 'manage.validation.capacity'),
  enrollmentMode: z.enum(enrollmentModes, { errorMap: () => ({ message: 'manage.validation.mode' }) }),
  ...questionShape,
};

type CohortValues = {
  nameAr?: string;
  nameEn?: string;
  nameFr?: string;
  startsOn: string;
  endsOn: string;
  place: 'online' | 'city';
  cityAr?: string;
  cityEn?: string;
  cityFr?: string;
  [key: string]: unknown;
};

/**
 * Rules across fields (a name in some language, a city unless online, the last day not before the first),
 * checked on the raw form so they are reported together with every other field's message: zod skips an
 * object's refinements as soon as one field is wrong.
 */
export function cohortRuleErrors(formData: FormData): Record<string, string[]> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const errors: Record<string, string[]> = {};
  if (!text('nameAr') && !text('nameEn') && !text('nameFr')) errors.nameAr = ['manage.validation.nameRequired'];
  if (text('place') === 'city' && !text('cityAr') && !text('cityEn') && !text('cityFr')) errors.cityAr = ['manage.validation.cityRequired'];
  const startsOn = text('startsOn');
  const endsOn = text('endsOn');
  if (/^\d{4}-\d{2}-\d{2}$/.test(startsOn) && /^\d{4}-\d{2}-\d{2}$/.test(endsOn) && endsOn < startsOn) errors.endsOn = ['manage.validation.endsBeforeStart'];
  return errors;
}

export const createCohortSchema = z.object({
    courseSlug: z.string(required).trim().min(1, 'validation.required').max(200),
    leadTrainerEmail: email.optional(),
    ...cohortShape,
  });

export const updateCohortSchema = z.object(cohortShape);

/** The per-locale text of a form's ar/en/fr inputs, without the blank ones. */
export function localized(ar?: string, en?: string, fr?: string): { ar?: string; en?: string; fr?: string } {
  return { ...(ar ? { ar } : {}), ...(en ? { en } : {}), ...(fr ? { fr } : {}) };
}

export interface QuestionInput {
  key: string;
  label: { ar?: string; en?: string; fr?: string };
  required: boolean;
}

/** The application questions typed in the editor's rows, in order; rows with no label in any language are ignored. */
export function questionsFrom(values: Record<string, unknown>): QuestionInput[] {
  const rows: { key?: string; label: QuestionInput['label']; required: boolean }[] = [];
  for (let row = 1; row <= maxQuestionRows; row += 1) {
    const label = localized(values[`q${row}Ar`] as string | undefined, values[`q${row}En`] as string | undefined, values[`q${row}Fr`] as string | undefined);
    if (Object.keys(label).length === 0) continue;
    rows.push({ key: values[`q${row}Key`] as string | undefined, label, required: values[`q${row}Required`] === 'on' });
  }
  // Existing questions keep their key (answers are stored under it); new ones get the next free `question-n`.
  const taken = new Set(rows.flatMap((row) => (row.key ? [row.key] : [])));
  return rows.map((row) => {
    if (row.key) return { ...row, key: row.key };
    const key = newQuestionKey(taken);
    taken.add(key);
    return { ...row, key };
  });
}

/** The body of `POST /api/cohorts` and `PATCH /api/cohorts/{id}` from a validated form. */
export function cohortBody(value: z.infer<typeof updateCohortSchema>) {
  const v = value as CohortValues & { timeZone: string; capacity: number; enrollmentMode: (typeof enrollmentModes)[number]; cityFr?: string };
  return {
    name: localized(v.nameAr, v.nameEn, v.nameFr),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    timeZone: v.timeZone,
    online: v.place === 'online',
    ...(v.place === 'city' ? { city: localized(v.cityAr, v.cityEn, v.cityFr) } : {}),
    capacity: v.capacity,
    enrollmentMode: v.enrollmentMode,
    applicationQuestions: questionsFrom(v),
  };
}

/** The api's field names mapped to this form's inputs, so its messages land next to the right field. */
export const cohortFieldAliases: Record<string, string> = {
  name: 'nameAr',
  'name.ar': 'nameAr',
  'name.en': 'nameEn',
  'name.fr': 'nameFr',
  city: 'cityAr',
  'city.ar': 'cityAr',
  'city.en': 'cityEn',
  'city.fr': 'cityFr',
  online: 'place',
};


export const statusSchema = z.object({ status: z.enum(['draft', 'open', 'running', 'completed']) });

export const addStaffSchema = z.object({ email, role: z.enum(staffRoles, { errorMap: () => ({ message: 'validation.role' }) }) });

export const userIdSchema = z.object({ userId: id });

export const seatsSchema = z.object({
  organizationId: id,
  seats: z.coerce.number(required).int('manage.validation.seats').min(1, 'manage.validation.seats').max(10_000, 'manage.validation.seats'),
});

export const organizationIdSchema = z.object({ organizationId: id });

export const inviteCodeSchema = z.object({
  maxUses: z.coerce.number().int('manage.validation.maxUses').min(1, 'manage.validation.maxUses').max(100_000, 'manage.validation.maxUses').optional(),
  expiresOn: day.optional(),
});

export const codeIdSchema = z.object({ codeId: id });

export const decisionSchema = z.object({
  decision: z.enum(['accept', 'reject']),
  // One checkbox sends a string, several an array; none is a mistake worth saying.
  enrollmentIds: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(id, { required_error: 'manage.validation.noneSelected' }).min(1, 'manage.validation.noneSelected').max(200),
  ),
});

export const quotaSchema = z.object({
  by: z.enum(['organization', 'city'], { errorMap: () => ({ message: 'manage.validation.quotaBy' }) }),
  perGroup: z.coerce.number(required).int('manage.validation.perGroup').min(1, 'manage.validation.perGroup').max(10_000, 'manage.validation.perGroup'),
});

export const enrollmentIdSchema = z.object({ enrollmentId: id });

/** Roster filters from the query string; anything malformed is dropped rather than refused. */
export const rosterQuerySchema = z.object({
  status: z.enum(enrollmentStatuses).optional().catch(undefined),
  organizationId: z.string().trim().uuid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
