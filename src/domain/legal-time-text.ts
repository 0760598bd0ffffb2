/**
 * Plain-Vietnamese wording of the legal-time engine's explanations: instants as "16:20 thứ Sáu
 * 29/08/2025", durations as "5 giờ 30 phút", breaks as "kỳ nghỉ Quốc khánh 2/9 (30/08–02/09)".
 */
import type { CalendarDay } from './calendar.ts';
import { addDays } from './calendar.ts';
import type { DeadlineUnit } from './procedure.ts';
import {
  daysBetween,
  formatClock,
  isWorking,
  localDay,
  minuteOfDay,
  MINUTE_MS,
  weekdayOf,
} from './legal-time-clock.ts';
import type { LegalCalendar, Period, WorkSchedule } from './legal-time-clock.ts';

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
/** Breaks listed by name in one line, at most; the rest are counted. */
const MAX_NAMED = 5;

/** 29/08/2025 */
export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** thứ Sáu 29/08/2025 */
export function dayText(day: string): string {
  return `${WEEKDAYS[weekdayOf(day)]} ${dmy(day)}`;
}

/** 16:20 thứ Sáu 29/08/2025 */
export function instantText(ms: number): string {
  return `${formatClock(minuteOfDay(ms))} ${dayText(localDay(ms))}`;
}

