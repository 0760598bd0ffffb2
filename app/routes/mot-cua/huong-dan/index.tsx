import { Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { isTopLevel } from '../../../lib/backoffice.server.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/index.ts';
import { KIND_KEYS } from './kinds.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireOfficial(context, request, 'content.edit');
  const guides = await w.services.guides.list(w.auth);
  return {
    canEdit: isTopLevel(w.auth.grants, 'content.edit'),
    guides: guides.map((g) => ({
      id: g.id,
      kind: g.kind,
      slug: g.slug,
      title: g.title,
      published: g.published,
      sortOrder: g.sortOrder,
      procedures: g.procedureCodes.length,
      updatedAt: formatDateTime(g.updatedAt),
    })),
  };
}

/** /mot-cua/huong-dan: guides, frequently asked questions and life events (III.7), published or not. */
export default function GuidesIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { guides, canEdit } = loaderData;
  return (
    <>
      <PageTitle title={t('pa.guidesTitle')} site="backoffice" />
      <h1>{t('pa.guidesTitle')}</h1>
      <p className="lead">{t('pa.guidesIntro')}</p>
      <FlashNotice notices={{ deleted: 'pa.notice.guideDeleted' }} />
      {canEdit ? (
        <div className="toolbar">
          <Link className="button button-primary" to="/mot-cua/huong-dan/them">
            {t('pa.g.new')}
          </Link>
        </div>
      ) : null}
      {guides.length === 0 ? (
        <p>{t('pa.g.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table stack" data-testid="guides">
            <caption>{t('pa.g.caption', { n: guides.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pa.g.title')}</th>
                <th scope="col">{t('pa.g.kind')}</th>
                <th scope="col">{t('pa.g.slug')}</th>
                <th scope="col" className="num">
                  {t('pa.g.procedures')}
                </th>
                <th scope="col" className="num">
                  {t('pa.g.sortOrder')}
                </th>
                <th scope="col">{t('pa.col.status')}</th>
                <th scope="col">{t('pa.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {guides.map((g) => (
                <tr key={g.id}>
                  <th scope="row" data-label={t('pa.g.title')} className="col-main">
                    <Link to={`/mot-cua/huong-dan/${g.id}`}>{g.title}</Link>
                  </th>
                  <td data-label={t('pa.g.kind')}>{t(KIND_KEYS[g.kind])}</td>
                  <td data-label={t('pa.g.slug')}>
                    <code className="code">{g.slug}</code>
                  </td>
                  <td data-label={t('pa.g.procedures')} className="num">
                    {g.procedures}
                  </td>
                  <td data-label={t('pa.g.sortOrder')} className="num">
                    {g.sortOrder}
                  </td>
                  <td data-label={t('pa.col.status')}>
                    <StatusBadge tone={g.published ? 'ok' : 'info'}>
                      {t(g.published ? 'pa.g.published' : 'pa.g.unpublished')}
                    </StatusBadge>
                  </td>
                  <td data-label={t('pa.col.updated')} className="nowrap">
                    {g.updatedAt}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
