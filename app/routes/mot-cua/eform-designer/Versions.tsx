import { Link } from 'react-router';
import type { EformDefinition } from '../../../../src/domain/eform.ts';
import { useT } from '../../../i18n/index.ts';

interface Version {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

/** Every saved version: when, by whom, "view" (read-only preview) and "start from this version". */
export function Versions({ versions, canEdit }: { versions: readonly Version[]; canEdit: boolean }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('ed.versionsTitle')}</h2>
      {versions.length === 0 ? (
        <p data-testid="no-versions">{t('ed.noVersions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="eform-versions">
            <caption className="visually-hidden">{t('ed.versionsCaption', { n: versions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ed.col.version')}</th>
                <th scope="col">{t('ed.col.savedAt')}</th>
                <th scope="col">{t('ed.col.savedBy')}</th>
                <th scope="col">{t('ed.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row" data-label={t('ed.col.version')}>
                    {v.version}
                  </th>
                  <td data-label={t('ed.col.savedAt')} className="nowrap">
                    {v.createdAt}
                  </td>
                  <td data-label={t('ed.col.savedBy')}>{v.createdBy ?? '—'}</td>
                  <td data-label={t('ed.col.actions')}>
                    <span className="toolbar">
                      <Link to={`?xem=${v.version}#viewed-title`}>{t('ed.view', { n: v.version })}</Link>
                      {canEdit ? (
                        <Link to={`?tu=${v.version}`}>{t('ed.startFrom', { n: v.version })}</Link>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The draft as JSON, to download or copy (for IT departments moving forms between systems). */
export function ExportJson({ draft, code }: { draft: EformDefinition; code: string }) {
  const t = useT();
  const json = JSON.stringify(draft, null, 2);
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('ed.exportTitle')}</h2>
      <p>
        <a
          href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`}
          download={`to-khai-${code}.json`}
          data-testid="export-link"
        >
          {t('ed.exportDownload')}
        </a>
      </p>
      <details>
        <summary>{t('ed.exportShow')}</summary>
        <label htmlFor="export-json" className="field-label">
          {t('ed.exportLabel')}
        </label>
        <textarea id="export-json" className="input ed-json" rows={12} readOnly value={json} />
      </details>
    </section>
  );
}
