/**
 * A step's budget (TT 22/2019 II.3.2: to the minute) is stored in working minutes; people type it
 * as working days, hours and minutes. A working day is `perDay` minutes (8 hours unless the
 * calendar says otherwise).
 */

export const DEFAULT_MINUTES_PER_DAY = 480;

export interface BudgetParts {
  days: number;
  hours: number;
  minutes: number;
}

/** 1,500 minutes with 480 a day → 3 days, 1 hour, 0 minutes. */
export function splitMinutes(total: number, perDay = DEFAULT_MINUTES_PER_DAY): BudgetParts {
  const n = Math.max(0, Math.floor(total));
  const days = Math.floor(n / perDay);
  const rest = n - days * perDay;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

export function joinMinutes(parts: BudgetParts, perDay = DEFAULT_MINUTES_PER_DAY): number {
  return parts.days * perDay + parts.hours * 60 + parts.minutes;
}

/**
 * Reads the three typed values ('' is 0): the total in minutes, or the name of the first part that
 * is not a whole number ≥ 0 (hours and minutes may exceed a day or an hour: they are added up).
 */
export function parseBudget(
  typed: { days: string; hours: string; minutes: string },
  perDay = DEFAULT_MINUTES_PER_DAY,
): { ok: true; minutes: number } | { ok: false; part: keyof BudgetParts } {
  const parts: BudgetParts = { days: 0, hours: 0, minutes: 0 };
  for (const k of ['days', 'hours', 'minutes'] as const) {
    const s = typed[k].trim();
    if (s === '') continue;
    if (!/^\d{1,6}$/.test(s)) return { ok: false, part: k };
    parts[k] = Number(s);
  }
  return { ok: true, minutes: joinMinutes(parts, perDay) };
}

/** "2 ngày 4 giờ" / "2 days 4 hours": the non-zero parts, or the zero word. */
export function formatBudget(
  total: number,
  words: { day: string; hour: string; minute: string; none: string },
  perDay = DEFAULT_MINUTES_PER_DAY,
): string {
  const p = splitMinutes(total, perDay);
  const out = [
    p.days ? `${p.days} ${words.day}` : '',
    p.hours ? `${p.hours} ${words.hour}` : '',
    p.minutes ? `${p.minutes} ${words.minute}` : '',
  ].filter(Boolean);
  return out.length ? out.join(' ') : words.none;
}
