import { Form, Link } from 'react-router';
import { SearchField } from '../../../components/SearchField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { ProcedureChoice } from './receipt-data.server.ts';

interface Props {
  agencies: readonly SelectOption[];
  agencyId: string;
  q: string;
  choices: readonly ProcedureChoice[];
  chosen: { code: string; name: string } | undefined;
}

const pickUrl = (agencyId: string, q: string, code?: string) => {
  const p = new URLSearchParams({ 'co-quan': agencyId });
  if (q) p.set('tim', q);
  if (code) p.set('thu-tuc', code);
  return `/mot-cua/ho-so/tiep-nhan?${p.toString()}`;
};

/**
 * Step one of the receipt: the receiving agency (one of the caller's dossiers.receive agencies) and the
 * procedure, searched by code or name. A GET form and plain links: it works without JavaScript.
 */
export function ProcedurePicker({ agencies, agencyId, q, choices, chosen }: Props) {
  const t = useT();
  if (chosen) {
    return (
      <p className="ds-chosen" data-testid="chosen-procedure">
        <strong>{t('ds.r.procedure')}:</strong> {chosen.name} <span className="muted">({chosen.code})</span>{' '}
        <Link to={pickUrl(agencyId, q)}>{t('ds.r.changeProcedure')}</Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="pick-title">
      <h2 id="pick-title">{t('ds.r.pickTitle')}</h2>
      <Form method="get" className="filters" role="search" aria-label={t('ds.r.pickTitle')}>
        <div className="filters-grid ds-cols">
          <SelectField
            name="co-quan"
            label={t('ds.r.agency')}
            options={agencies}
            defaultValue={agencyId}
            placeholder={agencies.length > 1 ? t('adm.choose') : undefined}
            required
          />
          <SearchField name="tim" label={t('ds.r.search')} hint={t('ds.r.searchHint')} defaultValue={q} />
          <div className="actions">
            <button type="submit" className="button button-secondary">
              {t('ds.r.find')}
            </button>
          </div>
        </div>
      </Form>
      {agencyId ? (
        choices.length === 0 ? (
          <p data-testid="no-procedures">{t('ds.r.noProcedures')}</p>
        ) : (
          <ul className="ds-choices" data-testid="procedure-choices" aria-label={t('ds.r.choices')}>
            {choices.map((c) => (
              <li key={c.code}>
                <Link to={pickUrl(agencyId, q, c.code)}>{c.name}</Link>{' '}
                <span className="muted">
                  ({c.code}; {c.fieldName})
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
