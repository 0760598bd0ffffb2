import { useT } from '../i18n/index.ts';
import { fieldId } from './Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props {
  name: string;
  label: string;
  options: readonly SelectOption[];
  hint?: string | undefined;
  error?: string | undefined;
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  /** A first, empty choice ("— Chọn —", "Tất cả"…); none when undefined. */
  placeholder?: string | undefined;
  /** False in filter bars, where every field is optional and saying so is noise. */
  markOptional?: boolean | undefined;
}

/** A labelled <select> with its hint and, when invalid, the message above it (same look as Field). */
export function SelectField({
  name,
  label,
  options,
  hint,
  error,
  defaultValue,
  required,
  placeholder,
  markOptional = true,
}: Props) {
  const t = useT();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}{' '}
        {required || !markOptional ? null : <span className="field-optional">{t('form.optional')}</span>}
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
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
