import { ProcessDiagram } from '../../components/process/ProcessDiagram.tsx';
import { useT } from '../../i18n/index.ts';
import type { PortalProcess } from './procedure-process.server.ts';

/** The anchor of the section, for the page's table of contents. */
export const PROCESS_ANCHOR = 'quy-trinh';

/** "Quy trình xử lý" on the portal's procedure page: the steps a dossier goes through, read-only. */
export function ProcessOfProcedure({ process }: { process: PortalProcess | null }) {
  const t = useT();
  if (!process) return null;
  return (
    <section aria-labelledby={PROCESS_ANCHOR} className="pc-section">
      <h2 id={PROCESS_ANCHOR}>{t('pr.sectionTitle')}</h2>
      <p>{t('pr.portal.intro')}</p>
      <ProcessDiagram
        definition={process.definition}
        title={
          process.agencyName ? t('pr.portal.agency', { agency: process.agencyName }) : process.definition.name
        }
        hideActors
      />
    </section>
  );
}
