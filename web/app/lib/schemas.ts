import { z } from 'zod';
import { locales } from './locale';
import { organizationKinds } from './organizations';
import { isValidTimeZone } from './time-zones';

// One schema per form, used by conform on the server (the action) and in the browser (instant feedback).
// Messages are catalog keys; the form components translate them.

const required = { required_error: 'validation.required', invalid_type_error: 'validation.required' };

export const email = z.string(required).trim().max(254, 'validation.email').email('validation.email');
export const newPassword = z.string(required).min(10, 'validation.passwordTooShort').max(200, 'validation.passwordTooLong');
const name = z.string().trim().max(200, 'validation.nameTooLong').optional();
export const locale = z.enum(locales, { errorMap: () => ({ message: 'validation.locale' }) });
export const timeZone = z.string(required).refine(isValidTimeZone, 'validation.timeZone');

function atLeastOneName(value: { nameLatin?: string; nameArabic?: string }, ctx: z.RefinementCtx) {
  if (!value.nameLatin && !value.nameArabic) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['nameLatin'], message: 'validation.nameRequired' });
  }
}

export const loginSchema = z.object({ email, password: z.string(required).max(200, 'validation.passwordTooLong') });

export const signupSchema = z
  .object({ email, password: newPassword, nameLatin: name, nameArabic: name, locale, timeZone })
  .superRefine(atLeastOneName);

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({ password: newPassword });

export const acceptInvitationSchema = z
  .object({ password: newPassword, nameLatin: name, nameArabic: name, locale, timeZone })
  .superRefine(atLeastOneName);

/** Accepting for an email that already has an account: only that account's password (checked by the api). */
export const acceptInvitationExistingSchema = z.object({ password: z.string(required).max(200, 'validation.passwordTooLong') });

export const profileSchema = z
  .object({ nameLatin: name, nameArabic: name, locale, timeZone })
  .superRefine(atLeastOneName);

export const changePasswordSchema = z.object({
  currentPassword: z.string(required).max(200, 'validation.passwordTooLong'),
  newPassword,
});

export const memberRole = z.enum(['manager', 'staff'], { errorMap: () => ({ message: 'validation.role' }) });

export const inviteSchema = z.object({ email, locale, role: memberRole.optional() });

export const removeMemberSchema = z.object({ userId: z.string(required).min(1) });

export const changeRoleSchema = z.object({ userId: z.string(required).min(1), role: memberRole });

const country = z
  .string(required)
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'validation.country')
  .transform((code) => code.toUpperCase());

export const createOrganizationSchema = z
  .object({
    nameAr: z.string().trim().max(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    nameFr: z.string().trim().max(200).optional(),
    kind: z.enum(organizationKinds, { errorMap: () => ({ message: 'validation.kind' }) }),
    country,
    cityAr: z.string().trim().max(120).optional(),
    cityEn: z.string().trim().max(120).optional(),
    website: z.string().trim().url('validation.url').max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.nameAr && !value.nameEn && !value.nameFr) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['nameAr'], message: 'validation.required' });
    }
    if (!value.cityAr && !value.cityEn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['cityAr'], message: 'validation.required' });
    }
  });

/** Directory filters come from the query string; anything malformed is dropped rather than refused. */
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((code) => code.toUpperCase())
    .optional()
    .catch(undefined),
  city: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(organizationKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
