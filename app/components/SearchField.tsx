import { FieldHint, fieldId } from './Field.tsx';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  defaultValue?: string | undefined;
}

/** The keyword box of a filter bar: a labelled search input (no "optional" mark, no validation). */
export function SearchField({ name, label, hint, defaultValue }: Props) {
  const id = fieldId(name);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        type="search"
        className="input"
        defaultValue={defaultValue}
        aria-describedby={hint ? `${id}-hint` : undefined}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}
