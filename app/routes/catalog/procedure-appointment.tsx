import { Form } from 'react-router';
import { SelectField } from '../../components/SelectField.tsx';
import { useT } from '../../i18n/index.ts';
import type { AppointmentSection } from './procedure-appointment.server.ts';

/**
 * "Nếu nộp bây giờ, ngày hẹn trả kết quả dự kiến là …" under the deadline table of the procedure
 * page, with how it was counted in a <details>, and a chooser among the implementing agencies that
 * is a plain GET form (works without JavaScript). Not a route.
 */
export function ExpectedDate({ section, action }: { section: AppointmentSection; action: string }) {
  const t = useT();
  const { agencies, agency, estimates } = section;
  const one = estimates.length === 1;
  return (
    <div className="pc-appointment" data-testid="appointment">
      <h3>{t('lt.proc.title')}</h3>
      {estimates.length === 0 ? <p>{t('lt.proc.none')}</p> : null}
      {estimates.map((e) => {
        const channels = e.channels.map((c) => t(`lt.channel.${c}`)).join(t('lt.or'));
        return (
          <div key={e.channels.join()} className="pc-appointment-item">
            <p className="pc-answer">
              {one
                ? t('lt.proc.now', { date: e.at })
                : t('lt.proc.nowChannel', { channel: channels, date: e.at })}
            </p>
            <details className="pc-details">
              <summary>{t('lt.proc.how')}</summary>
              <ol className="pc-steps" lang="vi">
                {e.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            </details>
          </div>
        );
      })}
      <p className="pc-muted">
        {agency ? t('lt.proc.agency', { agency: agency.name }) : t('lt.proc.national')} {t('lt.proc.note')}
      </p>
      {agencies.length > 1 ? (
        <Form method="get" action={action} className="pc-appointment-form" preventScrollReset>
          <SelectField
            name="co-quan"
            label={t('lt.proc.choose')}
            defaultValue={agency?.id}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            markOptional={false}
          />
          <button type="submit" className="button button-secondary">
            {t('lt.proc.show')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
