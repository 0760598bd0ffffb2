import { Form } from 'react-router';
import { DEADLINE_UNITS } from '../../../../src/domain/procedure.ts';
import type { WorkHoursView } from '../../../../src/modules/legal-time/schema.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { HOURS_FIELDS, TRY_FIELDS, periodsToText } from './work-hours-fields.ts';
import type { HoursValues } from './work-hours-fields.ts';
import type { TryResult } from './work-hours.server.ts';

/**
 * Sections of the working-calendar page for the legal-time engine: the working hours and cut-off in
 * force for the chosen scope (editable where allowed), and a GET form that computes an appointment
 * with its explanation. Both work without JavaScript. Not a route.
 */
export function WorkHoursSection({
  hours,
  scope,
  scopeName,
  canEdit,
  values,
  errors,
  formError,
}: {
  hours: WorkHoursView;
  /** The agency id, or NATIONAL. */
  scope: string;
  scopeName: string;
  canEdit: boolean;
  values?: HoursValues | undefined;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
}) {
  const t = useT();
  const e = errors ?? {};
  const whose = hours.agency
    ? hours.own
      ? t('lt.hours.own', { scope: scopeName })
      : hours.source
        ? t('lt.hours.inherited', { scope: scopeName, source: hours.source.name })
        : t('lt.hours.default', { scope: scopeName })
    : t('lt.hours.national');
  return (
    <section className="panel narrow" aria-labelledby="hours-title" id="gio-lam-viec">
      <h2 id="hours-title">{t('lt.hours.title')}</h2>
      <p>{t('lt.hours.intro')}</p>
      <p data-testid="hours-source">{whose}</p>
      <dl className="summary-list compact" data-testid="hours">
        <div>
          <dt>{t('lt.hours.periods')}</dt>
          <dd>{periodsToText(hours.periods)}</dd>
        </div>
        <div>
          <dt>{t('lt.hours.saturday')}</dt>
          <dd>{hours.saturdayReception.length ? periodsToText(hours.saturdayReception) : '—'}</dd>
        </div>
        <div>
          <dt>{t('lt.hours.cutoff')}</dt>
          <dd>{hours.cutoff}</dd>
        </div>
        <div>
          <dt>{t('lt.hours.dayLength')}</dt>
          <dd>{t('lt.hours.minutes', { n: hours.dayMinutes })}</dd>
        </div>
      </dl>
      {canEdit ? (
        <>
          <ErrorSummary errors={e} order={HOURS_FIELDS} formError={formError} />
          <Form method="post" className="form" noValidate>
            <CsrfField />
            <input type="hidden" name="scope" value={scope} />
            <Field
              name="hours-periods"
              label={t('lt.hours.periods')}
              hint={t('lt.hours.periodsHint')}
              error={e['hours-periods']}
              defaultValue={values?.['hours-periods'] ?? periodsToText(hours.periods)}
              autoComplete="off"
              required
            />
            <Field
              name="hours-saturday"
              label={t('lt.hours.saturday')}
              hint={t('lt.hours.saturdayHint')}
              error={e['hours-saturday']}
              defaultValue={values?.['hours-saturday'] ?? periodsToText(hours.saturdayReception)}
              autoComplete="off"
            />
            <Field
              name="hours-cutoff"
              label={t('lt.hours.cutoff')}
              hint={t('lt.hours.cutoffHint')}
              error={e['hours-cutoff']}
              defaultValue={values?.['hours-cutoff'] ?? hours.cutoff}
              autoComplete="off"
              required
            />
            <Field
              name="hours-note"
              label={t('lt.hours.note')}
              error={e['hours-note']}
              defaultValue={values?.['hours-note'] ?? (hours.own ? hours.note : '')}
              autoComplete="off"
            />
            <div className="actions">
              <SubmitButton name="intent" value="hours">
                {t('lt.hours.save')}
              </SubmitButton>
              {hours.agency && hours.own ? (
                <button type="submit" name="intent" value="hours-reset" className="button button-secondary">
                  {t('lt.hours.reset')}
                </button>
              ) : null}
            </div>
          </Form>
        </>
      ) : (
        <p className="muted">{t('lt.hours.readOnly')}</p>
      )}
    </section>
  );
}

export function TryAppointment({
  tried,
  hidden,
  scopeName,
}: {
  tried: TryResult;
  /** The page's own GET parameters (year, agency), kept when the form is sent. */
  hidden: Record<string, string>;
  scopeName: string;
}) {
  const t = useT();
  const { values, errors, result } = tried;
  return (
    <section className="panel narrow" aria-labelledby="try-title" id="thu-tinh">
      <h2 id="try-title">{t('lt.try.title')}</h2>
      <p>{t('lt.try.intro', { scope: scopeName })}</p>
      <ErrorSummary errors={errors} order={TRY_FIELDS} />
      <Form method="get" action="#thu-tinh" className="form" noValidate preventScrollReset>
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <Field
          name="thu-luc"
          label={t('lt.try.receivedAt')}
          hint={t('lt.try.receivedAtHint')}
          error={errors['thu-luc']}
          defaultValue={values['thu-luc']}
          autoComplete="off"
          required
        />
        <Field
          name="thu-han"
          label={t('lt.try.value')}
          error={errors['thu-han']}
          defaultValue={values['thu-han']}
          autoComplete="off"
          required
        />
        <SelectField
          name="thu-don-vi"
          label={t('lt.try.unit')}
          error={errors['thu-don-vi']}
          defaultValue={values['thu-don-vi']}
          options={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`lt.unit.${u}`) }))}
          required
        />
        <button type="submit" className="button button-secondary">
          {t('lt.try.submit')}
        </button>
      </Form>
      {result ? (
        <div data-testid="try-result" aria-live="polite">
          <p className="lead">
            <strong>{t('lt.try.result', { date: result.appointmentAt })}</strong>
          </p>
          <p>{t('lt.try.startsAt', { date: result.startsAt })}</p>
          <details open>
            <summary>{t('lt.try.explain')}</summary>
            <ol lang="vi">
              {result.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </details>
        </div>
      ) : null}
    </section>
  );
}
