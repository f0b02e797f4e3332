import { useErrorText } from './forms';
import type { FieldMeta } from '~/lib/use-form';

/**
 * A multi-line answer (application questions), wired like TextField: label, optional hint, messages read with the
 * field. `dir="auto"` lets an Arabic answer run right-to-left on an English page and the other way round.
 */
export function TextAreaField({ field, label, hint, required, maxLength }: { field: FieldMeta; label: string; hint?: string; required?: boolean; maxLength?: number }) {
  const errorText = useErrorText();
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={field.id}
        name={field.name}
        defaultValue={field.defaultValue}
        rows={4}
        dir="auto"
        maxLength={maxLength}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        aria-invalid={field.errors?.length ? true : undefined}
      />
      {field.errors?.length ? (
        <ul id={field.errorId} className="field-errors">
          {field.errors.map((message) => (
            <li key={message}>{errorText(message)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
