import { SummaryList } from '../../../components/SummaryList.tsx';
import { useT } from '../../../i18n/index.ts';
import type { ComponentFact, ProcedureFacts } from './receipt-data.server.ts';

/** "1 bản chính, 2 bản sao; bản điện tử"; what the procedure asks for one component. */
export function useComponentNeed() {
  const t = useT();
  return (c: ComponentFact) =>
    [
      c.originals ? t('ds.r.originals', { n: c.originals }) : null,
      c.copies ? t('ds.r.copies', { n: c.copies }) : null,
      c.electronic ? t('ds.r.electronic') : null,
      c.required ? null : t('ds.r.optionalComponent'),
      c.condition,
    ]
      .filter(Boolean)
      .join('; ');
}

/**
 * What the counter checks the dossier against (II.5.1): the required components, the legal basis,
 * the time limit and fees at the counter, the results and the forms to hand out.
 */
export function ProcedureFactsPanel({ facts }: { facts: ProcedureFacts }) {
  const t = useT();
  const need = useComponentNeed();
  return (
    <section className="panel ds-facts" aria-labelledby="facts-title" data-testid="procedure-facts">
      <h2 id="facts-title">
        {facts.name} <span className="muted">({facts.code})</span>
      </h2>
      <SummaryList
        items={[
          { label: t('ds.r.field'), value: facts.fieldName },
          { label: t('ds.r.deadline'), value: facts.deadline },
          { label: t('ds.r.fees'), value: facts.fees.join('; ') },
          { label: t('ds.r.results'), value: facts.results.join('; ') },
        ]}
      />
      <h3>{t('ds.r.required')}</h3>
      {facts.components.length === 0 ? (
        <p>{t('ds.r.noComponents')}</p>
      ) : (
        <ol data-testid="required-components">
          {facts.components.map((c, i) => (
            <li key={i}>
              {c.group ? <span className="muted">{c.group}: </span> : null}
              {c.name}
              {need(c) ? <span className="muted"> ({need(c)})</span> : null}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('ds.r.legalBasis')}</h3>
      {facts.legalBasis.length === 0 ? (
        <p>{t('ds.r.noLegalBasis')}</p>
      ) : (
        <ul data-testid="legal-basis">
          {facts.legalBasis.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {facts.forms.length ? (
        <>
          <h3>{t('ds.r.forms')}</h3>
          <ul>
            {facts.forms.map((f) => (
              <li key={f.name}>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
