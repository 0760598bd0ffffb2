import type { Crumb } from '../../../components/Breadcrumb.tsx';
import type { Translate } from '../../../i18n/index.ts';

export interface AgencyTrail {
  id: string;
  name: string;
  ancestors: readonly { id: string; name: string; accessible: boolean }[];
}

/**
 * The breadcrumb down to an agency: the organisation list, its ancestors (linked where the user may
 * open them) and the agency itself; pages below the agency add their own last crumb.
 */
export function agencyCrumbs(t: Translate, agency: AgencyTrail): Crumb[] {
  return [
    { label: t('org.title'), to: '/mot-cua/to-chuc' },
    ...agency.ancestors.map((a) => ({
      label: a.name,
      to: a.accessible ? `/mot-cua/to-chuc/${a.id}` : undefined,
    })),
    { label: agency.name, to: `/mot-cua/to-chuc/${agency.id}` },
  ];
}
