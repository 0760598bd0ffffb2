import { addDays } from '../../domain/calendar.ts';

/**
 * A span of days [from, to) cut into the rows that sum it fastest: whole years from the yearly table,
 * whole months from the monthly one, the days left from the daily one (migration 0021). Days are
 * YYYY-MM-DD; '0001-01-01' stands for the beginning of time.
 */
export type Tier = 'daily' | 'monthly' | 'yearly';
export interface Piece {
  tier: Tier;
  from: string;
  to: string;
}

export const BEGINNING = '0001-01-01';
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
const nextMonth = (d: string) => addDays(`${monthStart(d).slice(0, 7)}-28`, 4).slice(0, 7) + '-01';
const nextYear = (d: string) => `${String(Number(d.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
const ceilMonth = (d: string) => (d === monthStart(d) ? d : nextMonth(d));
const ceilYear = (d: string) => (d === yearStart(d) ? d : nextYear(ceilMonth(d)));

/** The pieces of [from, to); with `years` false, no yearly piece (a report by month needs months). */
export function piecesOf(from: string, to: string, years = true): Piece[] {
  if (from >= to) return [];
  const m1 = ceilMonth(from);
  const m2 = monthStart(to);
  if (m1 >= m2) return [{ tier: 'daily', from, to }];
  const out: Piece[] = [];
  const add = (tier: Tier, a: string, b: string) => {
    if (a < b) out.push({ tier, from: a, to: b });
  };
  add('daily', from, m1);
  const y1 = ceilYear(m1);
  const y2 = yearStart(m2);
  if (years && y1 < y2) {
    add('monthly', m1, y1);
    add('yearly', y1, y2);
    add('monthly', y2, m2);
  } else add('monthly', m1, m2);
  add('daily', m2, to);
  return out;
}

/** Everything before `day`: from the beginning of time. */
export const before = (day: string) => piecesOf(BEGINNING, day);
