import { Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import { optional } from '../../../lib/forms.ts';
import { pageAfter } from '../../../lib/paging.server.ts';
import type { Route } from './+types/index.ts';
import { requireCatalog } from './access.server.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { procedureFiltersOf } from './filters.server.ts';
import { STATUS_FILTER_KEYS, STATUS_FILTERS } from './labels.ts';
import { StatusBadges } from './ProcedureParts.tsx';
import { ProcedureTabs } from './tabs.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  const sp = new URL(request.url).searchParams;
  const fields = await w.services.procedureFields.list(w.auth);
  const { filters, query: criteria } = procedureFiltersOf(sp, fields);
  const query = { limit: PAGE_SIZE, ...criteria };
  const { page, pageError } = await pageAfter(w.lang, optional(sp.get('sau') ?? ''), (after) =>
    w.services.procedures.list(w.auth, after ? { ...query, after } : query),
  );
  const names = new Map(fields.map((f) => [f.code, f.name]));
  return {
    canEdit: w.canEdit,
    filters,
    pageError,
    fields: fields.map((f) => ({ value: f.code, label: f.name })),
    next: page.next,
    items: page.items.map((p) => ({
      ...p,
      fieldName: names.get(p.fieldCode) ?? p.fieldCode,
      updatedAt: formatDateTime(p.updatedAt),
    })),
  };
}

/** /mot-cua/thu-tuc: the procedure catalog for editors and reviewers: search, filters, keyset paging. */
export default function ProceduresIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filters, items, canEdit } = loaderData;
  return (
    <>
      <PageTitle title={t('pa.title')} site="backoffice" />
      <h1>{t('pa.title')}</h1>
      <ProcedureTabs current="/mot-cua/thu-tuc" />
      <p className="lead">{t('pa.intro')}</p>
      <div className="toolbar">
        {canEdit ? (
          <Link className="button button-primary" to="/mot-cua/thu-tuc/them">
            {t('pa.new')}
          </Link>
        ) : null}
        <Link to="/mot-cua/thu-tuc/dong-bo">{t('pa.importLink')}</Link>
        <span>{t('pa.exportLabel')}</span>
        <a href="/mot-cua/thu-tuc/xuat" download>
          {t('pa.exportPublished')}
        </a>
        <a href="/mot-cua/thu-tuc/xuat?drafts=true" download>
          {t('pa.exportDrafts')}
        </a>
      </div>
      <FilterForm label={t('pa.searchLabel')} clearTo="/mot-cua/thu-tuc">
        <div className="filters-grid">
          <SearchField name="q" label={t('pa.q')} hint={t('pa.qHint')} defaultValue={filters.q} />
          <SelectField
            name="linh-vuc"
            label={t('pa.col.field')}
            options={loaderData.fields}
            defaultValue={filters.field}
            placeholder={t('admin.all')}
            markOptional={false}
          />
          <SelectField
            name="trang-thai"
            label={t('pa.col.status')}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(STATUS_FILTER_KEYS[s]) }))}
            defaultValue={filters.status}
            placeholder={t('admin.all')}
            markOptional={false}
          />
        </div>
      </FilterForm>
      <ExportForm
        kind="procedures"
        criteria={{ q: filters.q, 'linh-vuc': filters.field, 'trang-thai': filters.status }}
      />
      {loaderData.pageError ? <Notice kind="warning">{loaderData.pageError}</Notice> : null}
      {items.length === 0 ? (
        <p data-testid="no-procedures">{t('pa.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="procedures">
            <caption>{t('pa.caption', { n: formatCount(items.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pa.col.code')}</th>
                <th scope="col">{t('pa.col.name')}</th>
                <th scope="col">{t('pa.col.field')}</th>
                <th scope="col">{t('pa.col.status')}</th>
                <th scope="col" className="num">
                  {t('pa.col.flags')}
                </th>
                <th scope="col">{t('pa.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.code} data-code={p.code}>
                  <td data-label={t('pa.col.code')} className="nowrap">
                    <code>{p.code}</code>
                  </td>
                  <th scope="row" data-label={t('pa.col.name')} className="col-main">
                    <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                  </th>
                  <td data-label={t('pa.col.field')}>{p.fieldName}</td>
                  <td data-label={t('pa.col.status')}>
                    <StatusBadges status={p.status} hasChanges={p.hasChanges} flagCount={0} />
                  </td>
                  <td data-label={t('pa.col.flags')} className="num">
                    {p.flagCount > 0 ? p.flagCount : ''}
                  </td>
                  <td data-label={t('pa.col.updated')} className="nowrap">
                    {p.updatedAt}
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
