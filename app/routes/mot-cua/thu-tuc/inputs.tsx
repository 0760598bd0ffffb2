import { describedBy, FieldFrame, fieldId } from '../../../components/Field.tsx';
import type { FieldProps } from '../../../components/Field.tsx';

/**
 * Compact inputs for the rows of the procedure editor: the shared field frame (label, hint, message
 * above the control) without the "optional" mark on every cell.
 */

interface TextProps extends FieldProps {
  defaultValue?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal' | undefined;
  /** Id of a <datalist> of suggestions. */
  list?: string | undefined;
  className?: string | undefined;
}

export function TextInput({ defaultValue, inputMode, list, className, ...field }: TextProps) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field} markOptional={false}>
      <input
        id={id}
        name={name}
        type="text"
        className={className ? `input ${className}` : 'input'}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        inputMode={inputMode}
        list={list}
        autoComplete="off"
      />
    </FieldFrame>
  );
}

interface AreaProps extends FieldProps {
  defaultValue?: string | undefined;
  rows?: number | undefined;
  markOptional?: boolean | undefined;
}

export function TextArea({ defaultValue, rows = 2, markOptional = false, ...field }: AreaProps) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field} markOptional={markOptional}>
      <textarea
        id={id}
        name={name}
        className="input prose-input"
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

interface SelectProps extends FieldProps {
  options: readonly { value: string; label: string }[];
  defaultValue?: string | undefined;
}

export function Select({ options, defaultValue, ...field }: SelectProps) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field} markOptional={false}>
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
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
