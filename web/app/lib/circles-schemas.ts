import { z } from 'zod';
import { editScopes, repeatOptions } from './circles';

export { editFields, scheduleFields } from './circles';

// Forms of the circle pages, validated by the actions only; messages are catalog keys the form components translate.

const required = { required_error: 'validation.required', invalid_type_error: 'validation.required' };
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'sessions.validation.tooLong')
    .optional()
    .transform((value) => (value ? value : undefined));

const date = z.string(required).regex(/^\d{4}-\d{2}-\d{2}$/, 'sessions.validation.date');
const time = z.string(required).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'sessions.validation.time');
const duration = z.coerce
  .number(required)
  .int('sessions.validation.duration')
  .min(15, 'sessions.validation.duration')
  .max(600, 'sessions.validation.duration');
const onlineUrl = z
  .string()
  .trim()
  .max(500, 'sessions.validation.tooLong')
  .url('validation.url')
  .refine((value) => /^https?:\/\//i.test(value), 'validation.url')
  .optional();
const scope = z.enum(editScopes, { errorMap: () => ({ message: 'sessions.validation.scope' }) });

export const scheduleSchema = z
  .object({
    date,
    time,
    durationMinutes: duration,
    // Empty = one session; otherwise a series.
    repeat: z.enum(repeatOptions, { errorMap: () => ({ message: 'sessions.validation.repeat' }) }).optional(),
    occurrences: z.coerce.number().int('sessions.validation.occurrences').min(2, 'sessions.validation.occurrences').max(52, 'sessions.validation.occurrences').optional(),
    place: optionalText(200),
    onlineUrl,
    agenda: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.repeat && value.occurrences === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['occurrences'], message: 'sessions.validation.occurrences' });
    }
  });

export const editSessionSchema = z.object({
  sessionId: z.string(required).trim().min(1).max(100),
  date,
  time,
  durationMinutes: duration,
  place: optionalText(200),
  onlineUrl,
  agenda: optionalText(2000),
  scope,
  // What the form started from: only fields that differ are sent, so "this and following" moves only what changed.
  was: z.record(z.string().max(2000)).optional(),
});

export const cancelSessionSchema = z.object({
  sessionId: z.string(required).trim().min(1).max(100),
  reason: z.string(required).trim().min(1, 'sessions.validation.reason').max(500, 'sessions.validation.tooLong'),
  scope,
});
