import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';
import { useT } from '../i18n/index.ts';

export const fieldId = (name: string) => `f-${name}`;

interface Props {
  name: string;
  label: string;
  type?: HTMLInputTypeAttribute | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  autoComplete?: HTMLInputAutoCompleteAttribute | undefined;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | undefined;
  spellCheck?: boolean | undefined;
}

/** A labelled text input with its hint and, when invalid, the message right above the input. */
export function Field({
  name,
  label,
  type = 'text',
  hint,
  error,
  defaultValue,
  required,
  autoComplete,
  inputMode,
  spellCheck,
}: Props) {
  const t = useT();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label} {required ? null : <span className="field-optional">{t('form.optional')}</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-message">
          <span className="visually-hidden">{t('a11y.error')} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
    </div>
  );
}
