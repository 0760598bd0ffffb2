import { Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { AccountSearch } from '../../../../src/modules/accounts/schema.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { Field } from '../../../components/Field.tsx';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { optional } from '../../../lib/forms.ts';
import { pageAfter } from '../../../lib/paging.server.ts';
import type { Route } from './+types/index.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { accountQuery, filtersOf } from './filters.server.ts';
import { KIND_KEYS, KINDS, STATUS_KEYS, STATUSES, statusClass } from './labels.ts';
import { AccountTabs } from './tabs.tsx';

export const links = adminDataLinks;

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'accounts.manage');
  const sp = new URL(request.url).searchParams;
  const filters = filtersOf(sp);
  const query = AccountSearch.parse({ ...accountQuery(sp), limit: PAGE_SIZE });
  const after = optional(sp.get('sau') ?? '')?.slice(0, 200);
  const { page, pageError } = await pageAfter(lang, after, (from) =>
    services.accountsAdmin.search(auth, { ...query, ...(from ? { after: from } : {}) }),
  );
  return {
    filters,
    pageError,
    next: page.next,
    items: page.items.map((a) => ({
      id: a.id,
      kind: a.kind,
      username: a.username,
      fullName: a.fullName,
      orgName: a.orgName,
      email: a.email,
      phone: a.phone,
      status: a.status,
      createdAt: formatDateTime(a.createdAt),
      lastLoginAt: a.lastLoginAt ? formatDateTime(a.lastLoginAt) : null,
    })),
  };
}

/** /mot-cua/tai-khoan-cong-dan: search registered accounts (II.17.3), newest first, and export them. */
export default function Accounts({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filters, items } = loaderData;
  return (
    <>
      <PageTitle title={t('acc.title')} site="backoffice" />
      <h1>{t('acc.title')}</h1>
      <AccountTabs />
      <p className="lead">{t('acc.intro')}</p>
      {loaderData.pageError ? <Notice kind="warning">{loaderData.pageError}</Notice> : null}
      <FilterForm
        label={t('acc.searchLabel')}
        submitLabel={t('admin.search')}
        clearTo="/mot-cua/tai-khoan-cong-dan"
      >
        <div className="filters-grid">
          <Field
            name="q"
            label={t('acc.q')}
            hint={t('acc.qHint')}
            defaultValue={filters.q}
            spellCheck={false}
          />
          <SelectField
            name="loai"
            label={t('acc.kind')}
            defaultValue={filters.kind}
            options={KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
            placeholder={t('admin.all')}
          />
          <SelectField
            name="trang-thai"
            label={t('acc.status')}
            defaultValue={filters.status}
            options={STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            placeholder={t('admin.all')}
          />
        </div>
      </FilterForm>
      <ExportForm
        kind="accounts"
        criteria={{ q: filters.q, loai: filters.kind, 'trang-thai': filters.status }}
      />
      {items.length === 0 ? (
        <p data-testid="no-accounts">{t('acc.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="accounts">
            <caption>{t('acc.caption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('acc.col.name')}</th>
                <th scope="col">{t('acc.col.username')}</th>
                <th scope="col">{t('acc.kind')}</th>
                <th scope="col">{t('acc.col.contact')}</th>
                <th scope="col">{t('acc.status')}</th>
                <th scope="col">{t('acc.col.created')}</th>
                <th scope="col">{t('acc.col.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row" data-label={t('acc.col.name')}>
                    <span>
                      <Link to={`/mot-cua/tai-khoan-cong-dan/${a.id}`}>{a.fullName}</Link>
                      {a.orgName ? (
                        <>
                          <br />
                          <span className="muted">{a.orgName}</span>
                        </>
                      ) : null}
                    </span>
                  </th>
                  <td data-label={t('acc.col.username')} className="nowrap">
                    <code>{a.username}</code>
                  </td>
                  <td data-label={t('acc.kind')}>{t(KIND_KEYS[a.kind as (typeof KINDS)[number]])}</td>
                  <td data-label={t('acc.col.contact')}>
                    <span>
                      {a.email ?? '—'}
                      {a.phone ? (
                        <>
                          <br />
                          {a.phone}
                        </>
                      ) : null}
                    </span>
                  </td>
                  <td data-label={t('acc.status')}>
                    <span className={statusClass(a.status)}>
                      {t(STATUS_KEYS[a.status as (typeof STATUSES)[number]])}
                    </span>
                  </td>
                  <td data-label={t('acc.col.created')} className="nowrap">
                    {a.createdAt}
                  </td>
                  <td data-label={t('acc.col.lastLogin')} className="nowrap">
                    {a.lastLoginAt ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager param="sau" next={loaderData.next} />
    </>
  );
}
