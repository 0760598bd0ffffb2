import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.ts';
import type { FieldErrors } from '../lib/errors.ts';
import { fieldId } from './Field.tsx';

interface Props {
  errors?: FieldErrors | undefined;
  /** Field names in the order they appear on the form. */
  order: readonly string[];
  /** A problem with the whole form (locked account, refused account…). */
  formError?: string | undefined;
}

/** The error summary at the top of a form: each message links to its field; focused when it appears. */
export function ErrorSummary({ errors = {}, order, formError }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const items = order.filter((name) => errors[name]).map((name) => ({ name, message: errors[name] ?? '' }));
  const hasErrors = items.length > 0 || Boolean(formError);
  const signature = `${formError ?? ''}|${items.map((i) => `${i.name}:${i.message}`).join('|')}`;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, signature]);
  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary-title">
        {t('form.errorSummary')}
      </h2>
      <ul className="error-summary-list">
        {formError ? <li>{formError}</li> : null}
        {items.map((i) => (
          <li key={i.name}>
            <a href={`#${fieldId(i.name)}`}>{i.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
