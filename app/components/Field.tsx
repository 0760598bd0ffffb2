import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute, ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

export const fieldId = (name: string) => `f-${name}`;

/** The aria-describedby of control `id`: its hint and its error message, when shown (undefined when neither). */
export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The hint of control `id`, under its label; nothing when there is none. */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  );
}

/** The error message of control `id` ("Lỗi:" for screen readers, then the message); nothing when valid. */
export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-message">
      <span className="visually-hidden">{t('a11y.error')} </span>
      {error}
    </p>
  );
}

/** What every labelled field takes. */
export interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}

interface FrameProps extends FieldProps {
  /** False in filter bars, where every field is optional and saying so is noise. */
  markOptional?: boolean | undefined;
  children: ReactNode;
}

/**
 * The frame of a field: its label (with "optional" unless required), hint and, when invalid, the
 * message right above the control, which is `children` (its id must be fieldId(name)).
 */
export function FieldFrame({
  name,
  label,
  hint,
  error,
  required,
  markOptional = true,
  children,
}: FrameProps) {
  const t = useT();
  const id = fieldId(name);
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}{' '}
        {required || !markOptional ? null : <span className="field-optional">{t('form.optional')}</span>}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={id} error={error} />
      {children}
    </div>
  );
}

interface Props extends FieldProps {
  type?: HTMLInputTypeAttribute | undefined;
  defaultValue?: string | undefined;
  autoComplete?: HTMLInputAutoCompleteAttribute | undefined;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | undefined;
  spellCheck?: boolean | undefined;
}

/** A labelled text input with its hint and, when invalid, the message right above the input. */
export function Field({ type = 'text', defaultValue, autoComplete, inputMode, spellCheck, ...field }: Props) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field}>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
    </FieldFrame>
  );
}
