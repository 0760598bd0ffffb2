import { Link } from 'react-router';
import { formatCount } from '../../../components/admin-format.ts';
import { FilterForm } from '../../../components/FilterForm.tsx';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SearchField } from '../../../components/SearchField.tsx';
import { useT } from '../../../i18n/index.ts';
import { optional } from '../../../lib/forms.ts';
import { pageAfter } from '../../../lib/paging.server.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/index.ts';
import { requireProcesses } from './access.server.ts';

export const links = proceduresAdminLinks;

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireProcesses(context, request);
  const sp = new URL(request.url).searchParams;
  const q = (sp.get('q') ?? '').slice(0, 200);
  const query = { limit: PAGE_SIZE, ...(optional(q) ? { q } : {}) };
  const { page, pageError } = await pageAfter(w.lang, optional(sp.get('sau') ?? ''), (after) =>
    w.services.procedures.list(w.auth, after ? { ...query, after } : query),
  );
  return {
    q,
    pageError,
    next: page.next,
    items: page.items.map((p) => ({ code: p.code, name: p.name })),
  };
}

/**
 * /mot-cua/quy-trinh: the way into the process designer (TT 22/2019 II.3.1): find a procedure, then
 * open its processes (versions per agency, drafts, import and export).
 */
export default function ProcessesIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { items } = loaderData;
  return (
    <>
      <PageTitle title={t('pr.title')} site="backoffice" />
      <h1>{t('pr.title')}</h1>
      <p className="lead">{t('pr.intro')}</p>
      <FilterForm label={t('pr.searchLabel')} clearTo="/mot-cua/quy-trinh">
        <SearchField name="q" label={t('pr.q')} hint={t('pr.qHint')} defaultValue={loaderData.q} />
      </FilterForm>
      {loaderData.pageError ? <Notice kind="warning">{loaderData.pageError}</Notice> : null}
      {items.length === 0 ? (
        <p data-testid="no-procedures">{t('pr.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="process-procedures">
            <caption>{t('pr.caption', { n: formatCount(items.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pr.col.code')}</th>
                <th scope="col">{t('pr.col.name')}</th>
                <th scope="col">{t('pr.col.process')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.code}>
                  <td data-label={t('pr.col.code')} className="nowrap">
                    <code>{p.code}</code>
                  </td>
                  <th scope="row" data-label={t('pr.col.name')} className="col-main">
                    {p.name}
                  </th>
                  <td data-label={t('pr.col.process')}>
                    <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(p.code)}/quy-trinh`}>
                      {t('pr.bo.link')}
                      <span className="visually-hidden"> {p.code}</span>
                    </Link>
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
