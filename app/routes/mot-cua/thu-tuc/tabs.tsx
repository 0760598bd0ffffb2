import { SectionTabs } from '../../../components/SectionTabs.tsx';
import { useT } from '../../../i18n/index.ts';

const TABS = [
  { to: '/mot-cua/thu-tuc', label: 'pa.tab.list' },
  { to: '/mot-cua/thu-tuc/linh-vuc', label: 'pa.tab.fields' },
  { to: '/mot-cua/thu-tuc/bieu-mau', label: 'pa.tab.forms' },
  { to: '/mot-cua/thu-tuc/dong-bo', label: 'pa.tab.import' },
] as const;

/** The sub-sections of the procedure catalog; `current` is the tab of this page. */
export function ProcedureTabs({ current }: { current: (typeof TABS)[number]['to'] }) {
  const t = useT();
  return (
    <SectionTabs
      label={t('pa.tabs')}
      tabs={TABS.map((tab) => ({
        to: tab.to,
        label: t(tab.label),
        current: tab.to === current ? ('page' as const) : undefined,
      }))}
    />
  );
}
