import type { ReactNode } from 'react';
import { OptionList } from './OptionList.tsx';
import type { Option, OptionGroup } from './choices.ts';

/** Controlled fields of the designer's properties panel (the page's forms use the uncontrolled ones). */

function Frame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-message">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function PanelInput({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  inputMode?: 'numeric' | 'text' | undefined;
}) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="input"
        type="text"
        value={value}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Frame>
  );
}

export function PanelSelect({
  id,
  label,
  value,
  onChange,
  options = [],
  groups = [],
  empty,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options?: readonly Option[];
  groups?: readonly OptionGroup[];
  /** The label of the '' option, when choosing nothing is allowed. */
  empty?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <Frame id={id} label={label} hint={hint}>
      <select
        id={id}
        className="input"
        value={value}
        aria-describedby={describedBy(id, hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        <OptionList options={options} groups={groups} empty={empty} />
      </select>
    </Frame>
  );
}

export function PanelCheckbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field">
      <div className="checkbox">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}
