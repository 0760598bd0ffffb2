import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { useT } from '../i18n/index.ts';

interface Props {
  /** The accessible name of the search landmark. */
  label: string;
  /** The submit button; "Lọc" (admin.filter) when not given. */
  submitLabel?: string | undefined;
  /** The list without filters ("Bỏ lọc"). */
  clearTo: string;
  children: ReactNode;
}

/** The filter bar above a back-office list: a GET form (a search landmark), its fields, then "filter" and "clear". */
export function FilterForm({ label, submitLabel, clearTo, children }: Props) {
  const t = useT();
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      {children}
      <div className="actions">
        <button type="submit" className="button button-secondary">
          {submitLabel ?? t('admin.filter')}
        </button>
        <Link to={clearTo}>{t('admin.clearFilters')}</Link>
      </div>
    </Form>
  );
}