/** 30/08–02/09 within a year, 31/12/2025–04/01/2026 across years, 07/04/2025 for one day. */
export function rangeText(from: string, to: string): string {
  if (from === to) return dmy(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${dmy(from).slice(0, 5)}–${dmy(to).slice(0, 5)}`;
  return `${dmy(from)}–${dmy(to)}`;
}

/** 0.5 → "0,5"; 3 → "3". */
export function numberText(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** 330 minutes → "5 giờ 30 phút"; 0 → "0 phút". */
export function durationText(minutes: number): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}

/** Working minutes as whole working days when they are, else hours and minutes. */
export function workingDurationText(minutes: number, schedule: WorkSchedule): string {
  const perDay = schedule.periods.reduce((s, p) => s + p.end - p.start, 0);
  const rounded = Math.round(minutes);
  if (perDay > 0 && rounded >= perDay && rounded % perDay === 0)
    return `${rounded / perDay} ngày làm việc (${durationText(rounded)})`;
  return `${durationText(rounded)} làm việc`;
}

const UNIT_TEXT: Record<DeadlineUnit, string> = {
  working_hours: 'giờ làm việc',
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** 3 ngày làm việc */
export function deadlineText(d: { value: number; unit: DeadlineUnit }): string {
  return `${numberText(d.value)} ${UNIT_TEXT[d.unit]}`;
}

/** 07:30–11:30 và 13:00–17:00 */
export function periodsText(periods: readonly Period[]): string {
  const parts = periods.map((p) => `${formatClock(p.start)}–${formatClock(p.end)}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`;
}

/** The working hours in one line, for the end of an explanation. */
export function scheduleText(schedule: WorkSchedule): string {
  const saturday = schedule.saturdayReception.length
    ? `; tiếp nhận hồ sơ sáng thứ Bảy ${periodsText(schedule.saturdayReception)} (không tính là thời gian làm việc)`
    : '';
  return `Giờ làm việc ${periodsText(schedule.periods)}, từ thứ Hai đến thứ Sáu trừ ngày nghỉ lễ, nghỉ bù, cộng ngày làm bù; giờ chốt tiếp nhận ${formatClock(schedule.cutoff)}${saturday}`;
}

// ───────────── breaks (runs of non-working days) ─────────────

export interface Break {
  from: string;
  to: string;
  /** Names of the holidays and days off in it; empty for a plain weekend. */
  names: string[];
}

/** "Nghỉ bù, hoán đổi — Quốc khánh 2/9" → "Quốc khánh 2/9". */
function occasion(entry: CalendarDay): string {
  const name = entry.name?.trim() || (entry.kind === 'holiday' ? 'ngày lễ' : 'ngày nghỉ');
  return name.replace(/^(nghỉ bù, hoán đổi|nghỉ bù|hoán đổi|làm bù)\s*[—–-]\s*/i, '');
}

function namesIn(from: string, to: string, cal: LegalCalendar): string[] {
  const names = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const e = cal.days.get(d);
    if (e && e.kind !== 'makeup_workday') names.add(occasion(e));
  }
  return [...names];
}

/** The whole run of non-working days around a non-working day (up to 60 days each way). */
export function breakAround(day: string, cal: LegalCalendar): Break {
  let from = day;
  let to = day;
  for (let i = 0; i < 60 && !isWorking(addDays(from, -1), cal); i++) from = addDays(from, -1);
  for (let i = 0; i < 60 && !isWorking(addDays(to, 1), cal); i++) to = addDays(to, 1);
  return { from, to, names: namesIn(from, to, cal) };
}

/** "kỳ nghỉ Quốc khánh 2/9 (30/08–02/09)", or "ngày nghỉ cuối tuần". */
export function breakText(b: Break): string {
  if (b.names.length === 0) return 'ngày nghỉ cuối tuần';
  const what = b.names.join(' và ');
  return b.from === b.to
    ? `ngày nghỉ ${what} (${dmy(b.from)})`
    : `kỳ nghỉ ${what} (${rangeText(b.from, b.to)})`;
}

/** What the first working day is to the day a dossier came in: "đầu ngày làm việc tiếp theo"… */
export function firstDayText(receivedDay: string, startDay: string, cal: LegalCalendar): string {
  const before = addDays(startDay, -1);
  if (before < receivedDay || (before === receivedDay && isWorking(before, cal)))
    return 'đầu ngày làm việc tiếp theo';
  const b = breakAround(before, cal);
  return b.names.length === 0
    ? 'ngày làm việc đầu tiên sau ngày nghỉ cuối tuần'
    : `ngày làm việc đầu tiên sau ${breakText(b)}`;
}

/** Why a day is not worked: "ngày nghỉ cuối tuần" or "ngày nghỉ Quốc khánh 2/9". */
export function dayOffText(day: string, cal: LegalCalendar): string {
  const e = cal.days.get(day);
  return e && e.kind !== 'makeup_workday' ? `ngày nghỉ ${occasion(e)}` : 'ngày nghỉ cuối tuần';
}

/**
 * The non-working days and make-up days met while counting working time over [fromDay, toDay]:
 * "Không tính thứ Bảy, Chủ nhật và kỳ nghỉ …", "Có tính ngày làm bù thứ Bảy 10/01/2026"; no line when
 * none was met.
 */
export function spanLines(fromDay: string, toDay: string, cal: LegalCalendar): string[] {
  if (daysBetween(fromDay, toDay) > 366 * 3) {
    return ['Không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ và nghỉ bù; có tính các ngày làm bù'];
  }
  const named: Break[] = [];
  let weekends = 0;
  const makeup: string[] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) {
    if (isWorking(d, cal)) {
      if (cal.days.get(d)?.kind === 'makeup_workday') makeup.push(d);
      continue;
    }
    const b = breakAround(d, cal);
    if (b.names.length) named.push(b);
    else weekends += 1;
    d = b.to;
  }
  const lines: string[] = [];
  const parts: string[] = [];
  if (weekends > 0) parts.push('thứ Bảy, Chủ nhật');
  const shown = named.slice(0, MAX_NAMED).map(breakText);
  if (named.length > MAX_NAMED) shown.push(`${named.length - MAX_NAMED} kỳ nghỉ khác`);
  parts.push(...shown);
  if (parts.length)
    lines.push(
      `Không tính ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`}`,
    );
  if (makeup.length) lines.push(`Có tính ngày làm bù: ${makeup.map((d) => dayText(d)).join(', ')}`);
  return lines;
}

/** Working minutes between two instants, for a line: "5 giờ 30 phút". */
export function msText(ms: number): string {
  return durationText(ms / MINUTE_MS);
}
