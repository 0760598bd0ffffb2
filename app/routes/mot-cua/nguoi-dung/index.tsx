import { Form, Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import type { PagerMessages } from '../../../components/KeysetPager.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { agencyOptions, guard } from '../to-chuc/forms.server.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import type { Route } from './+types/index.ts';
import { officialFiltersOf } from './filters.server.ts';
import { OfficialStatus, STATUSES } from './OfficialStatus.tsx';
import { positionNames } from './shared.server.ts';

const PAGE_SIZE = 50;
const PAGER: PagerMessages = { nav: 'adm.pages', first: 'adm.firstPage', next: 'adm.nextPage' };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth } = requireOfficial(context, request, 'users.manage');
  const params = new URL(request.url).searchParams;
  const { agencyId, departmentId, subtree, status, q, query } = officialFiltersOf(params);
  const after = (params.get('sau') ?? '').slice(0, 400);
  const [agencies, departments, page, positions] = await Promise.all([
    agencyOptions(services, auth),
    agencyId ? guard(services.org.listDepartments(auth, agencyId, { includeInactive: true })) : [],
    guard(services.org.listOfficials(auth, { ...query, ...(after ? { after } : {}), limit: PAGE_SIZE })),
    positionNames(services),
  ]);
  return {
    filters: { agencyId: agencyId ?? '', departmentId: departmentId ?? '', subtree, status: status ?? '', q },
    agencies,
    departments: departments.map((d) => ({
      value: d.id,
      label: d.active ? d.name : `${d.name} (${d.code})`,
    })),
    officials: page.items.map((o) => ({
      id: o.id,
      fullName: o.fullName,
      username: o.username,
      agencyName: o.agencyName,
      departmentName: o.departmentName,
      position: o.positionCode ? (positions[o.positionCode] ?? o.positionCode) : null,
      title: o.title,
      status: o.status,
      lastLoginAt: o.lastLoginAt ? formatDateTime(o.lastLoginAt) : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * /mot-cua/nguoi-dung: the officials this user manages, filtered by agency (with or without its
 * sub-agencies), department, state and a diacritic-free search; keyset pages ("Trang sau").
 */
export default function OfficialsList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { filters, agencies, departments, officials, nextCursor } = loaderData;
  const newHref = filters.agencyId
    ? `/mot-cua/nguoi-dung/them?coquan=${filters.agencyId}`
    : '/mot-cua/nguoi-dung/them';
  return (
    <>
      <PageTitle title={t('users.title')} site="backoffice" />
      <div className="adm-head">
        <h1>{t('users.title')}</h1>
        <Link to={newHref} className="button button-secondary">
          {t('users.add')}
        </Link>
      </div>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('users.filterTitle')}
        key={params.toString()}
      >
        <SelectField
          name="coquan"
          label={t('users.agency')}
          options={agencies}
          placeholder={t('users.allAgencies')}
          markOptional={false}
          defaultValue={filters.agencyId}
        />
        {filters.agencyId ? (
          <SelectField
            name="phong"
            label={t('users.department')}
            options={departments}
            placeholder={t('users.allDepartments')}
            markOptional={false}
            defaultValue={filters.departmentId}
          />
        ) : null}
        <SelectField
          name="trangthai"
          label={t('adm.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          placeholder={t('users.allStatuses')}
          markOptional={false}
          defaultValue={filters.status}
        />
        <SearchField
          name="q"
          label={t('users.search')}
          hint={t('users.searchHint')}
          defaultValue={filters.q}
        />
        {filters.agencyId ? (
          <CheckboxField
            name="tructhuoc"
            value="1"
            label={t('users.subtree')}
            defaultChecked={filters.subtree}
          />
        ) : null}
        <div className="filters-submit actions">
          <button type="submit" className="button button-primary">
            {t('adm.filter')}
          </button>
          {params.size > 0 ? <Link to="/mot-cua/nguoi-dung">{t('adm.clearFilters')}</Link> : null}
        </div>
      </Form>
      {!filters.agencyId ? <p className="muted">{t('users.pickAgencyForDepartments')}</p> : null}
      <ExportForm
        kind="officials"
        criteria={{
          coquan: filters.agencyId,
          phong: filters.departmentId,
          tructhuoc: filters.subtree ? '1' : '',
          trangthai: filters.status,
          q: filters.q,
        }}
      />
      <section aria-labelledby="users-list" className="adm-section">
        <h2 id="users-list">{t('users.listTitle')}</h2>
        <DataTable
          caption={t('users.listTitle')}
          captionHidden
          rows={officials}
          rowKey={(o) => o.id}
          empty={t('users.empty')}
          testId="officials-table"
          columns={[
            {
              key: 'name',
              header: t('users.fullName'),
              render: (o) => (
                <>
                  <Link to={`/mot-cua/nguoi-dung/${o.id}`}>{o.fullName}</Link>
                  <span className="cell-sub">{o.username}</span>
                </>
              ),
            },
            { key: 'agency', header: t('users.agency'), render: (o) => o.agencyName },
            { key: 'department', header: t('users.department'), render: (o) => o.departmentName ?? '—' },
            {
              key: 'position',
              header: t('users.positionTitle'),
              render: (o) => (
                <>
                  {o.position ?? '—'}
                  {o.title ? <span className="cell-sub">{o.title}</span> : null}
                </>
              ),
            },
            { key: 'status', header: t('adm.status'), render: (o) => <OfficialStatus status={o.status} /> },
            { key: 'login', header: t('users.lastLogin'), render: (o) => o.lastLoginAt ?? t('users.never') },
          ]}
        />
        <CursorPager param="sau" next={nextCursor} messages={PAGER} />
      </section>
    </>
  );
}
