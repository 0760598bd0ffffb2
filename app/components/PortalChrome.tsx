import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useT } from '../i18n/index.ts';
import { useRootData } from '../lib/root-data.ts';
import { Emblem } from './Emblem.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SignOutForm } from './SignOutForm.tsx';

/** Header (banner, main navigation, account links), main landmark and footer of the public portal. */
export function PortalChrome({ children }: { children: ReactNode }) {
  const t = useT();
  const user = useRootData()?.user ?? null;
  return (
    <>
      <header className="site-header">
        <div className="container header-top">
          <Link to="/" className="brand">
            <Emblem />
            <span className="brand-name">{t('app.portalName')}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <div className="header-bar">
          <div className="container header-bar-inner">
            <nav aria-label={t('nav.main')}>
              <ul className="nav-list">
                <li>
                  <NavLink to="/" end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/thu-tuc-hanh-chinh">{t('nav.procedures')}</NavLink>
                </li>
                <li>
                  <NavLink to="/tra-cuu-ho-so">{t('nav.lookup')}</NavLink>
                </li>
                <li>
                  <NavLink to="/nop-ho-so">{t('nav.submit')}</NavLink>
                </li>
              </ul>
            </nav>
            <nav aria-label={t('nav.user')} className="user-nav">
              {user ? (
                <ul className="nav-list">
                  <li className="user-name">{t('nav.signedInAs', { name: user.fullName })}</li>
                  {user.kind === 'official' ? (
                    <li>
                      <NavLink to="/mot-cua">{t('nav.backOffice')}</NavLink>
                    </li>
                  ) : (
                    <li>
                      <NavLink to="/ho-so-cua-toi">{t('nav.myDossiers')}</NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/tai-khoan">{t('nav.account')}</NavLink>
                  </li>
                  <li>
                    <SignOutForm />
                  </li>
                </ul>
              ) : (
                <ul className="nav-list">
                  <li>
                    <NavLink to="/dang-nhap">{t('nav.signIn')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/dang-ky">{t('nav.register')}</NavLink>
                  </li>
                </ul>
              )}
            </nav>
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <p>
            <Link to="/thong-ke">{t('pub.stats.link')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
