import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export type DayKind = 'holiday' | 'day_off' | 'makeup_workday';

/** The entry that applies on a date (the most specific one), as the year view shows it. */
export interface DayMark {
  day: string;
  kind: DayKind;
  name: string;
  /** From the agency's own calendar rather than the national one. */
  own: boolean;
}

export const KIND_LABEL: Record<DayKind, MessageKey> = {
  holiday: 'cal.kind.holiday',
  day_off: 'cal.kind.day_off',
  makeup_workday: 'cal.kind.makeup_workday',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Weeks of a month, Monday first; null for the blank cells before the 1st and after the last day. */
function weeksOf(year: number, month: number): (number | null)[][] {
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(offset).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Twelve small month tables: weekends shaded, holidays, days off and make-up days marked (not by colour alone). */
export function YearGrid({ year, marks }: { year: number; marks: readonly DayMark[] }) {
  const t = useT();
  const byDay = new Map(marks.map((m) => [m.day, m]));
  const months = t('cal.monthNames').split('|');
  const weekdays = t('cal.weekdays').split('|');
  const weekdaysShort = t('cal.weekdaysShort').split('|');
  return (
    <>
      <ul className="cal-legend" aria-label={t('cal.legend')}>
        {(['holiday', 'day_off', 'makeup_workday'] as const).map((k) => (
          <li key={k}>
            <span className={`cal-swatch cal-${k}`} aria-hidden="true" />
            {t(KIND_LABEL[k])}
          </li>
        ))}
        <li>
          <span className="cal-swatch cal-weekend" aria-hidden="true" />
          {t('cal.weekend')}
        </li>
        <li>
          <span className="cal-override" aria-hidden="true">
            15
          </span>
          {t('cal.ownDay')}
        </li>
      </ul>
      <div className="cal-year" data-testid="year-grid">
        {months.map((monthName, i) => (
          <table key={monthName} className="cal-month">
            <caption>
              {monthName} {year}
            </caption>
            <thead>
              <tr>
                {weekdaysShort.map((w, j) => (
                  <th key={w} scope="col">
                    <span aria-hidden="true">{w}</span>
                    <span className="visually-hidden">{weekdays[j]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(year, i + 1).map((week, wi) => (
                <tr key={wi}>
                  {week.map((d, j) => {
                    if (d === null) return <td key={j} />;
                    const iso = `${year}-${pad(i + 1)}-${pad(d)}`;
                    const mark = byDay.get(iso);
                    const classes = [
                      mark ? `cal-${mark.kind}` : j >= 5 ? 'cal-weekend' : '',
                      mark?.own ? 'cal-override' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <td key={j} className={classes || undefined} data-day={iso}>
                        {d}
                        {mark ? (
                          <span className="visually-hidden">
                            {' '}
                            ({t(KIND_LABEL[mark.kind])}: {mark.name})
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}
