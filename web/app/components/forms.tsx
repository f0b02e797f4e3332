import { useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthenticityTokenInput } from 'remix-utils/csrf/react';
import type { FieldMeta } from '~/lib/use-form';

/**
 * Client-side (zod) messages are catalog keys such as `validation.required`; messages from the api arrive already
 * translated and are shown as they are.
 */
export function useErrorText(): (message: string) => string {
  const { t } = useTranslation();
  return (message) => (/^((manage|seats|sessions|board)\.)?validation\./.test(message) ? t(message) : message);
}

type Field = FieldMeta;

/** aria wiring shared by inputs and selects: the hint, then the messages, are read with the field. */
function describedBy(field: Field, hintId: string | undefined) {
  const ids = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': field.errors?.length ? true : undefined };
}

export function FieldErrors({ field }: { field: Field }) {
  const errorText = useErrorText();
  if (!field.errors?.length) return null;
  return (
    <ul id={field.errorId} className="field-errors">
      {field.errors.map((message) => (
        <li key={message}>{errorText(message)}</li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  field: Field;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date' | 'number';
  hint?: string;
  autoComplete?: string;
  min?: number;
  max?: number;
  /** Direction of what is typed, for fields whose script does not follow the page (a Latin name on an Arabic page). */
  dir?: 'ltr' | 'rtl' | 'auto';
  placeholder?: string;
}

export function TextField({ field, label, type = 'text', hint, autoComplete, dir, placeholder, min, max }: TextFieldProps) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        type={type}
        defaultValue={field.defaultValue}
        {...describedBy(field, hintId)}
        autoComplete={autoComplete}
        inputMode={type === 'number' ? 'numeric' : undefined}
        min={min}
        max={max}
        dir={dir}
        placeholder={placeholder}
      />
      <FieldErrors field={field} />
    </div>
  );
}

export function SelectField({ field, label, children, hint }: { field: Field; label: string; children: ReactNode; hint?: string }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select id={field.id} name={field.name} defaultValue={field.defaultValue} {...describedBy(field, hintId)}>
        {children}
      </select>
      <FieldErrors field={field} />
    </div>
  );
}

/** Form-level messages: the problem's `detail` (already localized by the api) or a summary. */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="notice notice-error" role="alert">
      {errors.map((message) => (
        <p key={message}>{errorText(message)}</p>
      ))}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      <p>{children}</p>
    </div>
  );
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting' && (name ? navigation.formData?.get(name) === value : true);
  return (
    <button type="submit" className="button primary" name={name} value={value} aria-disabled={busy || undefined}>
      {busy ? t('form.sending') : children}
    </button>
  );
}

export function CsrfInput() {
  return <AuthenticityTokenInput name="csrf" />;
}
