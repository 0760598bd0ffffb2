import { Form, Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { Route } from './+types/index.ts';
import { AgencyTable } from './AgencyTable.tsx';
import { guard, isRootAdmin } from './forms.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'org.manage');
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const all = params.get('tat-ca') === '1';
  const agencies = await guard(
    services.org.listAgencies(auth, { ...(q ? { q } : {}), includeInactive: all }),
  );
  return {
    q,
    all,
    rootAdmin: isRootAdmin(auth),
    agencies: agencies.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      level: a.level,
      active: a.active,
      childCount: a.childCount,
    })),
  };
}

/**
 * /mot-cua/to-chuc: the agencies this official manages, from the top of their scope; a search by
 * name (without diacritics) or code across all of them. Opening an agency lists its sub-agencies.
 */
export default function OrgIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { q, all, agencies, rootAdmin } = loaderData;
  const heading = q ? t('org.results', { count: agencies.length, q }) : t('org.roots');
  return (
    <>
      <PageTitle title={t('org.title')} site="backoffice" />
      <div className="adm-head">
        <h1>{t('org.title')}</h1>
        {rootAdmin ? (
          <Link to="/mot-cua/to-chuc/them" className="button button-secondary">
            {t('org.addTop')}
          </Link>
        ) : null}
      </div>
      <p>{t('org.intro')}</p>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('org.searchTitle')}
        key={`${q}|${all}`}
      >
        <SearchField name="q" label={t('org.search')} hint={t('org.searchHint')} defaultValue={q} />
        <CheckboxField name="tat-ca" value="1" label={t('org.includeInactive')} defaultChecked={all} />
        <div className="filters-submit actions">
          <button type="submit" className="button button-primary">
            {t('adm.search')}
          </button>
          {q || all ? <Link to="/mot-cua/to-chuc">{t('adm.clearFilters')}</Link> : null}
        </div>
      </Form>
      <section aria-labelledby="org-list" className="adm-section">
        <h2 id="org-list">{heading}</h2>
        <AgencyTable rows={agencies} caption={heading} empty={q ? t('org.noResults') : t('org.noAgencies')} />
      </section>
    </>
  );
}
