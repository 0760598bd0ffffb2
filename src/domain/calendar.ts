/**
 * Working calendar of state agencies: Monday to Friday are working days, Saturday and Sunday are not
 * (the 40-hour week of state agencies, QĐ 188/1999/QĐ-TTg), except for the days the calendar lists:
 *   - holiday:        a public holiday (Labour Code Art. 112); not worked even if it falls on a weekday;
 *   - day_off:        a weekday given off (compensation for a holiday on a weekend, or swapped);
 *   - makeup_workday: a Saturday or Sunday worked in exchange for a swapped day (ngày làm bù).
 * National days have no agency; an agency may override a date (its own or an ancestor's entry).
 */
import { VN_TIME_ZONE } from './datetime.ts';

export const CALENDAR_DAY_KINDS = ['holiday', 'makeup_workday', 'day_off'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  kind: CalendarDayKind;
  name?: string;
  /** null or absent: national. */
  agencyId?: string | null;
  /**
   * Precedence when several entries share a date: the highest wins. Defaults to 0 for national entries
   * and 1 for agency entries; give the agency's depth when entries of several ancestors are mixed.
   */
  level?: number;
}

/** Days indexed by date, one entry per date (the most specific one). */
export type CalendarIndex = ReadonlyMap<string, CalendarDay>;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const vnDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of `date` in Vietnam (an instant is read in Asia/Ho_Chi_Minh); validates strings. */
export function toIsoDay(date: Date | string): string {
  if (typeof date !== 'string') {
    if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
    return vnDay.format(date);
  }
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  ) {
    throw new RangeError(`Not a real date: ${date}`);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: Date | string): number {
  const iso = toIsoDay(date);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(date: Date | string): boolean {
  const w = dayOfWeek(date);
  return w === 0 || w === 6;
}

function levelOf(d: CalendarDay): number {
  return d.level ?? (d.agencyId ? 1 : 0);
}

/** One entry per date: where national and agency entries meet, the most specific wins (later on ties). */
export function indexCalendar(days: readonly CalendarDay[]): CalendarIndex {
  const index = new Map<string, CalendarDay>();
  for (const d of days) {
    const current = index.get(d.day);
    if (!current || levelOf(d) >= levelOf(current)) index.set(d.day, d);
  }
  return index;
}

/** Whether officials work on `date`, given the calendar entries (national and agency overrides). */
export function isWorkingDay(date: Date | string, days: readonly CalendarDay[] | CalendarIndex): boolean {
  const iso = toIsoDay(date);
  const index = days instanceof Map ? (days as CalendarIndex) : indexCalendar(days as readonly CalendarDay[]);
  const entry = index.get(iso);
  if (entry) return entry.kind === 'makeup_workday';
  return !isWeekend(iso);
}

/** Adds `n` calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = toIsoDay(date).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Working days from `from` to `to`, both included. */
export function countWorkingDays(
  from: string,
  to: string,
  days: readonly CalendarDay[] | CalendarIndex,
): number {
  const index = days instanceof Map ? (days as CalendarIndex) : indexCalendar(days as readonly CalendarDay[]);
  let count = 0;
  for (let d = toIsoDay(from); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, index)) count++;
  return count;
}
