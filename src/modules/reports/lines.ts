import type { ProcessingRow } from './schema.ts';

// The arithmetic of report lines from summed counts (pure; service.ts reads the sums).

/** Sums of the daily table for one group key (see migration 0021 for what each count means). */
export interface Sums {
  key: string;
  /** Before the period: received, ended. */
  r0: number;
  e0: number;
  /** In the period. */
  r: number;
  ro: number;
  fe: number;
  fo: number;
  fl: number;
  c: number;
  /** Up to the end of the period: due, due and closed. */
  d: number;
  dc: number;
}
export const ZERO: Omit<Sums, 'key'> = { r0: 0, e0: 0, r: 0, ro: 0, fe: 0, fo: 0, fl: 0, c: 0, d: 0, dc: 0 };

export const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

/** A report line from the sums of its group. */
export function lineOf(key: string, label: string, s: Omit<Sums, 'key'>): ProcessingRow {
  const carriedOver = s.r0 - s.e0;
  const total = carriedOver + s.r;
  const resolved = s.fe + s.fo + s.fl;
  const pending = total - resolved - s.c;
  // Overdue and pending at the end: appointment day before the end, and not ended before the end
  // (due − due_closed, migration 0021).
  const pendingOverdue = s.d - s.dc;
  return {
    key,
    label,
    carriedOver,
    received: s.r,
    receivedOnline: s.ro,
    total,
    resolved,
    resolvedEarly: s.fe,
    resolvedOnTime: s.fo,
    resolvedLate: s.fl,
    cancelled: s.c,
    pendingOnTime: pending - pendingOverdue,
    pendingOverdue,
    onTimeRate: rate(s.fe + s.fo, resolved),
  };
}

export const add = (a: Omit<Sums, 'key'>, b: Omit<Sums, 'key'>): Omit<Sums, 'key'> => ({
  r0: a.r0 + b.r0,
  e0: a.e0 + b.e0,
  r: a.r + b.r,
  ro: a.ro + b.ro,
  fe: a.fe + b.fe,
  fo: a.fo + b.fo,
  fl: a.fl + b.fl,
  c: a.c + b.c,
  d: a.d + b.d,
  dc: a.dc + b.dc,
});

/** Months (YYYY-MM) from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (key > end) return out;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}
export const monthLabel = (key: string) => `${key.slice(5, 7)}/${key.slice(0, 4)}`;
