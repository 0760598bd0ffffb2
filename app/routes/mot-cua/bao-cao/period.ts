/** Report periods offered as links: from the first day of this month, quarter or year to today. */
export type QuickPeriod = 'month' | 'quarter' | 'year';

export function quickPeriods(today: string): Record<QuickPeriod, { from: string; to: string }> {
  const [y, m] = today.split('-') as [string, string];
  const quarterMonth = String(Math.floor((Number(m) - 1) / 3) * 3 + 1).padStart(2, '0');
  return {
    month: { from: `${y}-${m}-01`, to: today },
    quarter: { from: `${y}-${quarterMonth}-01`, to: today },
    year: { from: `${y}-01-01`, to: today },
  };
}
