/** Fields of the working-hours form, in order (their ids must not clash with the add-a-day form's). */
export const HOURS_FIELDS = ['hours-periods', 'hours-saturday', 'hours-cutoff', 'hours-note'] as const;
export type HoursValues = Record<(typeof HOURS_FIELDS)[number] | 'scope', string>;
/** Fields of the try-an-appointment form (GET). */
export const TRY_FIELDS = ['thu-luc', 'thu-han', 'thu-don-vi'] as const;

/** [{start, end}] → "07:30-11:30, 13:00-17:00" (what the text field shows). */
export function periodsToText(periods: readonly { start: string; end: string }[]): string {
  return periods.map((p) => `${p.start}-${p.end}`).join(', ');
}
