import { parseWithZod } from '@conform-to/zod';
import { json, type TypedResponse } from '@remix-run/node';
import type { SubmissionResult } from '@conform-to/react';
import type { z } from 'zod';
import { validatedFormData } from './csrf.server';
import type { Problem } from './problem';
import { problemToFormErrors } from './problem';

/** Checks the CSRF token, then parses the form with the same zod schema the page validates with. */
export async function parseForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const formData = await validatedFormData(request);
  return { formData, submission: parseWithZod(formData, { schema }) };
}

const secretFields = ['password', 'currentPassword', 'newPassword', 'csrf'];

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; resetForm?: boolean }): SubmissionResult<string[]>;
}

/** The form comes back with its values (never passwords) and the messages to show: zod's or the api's. */
export function invalid(
  submission: Replyable,
  problem?: Problem,
  options: { fields?: readonly string[]; aliases?: Record<string, string>; intent?: string } = {},
): TypedResponse<{ intent?: string; result: SubmissionResult<string[]> }> {
  const errors = problem ? problemToFormErrors(problem, options.fields ?? [], options.aliases) : undefined;
  return json(
    { intent: options.intent, result: submission.reply({ ...errors, hideFields: secretFields }) },
    { status: problem ? problem.status : 400 },
  );
}
