import { describedBy, FieldHint, FieldMessage, fieldId } from './Field.tsx';
import type { FieldProps } from './Field.tsx';

interface CheckboxProps extends Omit<FieldProps, 'required'> {
  defaultChecked?: boolean | undefined;
  /** Sent when checked; "on" by default (the browser's own default). */
  value?: string | undefined;
}

/** One checkbox with its label (and hint) to the right; the error, when any, above it. */
export function CheckboxField({ name, label, hint, error, defaultChecked, value = 'on' }: CheckboxProps) {
  const id = fieldId(name);
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <FieldMessage id={id} error={error} />
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label htmlFor={id}>
          {label}
          {hint ? (
            <span id={`${id}-hint`} className="checkbox-hint">
              {hint}
            </span>
          ) : null}
        </label>
      </div>
    </div>
  );
}

interface GroupProps {
  name: string;
  legend: string;
  options: readonly { value: string; label: string; hint?: string | undefined }[];
  checked: readonly string[];
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * Several checkboxes sharing one `name` in a fieldset: the form sends one value per ticked box.
 * The fieldset carries the field id, so the error summary can link to it.
 */
export function CheckboxGroup({ name, legend, options, checked, hint, error }: GroupProps) {
  const id = fieldId(name);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'fieldset field-error' : 'fieldset'}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={id} error={error} />
      <div className="checkbox-columns">
        {options.map((o) => {
          const optionId = `${id}-${o.value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                id={optionId}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
              />
              <label htmlFor={optionId}>
                {o.label}
                {o.hint ? <span className="checkbox-hint">{o.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
