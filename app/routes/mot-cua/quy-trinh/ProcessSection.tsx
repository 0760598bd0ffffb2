import { Link } from 'react-router';
import { ProcessDiagram } from '../../../components/process/ProcessDiagram.tsx';
import { useT } from '../../../i18n/index.ts';
import type { ProcessInForce } from './in-force.server.ts';

/**
 * "Quy trình xử lý" on the back-office procedure page (TT 22/2019 II.24.1): the diagram of the
 * version in force with the number of dossiers at each step, and the way to its versions.
 */
export function ProcessSection({
  process,
  versionsPath,
}: {
  process: ProcessInForce | null;
  versionsPath: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="process-title" data-testid="process-section">
      <h2 id="process-title">{t('pr.bo.title')}</h2>
      {process ? (
        <ProcessDiagram
          definition={process.definition}
          title={`${process.definition.name} (${t('pr.versionN', { n: process.version })}, ${process.agencyName ?? t('pr.shared')})`}
          counts={process.counts}
        >
          <p className="pd-help">{t('pr.bo.counts')}</p>
        </ProcessDiagram>
      ) : (
        <p>{t('pr.bo.none')}</p>
      )}
      <p>
        <Link to={versionsPath}>{t('pr.bo.versions')}</Link>
      </p>
    </section>
  );
}
