import { useEffect, useRef } from 'react';
import type { Ref } from 'react';
import { Form } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { describedBy, FieldFrame, fieldId } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import badgeCss from '../../components/badge.css?url';
import { useLang, useT } from '../../i18n/index.ts';
import trackingCss from '../../styles/tracking.css?url';
import { CatalogCrumbs, catalogLinks } from '../catalog/catalog-ui.tsx';
import { statusKey, statusTone } from '../mot-cua/ho-so/labels.ts';
import { TRACK_FIELDS } from './fields.ts';
import type { TrackField } from './fields.ts';
import type { TrackData, TrackedView } from './tracking.server.ts';

/**
 * The public tracking page (II.19.1–19.2), shared by the form route and the signed link: the answer
 * (status in a badge, the Annex I lines, the dates, the steps passed) and the GET form, which works
 * without JavaScript.
 */

export function trackingLinks() {
  return [...catalogLinks(), { rel: 'stylesheet', href: badgeCss }, { rel: 'stylesheet', href: trackingCss }];
}

function TextInput({
  name,
  value,
  hint,
  error,
  ...input
}: {
  name: TrackField;
  value: string;
  hint: string;
  error: string | undefined;
  type?: 'text' | 'tel';
  inputMode?: 'text' | 'tel';
  autoComplete: string;
  required?: boolean;
}) {
  const id = fieldId(name);
  return (
    <input
      id={id}
      name={name}
      className="input"
      defaultValue={value}
      maxLength={name === 'ma' ? 40 : 20}
      spellCheck={false}
      aria-invalid={error ? true : undefined}
      aria-required={input.required || undefined}
      aria-describedby={describedBy(id, hint, error)}
      {...input}
    />
  );
}

/** The GET form: the code, then ONE of the applicant's phone or identity number (explained in the fieldset). */
function TrackForm({ data: d, heading }: { data: TrackData; heading: string }) {
  const t = useT();
  const { values, errors } = d;
  return (
    <section aria-labelledby="tk-form-title" className="tk-form-section">
      <h2 id="tk-form-title">{heading}</h2>
      <Form method="get" action="/tra-cuu-ho-so" className="tk-form" noValidate key={JSON.stringify(values)}>
        <ErrorSummary errors={errors} order={TRACK_FIELDS} />
        <FieldFrame name="ma" label={t('tk.code')} hint={t('tk.codeHint')} error={errors.ma} required>
          <TextInput
            name="ma"
            value={values.ma}
            hint={t('tk.codeHint')}
            error={errors.ma}
            autoComplete="off"
            required
          />
        </FieldFrame>
        <fieldset className="tk-factor" aria-describedby="tk-factor-hint">
          <legend>{t('tk.factor')}</legend>
          <p id="tk-factor-hint" className="field-hint">
            {t('tk.factorHint')}
          </p>
          <FieldFrame
            name="sdt"
            label={t('tk.phone')}
            hint={t('tk.phoneHint')}
            error={errors.sdt}
            markOptional={false}
          >
            <TextInput
              name="sdt"
              value={values.sdt}
              hint={t('tk.phoneHint')}
              error={errors.sdt}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
            />
          </FieldFrame>
          <p className="tk-or" aria-hidden="true">
            {t('tk.or')}
          </p>
          <FieldFrame
            name="cccd"
            label={t('tk.idNumber')}
            hint={t('tk.idNumberHint')}
            error={errors.cccd}
            markOptional={false}
          >
            <TextInput
              name="cccd"
              value={values.cccd}
              hint={t('tk.idNumberHint')}
              error={errors.cccd}
              autoComplete="off"
            />
          </FieldFrame>
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('tk.submit')}
        </button>
      </Form>
    </section>
  );
}

