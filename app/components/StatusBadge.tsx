import type { ReactNode } from 'react';

/** A short state word ("Đang hoạt động", "Đã khóa"…) in a coloured pill; the word carries the meaning, not the colour. */
export function StatusBadge({
  tone,
  children,
}: {
  tone: 'ok' | 'off' | 'warn' | 'info';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
