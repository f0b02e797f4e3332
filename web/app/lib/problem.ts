/** RFC 9457 problem details as the api sends them (docs/foundation-contract.md, Errors). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; code: string; message: string }[];
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.status === 'number' && (typeof candidate.code === 'string' || typeof candidate.title === 'string');
}

export interface FormErrors {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

/**
 * Spreads a problem over a form: each `errors[]` entry goes next to its field (the api's field name, or its
 * alias in this form), anything for a field the form does not show and the `detail` become form-level messages.
 * The messages are already in the reader's language: the api answers in the request's Accept-Language.
 */
export function problemToFormErrors(
  problem: Problem,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): FormErrors {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const error of problem.errors ?? []) {
    const field = aliases[error.field] ?? error.field;
    if (formFields.includes(field)) {
      (fieldErrors[field] ??= []).push(error.message);
    } else {
      formErrors.push(error.message);
    }
  }
  const summary = problem.detail ?? problem.title;
  if (summary && !formErrors.includes(summary)) formErrors.unshift(summary);
  return { fieldErrors, formErrors };
}
