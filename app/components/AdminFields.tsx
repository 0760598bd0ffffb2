import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { fieldId } from './Field.tsx';

interface Common {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Label, hint and error message above a control, as in Field (same ids, so the error summary links work). */
function FieldFrame({ name, label, hint, error, required, children }: Common & { children: ReactNode }) {
  const t = useT();
  const id = fieldId(name);
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
      {children}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled <select>; `empty` adds a first option with the value '' (e.g. "All"). */
export function SelectField({
  options,
  defaultValue,
  empty,
  ...common
}: Common & { options: readonly Option[]; defaultValue?: string | undefined; empty?: string | undefined }) {
  const id = fieldId(common.name);
  return (
    <FieldFrame {...common}>
      <select
        id={id}
        name={common.name}
        className="input"
        defaultValue={defaultValue ?? ''}
        required={common.required}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy(id, common.hint, common.error)}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A labelled multi-line text box. */
export function TextAreaField({
  defaultValue,
  rows = 4,
  ...common
}: Common & { defaultValue?: string | undefined; rows?: number }) {
  const id = fieldId(common.name);
  return (
    <FieldFrame {...common}>
      <textarea
        id={id}
        name={common.name}
        className="input"
        rows={rows}
        defaultValue={defaultValue}
        spellCheck={false}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy(id, common.hint, common.error)}
      />
    </FieldFrame>
  );
}

/** One checkbox with its label on the right; sends `value` (default "1") when ticked. */
export function CheckboxField({
  name,
  label,
  hint,
  error,
  defaultChecked,
  value = '1',
}: Omit<Common, 'required'> & { defaultChecked?: boolean | undefined; value?: string }) {
  const t = useT();
  const id = fieldId(name);
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
