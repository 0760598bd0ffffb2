import { describedBy, FieldFrame, fieldId } from './Field.tsx';
import type { FieldProps } from './Field.tsx';

interface Props extends FieldProps {
  defaultValue?: string | undefined;
  rows?: number | undefined;
  spellCheck?: boolean | undefined;
}

/** A labelled multi-line text input (same look and error placement as Field). */
export function TextAreaField({ defaultValue, rows = 3, spellCheck, ...field }: Props) {
  const { name, hint, error, required } = field;
  const id = fieldId(name);
  return (
    <FieldFrame {...field}>
      <textarea
        id={id}
        name={name}
        className="input"
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        spellCheck={spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}
