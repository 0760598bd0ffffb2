import type { ReactNode } from 'react';

export interface SummaryItem {
  label: string;
  value: ReactNode;
  testId?: string | undefined;
}

/** Label/value pairs of a record (the shared .summary-list look); empty values show a dash. */
export function SummaryList({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl className="summary-list compact">
      {items.map((i) => (
        <div key={i.label}>
          <dt>{i.label}</dt>
          <dd data-testid={i.testId}>
            {i.value === null || i.value === undefined || i.value === '' ? '—' : i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
