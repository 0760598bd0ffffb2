import { NavLink } from 'react-router';
import { useT } from '../../../i18n/index.ts';

/** The two views of the accounts section: the search (with details and export) and the access statistics. */
export function AccountTabs() {
  const t = useT();
  return (
    <nav aria-label={t('acc.tabs')} className="tabs">
      <ul>
        <li>
          <NavLink to="/mot-cua/tai-khoan-cong-dan" end>
            {t('acc.tab.search')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/mot-cua/tai-khoan-cong-dan/thong-ke">{t('acc.tab.stats')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
