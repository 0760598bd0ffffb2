import { Form, Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { agencyOptions, guard, idOrUndefined } from '../to-chuc/forms.server.ts';
import type { Route } from './+types/groups.ts';
import { roleOptions } from './shared.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'users.manage');
  const params = new URL(request.url).searchParams;
  const agencyId = idOrUndefined(params.get('coquan'));
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const [agencies, groups, roles] = await Promise.all([
    agencyOptions(services, auth),
    guard(services.org.listGroups(auth, { ...(agencyId ? { agencyId } : {}), ...(q ? { q } : {}) })),
    roleOptions(services, auth, lang),
  ]);
  const roleName = new Map(roles.map((r) => [r.value, r.label]));
  return {
    filters: { agencyId: agencyId ?? '', q },
    agencies,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      agencyName: g.agencyName,
      roles: g.roleCodes.map((c) => roleName.get(c) ?? c),
      memberCount: g.memberCount,
    })),
  };
}

/** /mot-cua/nguoi-dung/nhom: user groups of the agencies this official manages; members receive the group's roles. */
export default function Groups({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filters, agencies, groups } = loaderData;
  const newHref = filters.agencyId
    ? `/mot-cua/nguoi-dung/nhom/them?coquan=${filters.agencyId}`
    : '/mot-cua/nguoi-dung/nhom/them';
  return (
    <>
      <PageTitle title={t('groups.title')} site="backoffice" />
      <div className="adm-head">
        <h1>{t('groups.title')}</h1>
        <Link to={newHref} className="button button-secondary">
          {t('groups.add')}
        </Link>
      </div>
      <FlashNotice notices={{ deleted: 'groups.notice.deleted' }} />
      <p>{t('groups.intro')}</p>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('groups.filterTitle')}
        key={`${filters.agencyId}|${filters.q}`}
      >
        <SelectField
          name="coquan"
          label={t('groups.agency')}
          options={agencies}
          placeholder={t('users.allAgencies')}
          markOptional={false}
          defaultValue={filters.agencyId}
        />
        <SearchField name="q" label={t('groups.search')} defaultValue={filters.q} />
        <div className="filters-submit actions">
          <button type="submit" className="button button-primary">
            {t('adm.filter')}
          </button>
          {filters.agencyId || filters.q ? (
            <Link to="/mot-cua/nguoi-dung/nhom">{t('adm.clearFilters')}</Link>
          ) : null}
        </div>
      </Form>
      <section aria-labelledby="groups-list" className="adm-section">
        <h2 id="groups-list">{t('groups.listTitle', { count: groups.length })}</h2>
        <DataTable
          caption={t('groups.listTitle', { count: groups.length })}
          captionHidden
          rows={groups}
          rowKey={(g) => g.id}
          empty={t('groups.empty')}
          testId="groups-table"
          columns={[
            {
              key: 'name',
              header: t('groups.name'),
              render: (g) => (
                <>
                  <Link to={`/mot-cua/nguoi-dung/nhom/${g.id}`}>{g.name}</Link>
                  {g.description ? <span className="cell-sub">{g.description}</span> : null}
                </>
              ),
            },
            { key: 'agency', header: t('groups.agency'), render: (g) => g.agencyName },
            { key: 'roles', header: t('groups.roles'), render: (g) => g.roles.join(', ') || '—' },
            { key: 'members', header: t('groups.members'), numeric: true, render: (g) => g.memberCount },
          ]}
        />
      </section>
    </>
  );
}
