import { json } from '@remix-run/node';
import type { Problem } from './problem';
import type { SubmissionResult } from '@conform-to/react';

interface Replyable {
  error?: Record<string, string[] | null> | null;
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
}

/** The form back with zod's messages and the cross-field ones together (400). */
export function invalidWithRules(submission: Replyable, ruleErrors: Record<string, string[]>, intent?: string) {
  const existing = submission.error ?? {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(existing)) if (name !== '' && messages) fieldErrors[name] = [...messages];
  for (const [name, messages] of Object.entries(ruleErrors)) fieldErrors[name] = [...(fieldErrors[name] ?? []), ...messages];
  return json({ intent, result: submission.reply({ formErrors: existing['']?.length ? existing[''] : undefined, fieldErrors }) }, { status: 400 });
}

/**
 * Some refusals are about one field although the api answers them as a whole (409 `cohort.capacity_below_taken`
 * is about the capacity): their explanation is put next to that field.
 */
export function problemOnField(problem: Problem, fieldByCode: Record<string, string>): Problem {
  const field = problem.code ? fieldByCode[problem.code] : undefined;
  if (!field || !problem.detail) return problem;
  return { ...problem, detail: undefined, title: undefined, errors: [...(problem.errors ?? []), { field, code: problem.code ?? '', message: problem.detail }] };
}

export const cohortProblemFields = { 'cohort.capacity_below_taken': 'capacity' };
