import { useT } from '../../../i18n/index.ts';

type Summary = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value of a before/after summary as short text: "key: value; …" for objects, lists joined by commas. */
function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (isRecord(v)) {
    const entries = Object.entries(v);
    return entries.length ? entries.map(([k, x]) => `${k}: ${show(x)}`).join('; ') : '—';
  }
  return JSON.stringify(v);
}

/**
 * The before/after summary of an audit entry, readable: a table of the changed fields (before, after)
 * and the other details (export filters, seeded counts…) as a list; closed by default.
 */
export function EntryDetails({ summary, seq, hash }: { summary: Summary; seq: number; hash: string }) {
  const t = useT();
  const before = isRecord(summary.before)
    ? summary.before
    : summary.before === undefined
      ? {}
      : { value: summary.before };
  const after = isRecord(summary.after)
    ? summary.after
    : summary.after === undefined
      ? {}
      : { value: summary.after };
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const others = Object.entries(summary).filter(([k]) => k !== 'before' && k !== 'after');
  const count = fields.length + others.length;
  return (
    <details className="audit-details">
      <summary>
        {count > 0 ? t('audit.details', { n: count }) : t('audit.detailsNone')}
        <span className="visually-hidden"> ({t('audit.entry', { seq })})</span>
      </summary>
      {fields.length > 0 ? (
        <table className="kv-table">
          <caption className="visually-hidden">{t('audit.changesCaption', { seq })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <th scope="row">
                  <code>{f}</code>
                </th>
                <td>{show(before[f])}</td>
                <td>{show(after[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {others.length > 0 ? (
        <dl className="summary-list compact">
          {others.map(([k, v]) => (
            <div key={k}>
              <dt>
                <code>{k}</code>
              </dt>
              <dd className="code">{show(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="hash">
        {t('audit.hash')}: <code>{hash.slice(0, 16)}…</code>
      </p>
    </details>
  );
}
