import { Link } from 'react-router';

export interface SectionTab {
  to: string;
  label: string;
  /** 'page' on the tab's own page, 'true' on pages below it, undefined otherwise. */
  current?: 'page' | 'true' | undefined;
}

/** The sub-sections of a back-office section, as a row of links (works without JavaScript). */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={tab.current}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
