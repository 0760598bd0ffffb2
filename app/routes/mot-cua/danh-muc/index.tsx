import { Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { isTopLevel } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/index.ts';

export const links = adminDataLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'catalogs.manage');
  const catalogs = await services.catalogs.listCatalogs();
  const nameOf = new Map(catalogs.map((c) => [c.code, lang === 'en' ? c.nameEn : c.name]));
  return {
    canEdit: isTopLevel(auth.grants, 'catalogs.manage'),
    catalogs: catalogs.map((c) => ({
      code: c.code,
      name: nameOf.get(c.code) ?? c.name,
      description: c.description,
      parent: c.parentCatalog ? (nameOf.get(c.parentCatalog) ?? c.parentCatalog) : null,
      count: c.count,
      retired: c.total - c.count,
      version: c.version,
      updatedAt: formatDateTime(c.updatedAt),
    })),
  };
}

/** /mot-cua/danh-muc: the shared catalogs (II.16.2) with how many items each holds. */
export default function Catalogs({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { catalogs, canEdit } = loaderData;
  return (
    <>
      <PageTitle title={t('cat.title')} site="backoffice" />
      <h1>{t('cat.title')}</h1>
      <p className="lead">{t('cat.intro')}</p>
      {canEdit ? null : <Notice kind="warning">{t('cat.readOnly')}</Notice>}
      <div className="table-wrap">
        <table className="data-table stack" data-testid="catalogs">
          <caption>{t('cat.listCaption', { n: catalogs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cat.col.catalog')}</th>
              <th scope="col">{t('cat.col.code')}</th>
              <th scope="col">{t('cat.col.parent')}</th>
              <th scope="col" className="num">
                {t('cat.col.inUse')}
              </th>
              <th scope="col" className="num">
                {t('cat.col.retired')}
              </th>
              <th scope="col" className="num">
                {t('cat.col.version')}
              </th>
              <th scope="col">{t('cat.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {catalogs.map((c) => (
              <tr key={c.code}>
                <th scope="row" data-label={t('cat.col.catalog')} className="col-main">
                  <span>
                    <Link to={`/mot-cua/danh-muc/${c.code}`}>{c.name}</Link>
                    <span className="desc">{c.description}</span>
                  </span>
                </th>
                <td data-label={t('cat.col.code')} className="nowrap">
                  <code>{c.code}</code>
                </td>
                <td data-label={t('cat.col.parent')}>{c.parent ?? '—'}</td>
                <td data-label={t('cat.col.inUse')} className="num">
                  {formatCount(c.count)}
                </td>
                <td data-label={t('cat.col.retired')} className="num">
                  {formatCount(c.retired)}
                </td>
                <td data-label={t('cat.col.version')} className="num">
                  {c.version}
                </td>
                <td data-label={t('cat.col.updated')} className="nowrap">
                  {c.updatedAt}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
