/**
 * The clock of the legal-time engine (legal-time.ts): working periods of a day, which days are
 * worked, and the walk through working time. Pure functions over instants (Date, or milliseconds
 * since the epoch inside this file) read in Vietnam's time.
 *
 * Vietnam has kept UTC+7 without daylight saving since 1975 (Asia/Ho_Chi_Minh), so a local day is a
 * fixed 24 hours and the local time of an instant is its UTC time plus 7 hours.
 *
 * Working time: every working day (calendar.ts: Monday to Friday, minus holidays and days off, plus
 * make-up Saturdays) has the same working periods (default 07:30–11:30 and 13:00–17:00). A period
 * is half-open for counting, [start, end): the minute 11:30 is not worked, and a duration that runs
 * out exactly at the end of a period ends there (11:30, 17:00), not at the start of the next one.
 * Saturday-morning reception, where an agency has it, is time at which the counter receives
 * dossiers, not working time: the legal working week stays Monday to Friday (QĐ 188/1999/QĐ-TTg).
 */
import { addDays, indexCalendar, isWorkingDay } from './calendar.ts';
import type { CalendarDay, CalendarIndex } from './calendar.ts';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving. */
const VN_OFFSET_MS = 7 * 3_600_000;
/** No walk goes further than this: a deadline that long is a data error, not a date. */
const MAX_DAYS = 366 * 120;

/** A working period of a day, in minutes after local midnight: [start, end). */
export interface Period {
  start: number;
  end: number;
}

/** An agency's working hours (or the national default). */
export interface WorkSchedule {
  /** Periods of every working day, in order, not overlapping. */
  periods: readonly Period[];
  /** Reception on Saturday mornings that are not working days (receipt only, no working time). */
  saturdayReception: readonly Period[];
  /** Minutes after midnight: a dossier received at or after it starts counting the next working day. */
  cutoff: number;
}

/** 07:30–11:30 and 13:00–17:00, Monday to Friday; no Saturday reception; cut-off 15:00. */
export const DEFAULT_SCHEDULE: WorkSchedule = {
  periods: [
    { start: 450, end: 690 },
    { start: 780, end: 1020 },
  ],
  saturdayReception: [],
  cutoff: 900,
};

/** The working hours and the working calendar (national days and the agency's overrides) together. */
export interface LegalCalendar {
  readonly schedule: WorkSchedule;
  readonly days: CalendarIndex;
  /** Memo of isWorkingDay by YYYY-MM-DD. */
  readonly working: Map<string, boolean>;
}

export function legalCalendar(
  schedule: WorkSchedule = DEFAULT_SCHEDULE,
  days: readonly CalendarDay[] | CalendarIndex = [],
): LegalCalendar {
  const index = days instanceof Map ? (days as CalendarIndex) : indexCalendar(days as readonly CalendarDay[]);
  return { schedule, days: index, working: new Map() };
}

/** An interval during which working time does not count (supplement or fees requested…). */
export interface Interval {
  from: number;
  to: number;
}

/** Raised when a computation cannot give a date (a duration too long, a non-integer number of days…). */
export class LegalTimeError extends Error {
  readonly field: string;
  constructor(message: string, field = 'deadline') {
    super(message);
    this.name = 'LegalTimeError';
    this.field = field;
  }
}

// ───────────── clock readings ─────────────

