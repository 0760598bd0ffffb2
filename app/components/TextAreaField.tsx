import { useT } from '../i18n/index.ts';
import { fieldId } from './Field.tsx';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  rows?: number | undefined;
}

/** A labelled multi-line text input (same look and error placement as Field). */
export function TextAreaField({ name, label, hint, error, defaultValue, required, rows = 3 }: Props) {
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
      <textarea
        id={id}
        name={name}
        className="input"
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
