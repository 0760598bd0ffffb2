/**
 * Legal-time engine: when the clock of a dossier starts, when its result is due (ngày hẹn trả), when
 * a step of its process is due, how much working time has passed; and a plain-Vietnamese explanation
 * of each date. Pure: the caller passes the agency's working hours and calendar (legalCalendar()).
 *
 * Rules (docs/decisions/0003-legal-time.md gives the reasons):
 *
 * 1. Working time. Working days are Monday–Friday minus holidays and days off, plus make-up Saturdays
 *    (calendar.ts, with the agency's and its ancestors' overrides). Every working day has the same
 *    working periods, default 07:30–11:30 and 13:00–17:00 (8 hours). A working day ends at the end of
 *    its last period (17:00). Saturday-morning reception is receipt time only, never working time.
 * 2. Clock start (startsAt). A dossier received on a working day, before the cut-off (default 15:00),
 *    starts counting at once if received in a working period, or at the start of the next period of
 *    that day if received before opening or during the midday break. Received at or after the cut-off,
 *    after the last period, on a non-working day or at Saturday reception: counting starts at the start
 *    of the first period of the next working day (07:30).
 * 3. Working hours and working days are working time: N hours = N × 60 working minutes, N working
 *    days = N × the working minutes of a day (480). Counted from startsAt through working periods only.
 *    So "N working days" from 07:30 ends at 17:00 of the Nth working day; from the middle of a day it
 *    counts what remains of that day and ends at the same clock time on the (N+1)th working day
 *    (10:00 Wed + 3 days → 10:00 Mon). Fractions are allowed (0,5 day = 4 hours).
 * 4. Calendar days and months follow the Civil Code (2015, Art. 147–148): the day the clock starts is
 *    not counted; N days end on that day + N, N months on the same day of the month N months later
 *    (the last day of that month when it has no such day). The period ends at the end of that day's
 *    working time (17:00) — the counter returns results in working hours, and this is never later
 *    than the Code's 24:00 — and when that day is not a working day, at the end of the next working
 *    day. Whole numbers only.
 * 5. A duration that runs out exactly at the end of a period ends there (11:30, 17:00). A zero duration
 *    is due when it starts: the appointment at startsAt, a step at its start instant wherever it lies.
 * 6. Pauses (supplement requested, fees requested, processing stopped) are intervals whose working
 *    time does not count: the due time moves later by exactly the paused working time that falls
 *    between startsAt and the due time. An ongoing pause is passed with `to` = now. Extensions add
 *    working minutes after the rest. The cut-off applies to the first receipt only, not to a resumption.
 * 7. Steps (process budgets in working minutes) start at their start instant, without a cut-off: if
 *    it is outside working time, counting begins with the next working period.
 */
import { addDays } from './calendar.ts';
import type { CalendarIndex } from './calendar.ts';
import type { DeadlineUnit } from './procedure.ts';
import {
  addMonths,
  addWorkingMs,
  dayMinutes,
  firstStart,
  formatClock,
  instantOn,
  isCountingInstant,
  isWorking,
  lastEnd,
  LegalTimeError,
  localDay,
  minuteOfDay,
  MINUTE_MS,
  normalisePauses,
  startOfNextWorkingDay,
  weekdayOf,
  workingDayFrom,
  workingMsBetween,
  workingSegments,
} from './legal-time-clock.ts';
import type { Interval, LegalCalendar } from './legal-time-clock.ts';
import {
  dayOffText,
  dayText,
  deadlineText,
  durationText,
  firstDayText,
  instantText,
  msText,
  periodsText,
  spanLines,
  workingDurationText,
} from './legal-time-text.ts';

export {
  DEFAULT_SCHEDULE,
  dayMinutes,
  formatClock,
  isCountingInstant,
  isDueInstant,
  legalCalendar,
  LegalTimeError,
  parseClock,
  scheduleIssues,
} from './legal-time-clock.ts';
export type { LegalCalendar, Period, WorkSchedule } from './legal-time-clock.ts';
export { scheduleText } from './legal-time-text.ts';
export type { CalendarIndex };