/** "07:30" → 450; undefined unless HH:MM between 00:00 and 24:00. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2})[:hg](\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** 450 → "07:30". */
export function formatClock(minutes: number): string {
  const m = Math.floor(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The calendar day (YYYY-MM-DD) of an instant in Vietnam. */
export function localDay(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of local midnight starting a day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

/** The instant `minutes` after local midnight of `day`. */
export function instantOn(day: string, minutes: number): number {
  return dayStart(day) + minutes * MINUTE_MS;
}

/** Minutes (with fractions) since local midnight. */
export function minuteOfDay(ms: number): number {
  return ((((ms + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Working minutes of one working day (480 by default). */
export function dayMinutes(schedule: WorkSchedule): number {
  return schedule.periods.reduce((sum, p) => sum + p.end - p.start, 0);
}

export function isWorking(day: string, cal: LegalCalendar): boolean {
  let w = cal.working.get(day);
  if (w === undefined) {
    w = isWorkingDay(day, cal.days);
    cal.working.set(day, w);
  }
  return w;
}

/** The working periods of a day: none on a non-working day. */
export function periodsOn(day: string, cal: LegalCalendar): readonly Period[] {
  return isWorking(day, cal) ? cal.schedule.periods : [];
}

/** The first working day after `day`. */
export function nextWorkingDay(day: string, cal: LegalCalendar): string {
  let d = addDays(day, 1);
  for (let i = 0; i < MAX_DAYS; i++, d = addDays(d, 1)) if (isWorking(d, cal)) return d;
  throw new LegalTimeError('Lịch làm việc không có ngày làm việc nào', 'calendar');
}

/** The working day itself, or the first one after it. */
export function workingDayFrom(day: string, cal: LegalCalendar): string {
  return isWorking(day, cal) ? day : nextWorkingDay(day, cal);
}

/** The start of the first working period of the first working day after `day`. */
export function startOfNextWorkingDay(day: string, cal: LegalCalendar): number {
  return instantOn(nextWorkingDay(day, cal), firstStart(cal.schedule));
}

export function firstStart(schedule: WorkSchedule): number {
  return schedule.periods[0]?.start ?? 0;
}

export function lastEnd(schedule: WorkSchedule): number {
  return schedule.periods.at(-1)?.end ?? 0;
}

/**
 * Whether an instant lies in working time, a period taken as (start, end]: the end of a period is
 * where a duration that runs out with it ends; its start is where counting begins, not a due time.
 */
export function isDueInstant(ms: number, cal: LegalCalendar): boolean {
  const day = localDay(ms);
  const m = minuteOfDay(ms);
  if (periodsOn(day, cal).some((p) => m > p.start && m <= p.end)) return true;
  // Local midnight is the end of the previous day's last period only if that period ends at 24:00.
  const before = localDay(ms - 1);
  return m === 0 && before !== day && periodsOn(before, cal).some((p) => p.end === 1440);
}

/** Whether an instant lies in working time, a period taken as [start, end): counting runs then. */
export function isCountingInstant(ms: number, cal: LegalCalendar): boolean {
  const m = minuteOfDay(ms);
  return periodsOn(localDay(ms), cal).some((p) => m >= p.start && m < p.end);
}

// ───────────── the walk through working time ─────────────

/** Pauses sorted and merged, empty ones dropped. */
export function normalisePauses(pauses: readonly Interval[]): Interval[] {
  const sorted = pauses.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const p of sorted) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ from: p.from, to: p.to });
  }
  return merged;
}

/** Working intervals [a, b) from `from` on, in order, with the (normalised) pauses cut out. */
export function* workingSegments(
  from: number,
  cal: LegalCalendar,
  pauses: readonly Interval[] = [],
): Generator<[number, number]> {
  let day = localDay(from);
  let pi = 0;
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    const base = dayStart(day);
    for (const p of periodsOn(day, cal)) {
      let a = Math.max(base + p.start * MINUTE_MS, from);
      const b = base + p.end * MINUTE_MS;
      while (a < b) {
        let pause = pauses[pi];
        while (pause && pause.to <= a) pause = pauses[++pi];
        if (!pause || pause.from >= b) {
          yield [a, b];
          break;
        }
        if (pause.from > a) yield [a, pause.from];
        a = Math.max(a, pause.to);
      }
    }
  }
  throw new LegalTimeError('Thời hạn quá dài: vượt quá 120 năm kể từ ngày bắt đầu tính');
}

/**
 * The instant at which `minutes` of working time (outside the pauses) have passed since `from`.
 * Zero minutes: `from` itself, wherever it lies. Otherwise always in working time, (start, end] of a
 * period: a budget that runs out with a period ends at that period's end.
 */
export function addWorkingMs(
  from: number,
  ms: number,
  cal: LegalCalendar,
  pauses: readonly Interval[] = [],
): number {
  if (!Number.isFinite(ms) || ms < 0) throw new LegalTimeError('Thời hạn phải là số không âm');
  // Durations are counted to the millisecond; one that rounds to nothing is zero.
  let left = Math.round(ms);
  if (left === 0) return from;
  for (const [a, b] of workingSegments(from, cal, pauses)) {
    if (b - a >= left) return a + left;
    left -= b - a;
  }
  throw new LegalTimeError('Thời hạn quá dài');
}

/** Working time (ms) in [from, to), outside the pauses; 0 when `to` is not after `from`. */
export function workingMsBetween(
  from: number,
  to: number,
  cal: LegalCalendar,
  pauses: readonly Interval[] = [],
): number {
  if (!(to > from)) return 0;
  let sum = 0;
  for (const [a, b] of workingSegments(from, cal, pauses)) {
    if (a >= to) break;
    sum += Math.min(b, to) - a;
    if (b >= to) break;
  }
  return sum;
}

// ───────────── calendar arithmetic ─────────────

/** The same day of the month `n` months later, or the last day of that month when it has no such day. */
export function addMonths(day: string, n: number): { day: string; clamped: boolean } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return { day: target.toISOString().slice(0, 10), clamped: d > last };
}

/** Days between two YYYY-MM-DD dates (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

// ───────────── validation of working hours ─────────────

function periodIssues(
  periods: readonly Period[],
  field: string,
  label: string,
  max: number,
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (periods.length > max) issues.push({ field, message: `${label} (${field}) có tối đa ${max} buổi` });
  periods.forEach((p, i) => {
    const ok = Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end <= 1440;
    if (!ok || p.start >= p.end)
      issues.push({
        field: `${field}[${i}]`,
        message: `${label} (${field}): giờ bắt đầu phải trước giờ kết thúc, trong khoảng 00:00–24:00`,
      });
    const next = periods[i + 1];
    if (next && next.start < p.end)
      issues.push({
        field: `${field}[${i + 1}]`,
        message: `${label} (${field}): các buổi phải theo thứ tự và không chồng lên nhau`,
      });
  });
  return issues;
}

/** What is wrong with working hours, field by field; empty when they can be used. */
export function scheduleIssues(s: WorkSchedule): { field: string; message: string }[] {
  const issues = [
    ...periodIssues(s.periods, 'periods', 'Giờ làm việc', 4),
    ...periodIssues(s.saturdayReception, 'saturdayReception', 'Giờ tiếp nhận sáng thứ Bảy', 2),
  ];
  if (s.periods.length === 0)
    issues.push({ field: 'periods', message: 'Giờ làm việc (periods) phải có ít nhất một buổi' });
  else if (!(s.cutoff >= firstStart(s) && s.cutoff <= lastEnd(s)))
    issues.push({
      field: 'cutoff',
      message: `Giờ chốt tiếp nhận (cutoff) phải trong giờ làm việc, từ ${formatClock(firstStart(s))} đến ${formatClock(lastEnd(s))}`,
    });
  return issues;
}

/**
 * An instant typed as ISO 8601: with an offset or Z, or without one (then Vietnam's time):
 * 2025-08-29T16:20:00+07:00, 2025-08-29T09:20:00Z, 2025-08-29T16:20. Undefined when the date or
 * time does not exist (30/02, 24:30) or lies outside 2000–2100.
 */
export function parseInstant(text: string): Date | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(
    Number,
  );
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59)
    return undefined;
  if (y < 2000 || y > 2100) return undefined;
  const frac = (m[7] ?? '').slice(0, 3).padEnd(3, '0');
  const zone = m[8] ? m[8].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '+07:00';
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(sec).padStart(2, '0')}.${frac}${zone}`,
  );
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
