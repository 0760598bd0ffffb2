import { Form } from 'react-router';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import { KIND_LABEL } from './year-grid.tsx';
import type { DayKind } from './year-grid.tsx';

export interface DayRow {
  id: string;
  day: string;
  date: string;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  kind: DayKind;
  name: string;
  note: string;
  provisional: boolean;
  agencyName: string | null;
  /** False when a more specific entry (the agency's own) replaces it on that date. */
  applies: boolean;
  canDelete: boolean;
}

/** Every entry of the year (national and the agency's), with its legal basis and a delete button where allowed. */
export function DayList({ days, year, back }: { days: readonly DayRow[]; year: number; back: string }) {
  const t = useT();
  const weekdays = t('cal.weekdays').split('|');
  if (days.length === 0) return <p>{t('cal.noDays', { year })}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table stack" data-testid="days">
        <caption>{t('cal.listCaption', { year, n: days.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cal.col.date')}</th>
            <th scope="col">{t('cal.col.kind')}</th>
            <th scope="col">{t('cal.col.name')}</th>
            <th scope="col">{t('cal.col.scope')}</th>
            <th scope="col">{t('cal.col.note')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.id} id={`ngay-${d.day}`} className={d.applies ? undefined : 'row-retired'}>
              <td data-label={t('cal.col.date')} className="nowrap">
                <span>
                  {d.date}
                  <br />
                  <span className="muted">{weekdays[d.weekday]}</span>
                </span>
              </td>
              <td data-label={t('cal.col.kind')}>
                <span>
                  {t(KIND_LABEL[d.kind])}
                  {d.provisional ? (
                    <>
                      {' '}
                      <span className="status status-provisional">{t('cal.provisional')}</span>
                    </>
                  ) : null}
                </span>
              </td>
              <th scope="row" data-label={t('cal.col.name')}>
                <span>
                  {d.name}
                  {d.applies ? null : (
                    <>
                      <br />
                      <span className="muted">{t('cal.replaced')}</span>
                    </>
                  )}
                </span>
              </th>
              <td data-label={t('cal.col.scope')}>{d.agencyName ?? t('cal.national')}</td>
              <td data-label={t('cal.col.note')}>{d.note || '—'}</td>
              <td data-label={t('admin.actions')}>
                {d.canDelete ? (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="id" value={d.id} />
                    <input type="hidden" name="back" value={back} />
                    <SubmitButton name="intent" value="delete" variant="link">
                      {t('admin.delete')}
                      <span className="visually-hidden">
                        {' '}
                        {d.date} {d.name}
                      </span>
                    </SubmitButton>
                  </Form>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
