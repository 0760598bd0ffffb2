import { describedBy, FieldFrame, fieldId } from './Field.tsx';
import type { FieldProps } from './Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props extends FieldProps {
  options: readonly SelectOption[];
  defaultValue?: string | undefined;
  /** A first, empty choice ("— Chọn —", "Tất cả"…); none when undefined. */
  placeholder?: string | undefined;
  /** False in filter bars, where every field is optional and saying so is noise. */
  markOptional?: boolean | undefined;
}

/** A labelled <select> with its hint and, when invalid, the message above it (same look as Field). */
export function SelectField({ options, defaultValue, placeholder, ...field }: Props) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field}>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