export const PAUSE_REASONS = ['supplement', 'fees', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface Pause {
  from: Date;
  to: Date;
  reason?: PauseReason | undefined;
}

export interface LegalDeadline {
  value: number;
  unit: DeadlineUnit;
}

export interface AppointmentInput {
  receivedAt: Date;
  deadline: LegalDeadline;
  pauses?: readonly Pause[] | undefined;
  /** Working minutes added by extensions (gia hạn). */
  extensionMinutes?: number | undefined;
}

export interface StepDueInput {
  startAt: Date;
  budgetMinutes: number;
  pauses?: readonly Pause[] | undefined;
}

export interface DueResult {
  dueAt: Date;
  explanation: string[];
}

export interface AppointmentResult extends DueResult {
  receivedAt: Date;
  startsAt: Date;
}

/** Why the clock starts where it does. */
export type StartReason =
  | 'immediate'
  | 'before_hours'
  | 'midday_break'
  | 'after_cutoff'
  | 'after_hours'
  | 'non_working'
  | 'saturday_reception';

const PAUSE_TEXT: Record<PauseReason, string> = {
  supplement: 'chờ bổ sung, hoàn thiện hồ sơ',
  fees: 'chờ thực hiện nghĩa vụ tài chính',
  other: 'tạm dừng xử lý',
};

function validInstant(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new LegalTimeError('Thời điểm không hợp lệ', field);
  return ms;
}

function pauseIntervals(pauses: readonly Pause[] | undefined): Interval[] {
  return normalisePauses(
    (pauses ?? []).map((p, i) => {
      const from = validInstant(p.from, `pauses[${i}].from`);
      const to = validInstant(p.to, `pauses[${i}].to`);
      if (to < from)
        throw new LegalTimeError('Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu', `pauses[${i}].to`);
      return { from, to };
    }),
  );
}

/** Where the clock of a dossier received at `receivedAt` starts (rule 2). */
export function clockStart(receivedAt: Date, cal: LegalCalendar): { startsAt: Date; reason: StartReason } {
  const t = validInstant(receivedAt, 'receivedAt');
  const day = localDay(t);
  const m = minuteOfDay(t);
  const { schedule } = cal;
  const next = (reason: StartReason) => ({ startsAt: new Date(startOfNextWorkingDay(day, cal)), reason });
  if (!isWorking(day, cal)) {
    const saturday =
      weekdayOf(day) === 6 && schedule.saturdayReception.some((p) => m >= p.start && m < p.end);
    return next(saturday ? 'saturday_reception' : 'non_working');
  }
  if (m >= lastEnd(schedule)) return next('after_hours');
  if (m >= schedule.cutoff) return next('after_cutoff');
  if (schedule.periods.some((p) => m >= p.start && m < p.end))
    return { startsAt: new Date(t), reason: 'immediate' };
  const nextPeriod = schedule.periods.find((p) => p.start > m);
  if (!nextPeriod) return next('after_hours');
  return {
    startsAt: new Date(instantOn(day, nextPeriod.start)),
    reason: nextPeriod === schedule.periods[0] ? 'before_hours' : 'midday_break',
  };
}

/** The instant `minutes` working minutes after `from`, skipping pauses (rules 1, 5, 6). */
export function addWorkingMinutes(
  from: Date,
  minutes: number,
  cal: LegalCalendar,
  pauses?: readonly Pause[],
): Date {
  const start = validInstant(from, 'from');
  return new Date(addWorkingMs(start, minutes * MINUTE_MS, cal, pauseIntervals(pauses)));
}

/** Working minutes (with fractions) in [from, to), outside the pauses; 0 when `to` is not later. */
export function workingMinutesBetween(
  from: Date,
  to: Date,
  cal: LegalCalendar,
  pauses?: readonly Pause[],
): number {
  const a = validInstant(from, 'from');
  const b = validInstant(to, 'to');
  return workingMsBetween(a, b, cal, pauseIntervals(pauses)) / MINUTE_MS;
}

/** Working minutes a deadline in working hours or working days stands for (rule 3). */
export function deadlineMinutes(deadline: LegalDeadline, cal: LegalCalendar): number {
  if (deadline.unit === 'working_hours') return deadline.value * 60;
  if (deadline.unit === 'working_days') return deadline.value * dayMinutes(cal.schedule);
  throw new LegalTimeError('Chỉ thời hạn tính bằng giờ làm việc hoặc ngày làm việc mới đổi ra phút');
}

function checkDeadline(d: LegalDeadline): void {
  if (!Number.isFinite(d.value) || d.value < 0)
    throw new LegalTimeError('Thời hạn (deadline.value) phải là số không âm', 'deadline.value');
  if ((d.unit === 'calendar_days' || d.unit === 'months') && !Number.isInteger(d.value))
    throw new LegalTimeError(
      'Thời hạn tính bằng ngày hoặc tháng (deadline.value) phải là số nguyên',
      'deadline.value',
    );
}

function checkExtension(minutes: number | undefined): number {
  const ext = minutes ?? 0;
  if (!Number.isFinite(ext) || ext < 0)
    throw new LegalTimeError(
      'Thời gian gia hạn (extensionMinutes) phải là số phút không âm',
      'extensionMinutes',
    );
  return ext;
}

/** Calendar days or months (rule 4): the end instant and the lines saying how it was found. */
function calendarEnd(start: number, d: LegalDeadline, cal: LegalCalendar): { end: number; lines: string[] } {
  const day0 = localDay(start);
  const target =
    d.unit === 'months' ? addMonths(day0, d.value) : { day: addDays(day0, d.value), clamped: false };
  const endDay = workingDayFrom(target.day, cal);
  const end = instantOn(endDay, lastEnd(cal.schedule));
  const clamp = target.clamped
    ? ` (tháng ${target.day.slice(5, 7)}/${target.day.slice(0, 4)} không có ngày ${day0.slice(8)} nên là ngày cuối tháng)`
    : '';
  const what = d.unit === 'months' ? 'ngày tương ứng của tháng cuối cùng' : 'ngày cuối cùng';
  const lines = [
    `Thời hạn ${deadlineText(d)} tính theo lịch, kể cả ngày nghỉ, không tính ngày bắt đầu tính thời hạn (${dayText(day0)}): ${what} là ${dayText(target.day)}${clamp}`,
    endDay === target.day
      ? `Thời hạn kết thúc vào cuối giờ làm việc của ngày đó: ${instantText(end)}`
      : `Ngày đó là ${dayOffText(target.day, cal)} nên thời hạn kết thúc vào cuối ngày làm việc tiếp theo: ${instantText(end)}`,
  ];
  return { end, lines };
}

/** "Tiếp nhận lúc 16:20 thứ Sáu 29/08/2025, sau giờ chốt 15:00: bắt đầu tính từ 07:30 …". */
function receiptLine(received: number, start: number, reason: StartReason, cal: LegalCalendar): string {
  const at = `Tiếp nhận lúc ${instantText(received)}`;
  const from = `bắt đầu tính từ ${instantText(start)}`;
  const first = firstDayText(localDay(received), localDay(start), cal);
  const cutoff = formatClock(cal.schedule.cutoff);
  switch (reason) {
    case 'immediate':
      return `${at}, trong giờ làm việc và trước giờ chốt ${cutoff}: bắt đầu tính ngay từ lúc tiếp nhận`;
    case 'before_hours':
      return `${at}, trước giờ làm việc: bắt đầu tính từ ${formatClock(minuteOfDay(start))} cùng ngày`;
    case 'midday_break':
      return `${at}, trong giờ nghỉ giữa hai buổi làm việc: bắt đầu tính từ ${formatClock(minuteOfDay(start))} cùng ngày`;
    case 'after_cutoff':
      return `${at}, ${formatClock(minuteOfDay(received)) === cutoff ? 'đúng' : 'sau'} giờ chốt ${cutoff}: ${from}, ${first}`;
    case 'after_hours':
      return `${at}, sau giờ làm việc: ${from}, ${first}`;
    case 'non_working':
      return `${at}, ${dayOffText(localDay(received), cal)}: ${from}, ${first}`;
    case 'saturday_reception':
      return `${at}, buổi tiếp nhận sáng thứ Bảy (không phải ngày làm việc): ${from}, ${first}`;
  }
}

/** Lines for the pauses that fall in [start, end), each with the working time it did not count. */
function pauseLines(
  pauses: readonly Pause[] | undefined,
  start: number,
  end: number,
  cal: LegalCalendar,
): string[] {
  return (pauses ?? []).flatMap((p) => {
    if (p.to.getTime() <= start || p.from.getTime() >= end) return [];
    const lost = workingMsBetween(Math.max(p.from.getTime(), start), Math.min(p.to.getTime(), end), cal);
    return [
      `Tạm dừng từ ${instantText(p.from.getTime())} đến ${instantText(p.to.getTime())} (${PAUSE_TEXT[p.reason ?? 'other']}): không tính ${msText(lost)} làm việc`,
    ];
  });
}

/** The appointment (ngày hẹn trả) of a dossier received at `receivedAt` with a legal deadline. */
export function appointment(input: AppointmentInput, cal: LegalCalendar): AppointmentResult {
  checkDeadline(input.deadline);
  const ext = checkExtension(input.extensionMinutes);
  const pauses = pauseIntervals(input.pauses);
  const received = validInstant(input.receivedAt, 'receivedAt');
  const { startsAt, reason } = clockStart(input.receivedAt, cal);
  const start = startsAt.getTime();
  const d = input.deadline;
  const lines = [receiptLine(received, start, reason, cal)];
  let due: number;
  if (d.unit === 'working_hours' || d.unit === 'working_days') {
    const minutes = deadlineMinutes(d, cal);
    const base = addWorkingMs(start, minutes * MINUTE_MS, cal);
    lines.push(workingLine(d, minutes, start, base, cal));
    due = addWorkingMs(start, (minutes + ext) * MINUTE_MS, cal, pauses);
  } else if (d.value === 0) {
    lines.push(`Thời hạn ${deadlineText(d)}: trả ngay khi bắt đầu tính`);
    due = addWorkingMs(start, ext * MINUTE_MS, cal, pauses);
  } else {
    const { end, lines: calLines } = calendarEnd(start, d, cal);
    lines.push(...calLines);
    const paused = workingMsBetween(start, end, cal) - workingMsBetween(start, end, cal, pauses);
    due = addWorkingMs(end, paused + ext * MINUTE_MS, cal, pauses);
  }
  lines.push(...pauseLines(input.pauses, start, due, cal));
  if (ext > 0) lines.push(`Gia hạn thêm ${workingDurationText(ext, cal.schedule)}`);
  if (d.unit === 'working_hours' || d.unit === 'working_days' || ext > 0 || pauses.length > 0)
    lines.push(...spanLines(localDay(start), localDay(due), cal));
  lines.push(`Ngày hẹn trả: ${instantText(due)}`);
  return { receivedAt: new Date(received), startsAt, dueAt: new Date(due), explanation: lines };
}

/** "Thời hạn 3 ngày làm việc (mỗi ngày 8 giờ làm việc: …): tính từ …, hết hạn lúc …". */
function workingLine(
  d: LegalDeadline,
  minutes: number,
  start: number,
  base: number,
  cal: LegalCalendar,
): string {
  const perDay = dayMinutes(cal.schedule);
  const head =
    d.unit === 'working_days'
      ? `Thời hạn ${deadlineText(d)} (mỗi ngày ${durationText(perDay)} làm việc: ${periodsText(cal.schedule.periods)}) = ${durationText(minutes)} làm việc`
      : `Thời hạn ${deadlineText(d)}`;
  if (minutes === 0) return `${head}: trả ngay khi bắt đầu tính`;
  const day = localDay(start);
  const rest = workingMsBetween(start, instantOn(day, lastEnd(cal.schedule)), cal) / MINUTE_MS;
  const partial =
    minuteOfDay(start) > firstStart(cal.schedule) && rest < minutes
      ? `; ngày đầu còn ${durationText(rest)} làm việc`
      : '';
  return `${head}, tính từ ${instantText(start)}${partial}: hết hạn lúc ${instantText(base)}`;
}

/** When a process step is due: its budget in working minutes from its start (rule 7). */
export function stepDue(input: StepDueInput, cal: LegalCalendar): DueResult {
  const start = validInstant(input.startAt, 'startAt');
  const budget = input.budgetMinutes;
  if (!Number.isFinite(budget) || budget < 0)
    throw new LegalTimeError('Thời hạn của bước (budgetMinutes) phải là số phút không âm', 'budgetMinutes');
  const pauses = pauseIntervals(input.pauses);
  const due = addWorkingMs(start, budget * MINUTE_MS, cal, pauses);
  let opening = `Bước bắt đầu lúc ${instantText(start)}`;
  if (budget > 0 && !isCountingInstant(start, cal)) {
    const [first] = workingSegments(start, cal, pauses);
    if (first) opening += `, ngoài giờ làm việc: bắt đầu tính từ ${instantText(first[0])}`;
  }
  const lines = [opening];
  lines.push(
    budget === 0
      ? 'Thời hạn của bước: 0 phút, đến hạn ngay khi bắt đầu'
      : `Thời hạn của bước: ${workingDurationText(budget, cal.schedule)}`,
  );
  lines.push(...pauseLines(input.pauses, start, due, cal));
  if (budget > 0) lines.push(...spanLines(localDay(start), localDay(due), cal));
  lines.push(`Hạn xử lý của bước: ${instantText(due)}`);
  return { dueAt: new Date(due), explanation: lines };
}

/**
 * How late something is at `at` against `dueAt`, in working time: minutes, the working days begun
 * since the due time (a dossier 1 hour late is 1 day late, as "Quá hạn 3 ngày" counts), and the text.
 */
export function lateness(
  dueAt: Date,
  at: Date,
  cal: LegalCalendar,
  pauses?: readonly Pause[],
): { minutes: number; days: number; text: string | null } {
  const minutes = workingMinutesBetween(dueAt, at, cal, pauses);
  if (minutes <= 0) return { minutes: 0, days: 0, text: null };
  const days = Math.ceil(minutes / dayMinutes(cal.schedule) - 1e-9);
  return { minutes, days, text: `Quá hạn ${days} ngày` };
}

export { instantText, durationText, deadlineText };
