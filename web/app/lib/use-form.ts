import { useRef } from 'react';

/**
 * What an action sends back about a form (conform's `submission.reply()` on the server): the values to show
 * again (never passwords) and the messages per field, `''` holding the form-level ones. `initialValue: null`
 * means "start over" (after a success that resets the form).
 */
export interface FormResult {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}

export interface FieldMeta {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  defaultValue?: string;
}

export interface FormMeta {
  id: string;
  errorId: string;
  errors?: string[];
  /** Changes with every new result from the action, so a rendered form starts from the values it carries. */
  key: string;
  props: { id: string; noValidate: true; 'aria-describedby'?: string; 'aria-invalid'?: true };
}

/**
 * The form state a page needs when validation happens on the server only: each field's value to show again and
 * its messages. No client-side validation is shipped (the JavaScript budget, DESIGN.md); the action validates with
 * or without JavaScript, and `noValidate` keeps the browser's own bubbles from pre-empting the page's messages.
 */
export function useForm<const Name extends string>(options: {
  id: string;
  fields: readonly Name[];
  lastResult?: FormResult | null;
  defaultValue?: Partial<Record<Name, string>>;
}): [FormMeta, Record<Name, FieldMeta>] {
  const { id, fields, lastResult } = options;
  const defaultValue: Partial<Record<Name, string>> = options.defaultValue ?? {};
  const version = useRef({ result: lastResult, count: 0 });
  if (version.current.result !== lastResult) version.current = { result: lastResult, count: version.current.count + 1 };
  const values = lastResult?.initialValue ?? null;
  const errorOf = (name: string) => {
    const list = lastResult?.error?.[name];
    return list && list.length > 0 ? list : undefined;
  };
  const formErrors = errorOf('');
  const errorId = `${id}-form-error`;
  const meta: FormMeta = {
    id,
    errorId,
    errors: formErrors,
    key: `${id}-${version.current.count}`,
    props: { id, noValidate: true, ...(formErrors ? { 'aria-describedby': errorId, 'aria-invalid': true as const } : {}) },
  };
  const result = {} as Record<Name, FieldMeta>;
  for (const name of fields) {
    const shown = values ? values[name] : undefined;
    result[name] = {
      id: `${id}-${name}`,
      name,
      errorId: `${id}-${name}-error`,
      errors: errorOf(name),
      defaultValue: values ? (typeof shown === 'string' ? shown : undefined) : defaultValue[name],
    };
  }
  return [meta, result];
}
