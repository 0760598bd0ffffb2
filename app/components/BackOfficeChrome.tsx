import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useT } from '../i18n/index.ts';
import { useRootData } from '../lib/root-data.ts';
import { BACK_OFFICE_SECTIONS } from '../routes/mot-cua/nav.ts';
import { Emblem } from './Emblem.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SignOutForm } from './SignOutForm.tsx';

interface Props {
  /** Ids of the sections to list (see routes/mot-cua/nav.ts); no menu when undefined. */
  sections?: readonly string[] | undefined;
  children: ReactNode;
}

/** Header, section menu and main landmark of the one-stop back office; admin screens render inside. */
export function BackOfficeChrome({ sections, children }: Props) {
  const t = useT();
  const user = useRootData()?.user ?? null;
  const visible = sections ? BACK_OFFICE_SECTIONS.filter((s) => sections.includes(s.id)) : [];
  return (
    <>
      <header className="site-header bo-header">
        <div className="container container-wide header-top">
          <Link to="/mot-cua" className="brand">
            <Emblem />
            <span className="brand-name">{t('app.backOfficeName')}</span>
          </Link>
          <LanguageSwitch />
        </div>
        {user ? (
          <div className="header-bar">
            <div className="container container-wide header-bar-inner">
              <nav aria-label={t('nav.user')} className="user-nav">
                <ul className="nav-list">
                  <li className="user-name">{t('nav.signedInAs', { name: user.fullName })}</li>
                  <li>
                    <Link to="/">{t('bo.toPortal')}</Link>
                  </li>
                  <li>
                    <SignOutForm next="/mot-cua/dang-nhap" />
                  </li>
                </ul>
              </nav>
            </div>
          </div>
        ) : null}
      </header>
      <div className={visible.length ? 'container container-wide bo-body' : 'container container-wide'}>
        {visible.length ? (
          <nav aria-label={t('bo.nav')} className="bo-nav">
            <ul>
              {visible.map((s) => (
                <li key={s.id}>
                  {s.ready ? (
                    <NavLink to={s.path} end={s.id === 'home'}>
                      {t(s.label)}
                    </NavLink>
                  ) : (
                    <span className="bo-nav-soon">
                      {t(s.label)} <small>({t('bo.soon')})</small>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main-content" tabIndex={-1} className="main bo-main">
          {children}
        </main>
      </div>
      <footer className="site-footer bo-footer">
        <div className="container container-wide">
          <p>{t('app.footerBackOffice')}</p>
        </div>
      </footer>
    </>
  );
}
