import { data, Form, Link, redirect, useLocation, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { CatalogParam } from '../../../../src/modules/catalogs/schema.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { formatCount } from '../../../components/admin-format.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { CursorPager, withParam } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import { optional, safeNext, textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import { pageAfter } from '../../../lib/paging.server.ts';
import { isTopLevel, orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/catalog.ts';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';
import { itemFiltersOf } from './filters.server.ts';
import { parentChoices } from './parents.server.ts';

export const links = adminDataLinks;

const PAGE_SIZE = 50;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'catalogs.manage');
  if (!CatalogParam.safeParse({ catalog: params.catalog }).success) failWith(404);
  const sp = new URL(request.url).searchParams;
  const { filters, query: criteria } = itemFiltersOf(sp);
  const after = optional(sp.get('sau') ?? '');
  const catalog = await orErrorPage(services.catalogs.getCatalog(params.catalog));
  const query = { ...criteria, limit: PAGE_SIZE };
  const { page, pageError } = await pageAfter(lang, after, (from) =>
    services.catalogs.listItems(catalog.code, { ...query, ...(from ? { after: from } : {}) }),
  );
  const parents = await parentChoices(services, catalog.parentCatalog, lang);
  const parentName = new Map(parents.options?.map((o) => [o.value, o.label]) ?? []);
  return {
    catalog: {
      code: catalog.code,
      name: lang === 'en' ? catalog.nameEn : catalog.name,
      description: catalog.description,
      source: catalog.source,
      codePattern: catalog.codePattern,
      version: catalog.version,
    },
    parents,
    filters,
    pageError,
    canEdit: isTopLevel(auth.grants, 'catalogs.manage'),
    next: page.next,
    items: page.items.map((i) => ({
      code: i.code,
      name: i.name,
      parent: i.parentCode ? { code: i.parentCode, name: parentName.get(i.parentCode) ?? null } : null,
      sortOrder: i.sortOrder,
      active: i.active,
      updatedAt: formatDateTime(i.updatedAt),
    })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'catalogs.manage');
  const v = textFields(await request.formData(), ['intent', 'code', 'back']);
  const back = safeNext(v.back, `/mot-cua/danh-muc/${params.catalog}`);
  if (!back.startsWith(`/mot-cua/danh-muc/${params.catalog}`)) failWith(400);
  try {
    if (v.intent === 'retire')
      await w.services.catalogs.deactivateItem(w.auth, w.actor, params.catalog, v.code);
    else if (v.intent === 'restore')
      await w.services.catalogs.updateItem(w.auth, w.actor, params.catalog, v.code, { active: true });
    else failWith(400);
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'forbidden' || e?.code === 'not_found')
      return data({ formError: errorMessage(e, w.lang) }, { status: e.status });
    throw err;
  }
  const sep = back.includes('?') ? '&' : '?';
  return redirect(
    `${back}${sep}tb=${v.intent === 'retire' ? 'retired' : 'restored'}&tb-ma=${encodeURIComponent(v.code)}`,
  );
}

const NOTICES: Record<string, MessageKey> = {
  retired: 'cat.notice.retired',
  restored: 'cat.notice.restored',
  created: 'cat.notice.created',
  updated: 'cat.notice.updated',
};

/** /mot-cua/danh-muc/:catalog: the items of one catalog: search, parent filter, keyset paging, retire/restore. */
export default function CatalogItems({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  const { catalog, parents, filters, items, canEdit } = loaderData;
  const notice = NOTICES[params.get('tb') ?? ''];
  const back = withParam(location.pathname, params, 'tb-ma', null);
  const base = `/mot-cua/danh-muc/${catalog.code}`;
  return (
    <>
      <PageTitle title={catalog.name} site="backoffice" />
      <p>
        <Link to="/mot-cua/danh-muc">{t('cat.back')}</Link>
      </p>
      <h1>{catalog.name}</h1>
      <p className="lead">{catalog.description}</p>
      <p className="muted">
        {t('cat.source')}: {catalog.source}. {t('cat.version', { version: catalog.version })}
      </p>
      {notice && !actionData ? (
        <Notice kind="success">{t(notice, { code: params.get('tb-ma') ?? '' })}</Notice>
      ) : null}
      <ErrorSummary order={[]} formError={actionData?.formError} />
      {loaderData.pageError ? <Notice kind="warning">{loaderData.pageError}</Notice> : null}
      <div className="toolbar">
        {canEdit ? (
          <Link className="button button-primary" to={`${base}/them-muc`}>
            {t('cat.add')}
          </Link>
        ) : null}
        <span>{t('cat.export')}:</span>
        <a href={`/api/catalogs/${catalog.code}/export`} download={`${catalog.code}.json`}>
          JSON
        </a>
        <a href={`/api/catalogs/${catalog.code}/export?format=xml`} download={`${catalog.code}.xml`}>
          XML
        </a>
      </div>
      <FilterForm label={t('cat.searchLabel')} clearTo={base}>
        <div className="filters-grid">
          <Field
            name="q"
            label={t('cat.q')}
            hint={t('cat.qHint')}
            defaultValue={filters.q}
            spellCheck={false}
          />
          {parents.catalog ? (
            parents.options ? (
              <SelectField
                name="cha"
                label={parents.catalog}
                defaultValue={filters.parent}
                options={parents.options}
                placeholder={t('admin.all')}
              />
            ) : (
              <Field
                name="cha"
                label={parents.catalog}
                hint={t('cat.parentCodeHint')}
                defaultValue={filters.parent}
                spellCheck={false}
              />
            )
          ) : null}
        </div>
        <CheckboxField name="tat-ca" value="1" label={t('cat.includeRetired')} defaultChecked={filters.all} />
      </FilterForm>
      <ExportForm
        kind="catalog_items"
        criteria={{
          'danh-muc': catalog.code,
          q: filters.q,
          cha: filters.parent,
          'tat-ca': filters.all ? '1' : '',
        }}
      />
      {items.length === 0 ? (
        <p data-testid="no-items">{t('cat.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="items">
            <caption>{t('cat.itemsCaption', { n: formatCount(items.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cat.col.itemCode')}</th>
                <th scope="col">{t('cat.col.name')}</th>
                {parents.catalog ? <th scope="col">{parents.catalog}</th> : null}
                <th scope="col" className="num">
                  {t('cat.col.sortOrder')}
                </th>
                <th scope="col">{t('cat.col.status')}</th>
                <th scope="col">{t('cat.col.updated')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.code} className={i.active ? undefined : 'row-retired'}>
                  <td data-label={t('cat.col.itemCode')} className="nowrap">
                    <code>{i.code}</code>
                  </td>
                  <th scope="row" data-label={t('cat.col.name')}>
                    {i.name}
                  </th>
                  {parents.catalog ? (
                    <td data-label={parents.catalog}>{i.parent ? (i.parent.name ?? i.parent.code) : '—'}</td>
                  ) : null}
                  <td data-label={t('cat.col.sortOrder')} className="num">
                    {i.sortOrder}
                  </td>
                  <td data-label={t('cat.col.status')}>
                    <span className={i.active ? 'status status-active' : 'status status-retired'}>
                      {t(i.active ? 'cat.status.active' : 'cat.status.retired')}
                    </span>
                  </td>
                  <td data-label={t('cat.col.updated')} className="nowrap">
                    {i.updatedAt}
                  </td>
                  <td data-label={t('admin.actions')}>
                    <div className="cell-actions">
                      <Link to={`${base}/muc/${encodeURIComponent(i.code)}`}>
                        {t(canEdit ? 'admin.edit' : 'admin.view')}
                        <span className="visually-hidden"> {i.code}</span>
                      </Link>
                      {canEdit ? (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="code" value={i.code} />
                          <input type="hidden" name="back" value={back} />
                          <SubmitButton name="intent" value={i.active ? 'retire' : 'restore'} variant="link">
                            {t(i.active ? 'cat.retire' : 'cat.restore')}
                            <span className="visually-hidden"> {i.code}</span>
                          </SubmitButton>
                        </Form>
                      ) : null}
                    </div>
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
