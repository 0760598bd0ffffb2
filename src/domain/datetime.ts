/** Display of dates and times: DD/MM/YYYY HH:mm:ss in Vietnam's time zone (Annex V.15). */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function pick(date: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 05/09/2025 14:03:07 */
export function formatDateTime(value: Date | string): string {
  const p = pick(new Date(value));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** 05/09/2025 */
export function formatDate(value: Date | string): string {
  // A bare YYYY-MM-DD is a calendar date, not an instant: format it without time-zone shifts.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = pick(new Date(value));
  return `${p.day}/${p.month}/${p.year}`;
}

/** Parses DD/MM/YYYY (what people type) to YYYY-MM-DD; undefined when it is not a real date. */
export function parseVnDate(input: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