/** The tracking answer: code, status badge, Annex I lines, procedure, agency, dates and the steps passed. */
function TrackResult({
  dossier: d,
  headingRef,
}: {
  dossier: TrackedView;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useT();
  // Names, the Annex I lines and step names are Vietnamese data: marked so on the English page (WCAG 3.1.2).
  const data = useLang() === 'vi' ? undefined : 'vi';
  return (
    <section aria-labelledby="tk-result-title" className="tk-result" data-testid="tracking-result">
      <h2 id="tk-result-title" tabIndex={-1} ref={headingRef}>
        {t('tk.codeLabel')} <span className="tk-code">{d.code}</span>
      </h2>
      <p className="tk-status">
        {t('tk.status')}:{' '}
        <span data-testid="tracking-status">
          <StatusBadge tone={statusTone(d.status)}>{t(statusKey(d.status))}</StatusBadge>
        </span>
      </p>
      {d.lines.length ? (
        <ul className="tk-annex" data-testid="annex-lines" aria-label={t('tk.annex')} lang={data}>
          {d.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      ) : null}
      <SummaryList
        items={[
          { label: t('tk.procedure'), value: <span lang={data}>{d.procedureName}</span> },
          { label: t('tk.agency'), value: <span lang={data}>{d.agencyName}</span> },
          { label: t('tk.submitted'), value: d.submittedAt, testId: 'submitted' },
          { label: t('tk.received'), value: d.receivedAt, testId: 'received' },
          { label: t('tk.appointment'), value: d.appointmentAt, testId: 'appointment' },
          ...(d.returnedAt ? [{ label: t('tk.returned'), value: d.returnedAt, testId: 'returned' }] : []),
        ]}
      />
      <h3>{t('tk.history')}</h3>
      <ol className="tk-history" data-testid="tracking-history">
        {d.history.map((h, i) => (
          <li key={i}>
            <span className="tk-when">{h.at}</span>{' '}
            <span className="tk-what">{h.status ? t(statusKey(h.status)) : h.statusLabel}</span>
            <span className="tk-step">
              {t('tk.stepLabel')} <span lang={data}>{h.stepName}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The whole page: title, the answer or the neutral message, then the form. */
export function TrackingPage({ data: d, signed = false }: { data: TrackData; signed?: boolean }) {
  const t = useT();
  const found = d.outcome === 'found' && d.dossier;
  const resultRef = useRef<HTMLHeadingElement>(null);
  const rendered = useRef(false);
  // After a lookup with JavaScript the page does not reload: bring the answer to the reader (not on
  // the first render, where the reader starts at the top as on any page).
  useEffect(() => {
    if (rendered.current) resultRef.current?.focus();
    rendered.current = true;
  }, [d.dossier?.code, d.outcome]);
  return (
    <div className="tk-page">
      <PageTitle title={d.dossier ? `${t('tk.title')}: ${d.dossier.code}` : t('tk.title')} />
      <CatalogCrumbs items={[{ label: t('tk.title') }]} />
      <h1>{t('tk.title')}</h1>
      <p className="lead">{t('tk.intro')}</p>
      <div aria-live="polite" aria-atomic="true">
        {d.outcome === 'not_found' ? (
          <Notice kind="warning">
            <p className="tk-message" data-testid="tracking-not-found">
              <strong>{t('tk.notFound')}</strong>
            </p>
            <p>{t('tk.notFoundHelp')}</p>
          </Notice>
        ) : null}
        {d.outcome === 'bad_link' ? (
          <Notice kind="warning">
            <p className="tk-message" data-testid="tracking-not-found">
              <strong>{t('tk.badLink')}</strong>
            </p>
          </Notice>
        ) : null}
        {d.outcome === 'limited' ? (
          <Notice kind="warning">
            <p className="tk-message" data-testid="tracking-limited">
              <strong>{t('tk.limited', { n: d.retryAfter ?? 60 })}</strong>
            </p>
          </Notice>
        ) : null}
      </div>
      {found && d.dossier ? (
        <>
          {signed ? <p className="muted">{t('tk.signedNote')}</p> : null}
          <TrackResult dossier={d.dossier} headingRef={resultRef} />
        </>
      ) : null}
      <TrackForm data={d} heading={found ? t('tk.again') : t('tk.form')} />
    </div>
  );
}
