import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';
import { readStatusCatalog } from '../../../../src/modules/statuses/service.ts';
import type { StatusCatalog } from '../../../../src/modules/statuses/schema.ts';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useLang, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/index.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import { StatusDiagram } from './StatusDiagram.tsx';
import statusesCss from './statuses.css?url';

export function links() {
  return [...proceduresAdminLinks(), { rel: 'stylesheet', href: statusesCss }];
}

const API = '/api/admin/dossier-statuses';

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireOfficial(context, request);
  return orErrorPage(Promise.resolve().then(() => readStatusCatalog(w.auth)));
}

type StatusRow = StatusCatalog['statuses'][number];
type TransitionRow = StatusCatalog['transitions'][number];

/** /mot-cua/trang-thai: the status catalogue of Annex I (II.4.1) and its transition chart (II.4.2). */
export default function DossierStatuses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { statuses, transitions } = loaderData;
  const name = (s: DossierStatus | null) => (s ? t(`st.status.${s}` as MessageKey) : t('st.fromEntry'));
  const codes = Object.fromEntries(statuses.map((s) => [s.id, s.dvcqgCode])) as Record<DossierStatus, number>;
  const terminal = statuses.filter((s) => s.terminal).map((s) => s.id);
  const rowList = (ids: readonly string[]) =>
    ids.length === 0 ? (
      t('st.noSteps')
    ) : (
      <ul className="st-list">
        {ids.map((id) => (
          <li key={id}>
            <span className="st-row-id">{id}</span> {t(`st.row.${id}` as MessageKey)}
          </li>
        ))}
      </ul>
    );
  const title = t('st.title');
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <h1>{title}</h1>
      <p className="lead">{t('st.intro')}</p>
      <Notice>{t('st.fixed')}</Notice>

      <h2 id="danh-muc">{t('st.catalogTitle')}</h2>
      <table className="data-table stack" data-testid="statuses">
        <caption className="visually-hidden">{t('st.catalogCaption', { n: statuses.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('st.col.status')}</th>
            <th scope="col" className="num">
              {t('st.col.code')}
            </th>
            <th scope="col">{t('st.col.steps')}</th>
            <th scope="col">{t('st.col.info')}</th>
            <th scope="col">{t('st.col.next')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s.id} data-status={s.id}>
              <th scope="row" data-label={t('st.col.status')}>
                <span>
                  {name(s.id)}
                  {lang !== 'vi' ? (
                    <span className="desc" lang="vi">
                      {s.label}
                    </span>
                  ) : null}
                  {s.entry || s.terminal ? (
                    <span className="desc">
                      {s.entry ? <StatusBadge tone="info">{t('st.entry')}</StatusBadge> : null}{' '}
                      {s.terminal ? <StatusBadge tone="off">{t('st.terminal')}</StatusBadge> : null}
                    </span>
                  ) : null}
                </span>
              </th>
              <td data-label={t('st.col.code')} className="num" data-testid="code">
                {s.dvcqgCode}
              </td>
              <td data-label={t('st.col.steps')}>{rowList(s.annexRows.map((r) => r.id))}</td>
              <td data-label={t('st.col.info')}>
                <Info status={s} />
              </td>
              <td data-label={t('st.col.next')}>
                {s.next.length === 0 ? (
                  t('st.noNext')
                ) : (
                  <ul className="st-list">
                    {s.next.map((n) => (
                      <li key={n}>{name(n)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="luu-do">{t('st.diagramTitle')}</h2>
      <StatusDiagram transitions={transitions} codes={codes} terminal={terminal} />
      <h3>{t('st.legend')}</h3>
      <ul className="st-legend">
        <li>{t('st.legend.terminal')}</li>
        <li>{t('st.legend.withdraw')}</li>
        <li>{t('st.legend.loop')}</li>
      </ul>

      <h2 id="chuyen-doi">{t('st.transitionsTitle')}</h2>
      <table className="data-table stack" data-testid="transitions">
        <caption className="visually-hidden">{t('st.transitionsCaption', { n: transitions.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('st.col.from')}</th>
            <th scope="col">{t('st.col.to')}</th>
            <th scope="col">{t('st.col.event')}</th>
            <th scope="col">{t('st.col.actor')}</th>
            <th scope="col">{t('st.col.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((tr: TransitionRow) => (
            <tr key={`${tr.from ?? ''}>${tr.to}`}>
              <th scope="row" data-label={t('st.col.from')}>
                <span>{name(tr.from)}</span>
              </th>
              <td data-label={t('st.col.to')}>{name(tr.to)}</td>
              <td data-label={t('st.col.event')}>
                <span>
                  {t(`st.event.${tr.event}` as MessageKey)}
                  {tr.once ? <span className="desc">{t('st.once')}</span> : null}
                </span>
              </td>
              <td data-label={t('st.col.actor')}>{t(`st.actor.${tr.actor}` as MessageKey)}</td>
              <td data-label={t('st.col.rows')}>{rowList(tr.annexRows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('st.api')} <a href={API}>{API}</a>
      </p>
    </>
  );
}

/** The information shown with a status: required fields, optional ones marked, and any fixed line. */
function Info({ status }: { status: StatusRow }) {
  const t = useT();
  const items = [
    ...status.display.fields.map((f) => {
      const label = t(`st.field.${status.id}.${f.fact}` as MessageKey);
      return f.requiredAt.length > 0 ? label : t('st.optional', { label });
    }),
    ...(status.display.note ? [t(`st.note.${status.id}` as MessageKey)] : []),
  ];
  if (items.length === 0) return <>{t('st.noInfo')}</>;
  return (
    <ul className="st-list">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}
