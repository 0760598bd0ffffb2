import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.ts';
import { requireOfficial } from '../../lib/auth.server.ts';
import { officialProfile } from '../../lib/officials.server.ts';
import type { Route } from './+types/home.ts';
import { BACK_OFFICE_SECTIONS, visibleSections } from './nav.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request);
  return {
    fullName: auth.account.fullName,
    profile: await officialProfile(services, auth, lang),
    sections: visibleSections(auth.grants).filter((id) => id !== 'home'),
  };
}

/** Back-office home: who I am, my roles and agencies, the sections I may use. */
export default function BackOfficeHome({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { profile } = loaderData;
  const sections = BACK_OFFICE_SECTIONS.filter((s) => loaderData.sections.includes(s.id));
  return (
    <>
      <PageTitle title={t('bo.homeTitle')} site="backoffice" />
      <h1>{t('bo.welcome', { name: loaderData.fullName })}</h1>
      {profile.roles.length === 0 ? <p className="notice notice-warning">{t('bo.noGrants')}</p> : null}
      <div className="cards">
        <section className="card" aria-labelledby="bo-roles">
          <h2 id="bo-roles">{t('bo.roles')}</h2>
          <ul className="plain-list" data-testid="roles">
            {profile.roles.map((r) => (
              <li key={r.code}>{r.name}</li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="bo-agencies">
          <h2 id="bo-agencies">{t('bo.agencies')}</h2>
          <ul className="plain-list" data-testid="agencies">
            {profile.agencies.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> <span className="muted">({a.code})</span>
                {a.includeSubtree ? <span className="muted">, {t('bo.subtree')}</span> : null}
                <br />
                <span className="muted">{a.roles.join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {sections.length ? (
        <section aria-labelledby="bo-sections">
          <h2 id="bo-sections">{t('bo.sections')}</h2>
          <ul className="plain-list">
            {sections.map((s) => (
              <li key={s.id}>
                {s.ready ? (
                  <Link to={s.path}>{t(s.label)}</Link>
                ) : (
                  <span>
                    {t(s.label)} <small className="muted">({t('bo.soon')})</small>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
