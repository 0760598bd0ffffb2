import { useT } from '../i18n/index.ts';
import { fieldId } from './Field.tsx';

interface CheckboxProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  defaultChecked?: boolean | undefined;
  /** Sent when checked; "on" by default. */
  value?: string | undefined;
}

/** One checkbox with its label (and hint) to the right; the error, when any, above it. */
export function CheckboxField({ name, label, hint, error, defaultChecked, value = 'on' }: CheckboxProps) {
  const t = useT();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      {error ? (
        <p id={`${id}-error`} className="field-message">
          <span className="visually-hidden">{t('a11y.error')} </span>
          {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
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
  const t = useT();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'fieldset field-error' : 'fieldset'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
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
