import { Fragment } from 'react';
import { Link } from 'react-router';
import type { PublicProcedure } from '../../../src/modules/procedures/schema.ts';
import { formatCount } from '../../components/admin-format.ts';
import { useT } from '../../i18n/index.ts';
import { ChannelList } from './catalog-ui.tsx';

/** Where to go: the agencies of the source, and those receiving applications on the portal. */
export function Where({ procedure: p }: { procedure: PublicProcedure }) {
  const t = useT();
  const a = p.content.agencies;
  const rows = (
    [
      ['pc.proc.where.implementing', a.implementing],
      ['pc.proc.where.competent', a.competent],
      ['pc.proc.where.delegated', a.delegated],
      ['pc.proc.where.coordinating', a.coordinating],
      ['pc.proc.where.address', a.address],
    ] as const
  ).filter((r): r is readonly [(typeof r)[0], string] => Boolean(r[1]));
  // Grouped by how they accept applications, each way said once: a commune-level procedure is
  // carried out by every commune of the province (279 here), and saying it per commune made the
  // page 80 kB heavier (issue 8).
  const groups = new Map<string, PublicProcedure['agencies'][number][]>();
  for (const ag of p.agencies) {
    const key = [...ag.channels].sort().join();
    const group = groups.get(key);
    if (group) group.push(ag);
    else groups.set(key, [ag]);
  }
  const list = [...groups.values()].map((agencies) => (
    <Fragment key={agencies[0]?.id}>
      {agencies[0]?.channels.length ? (
        <p>
          <ChannelList channels={agencies[0].channels} />
        </p>
      ) : null}
      <ul className="pc-agencies">
        {agencies.map((ag) => (
          <li key={ag.id}>
            <Link to={`/thu-tuc-hanh-chinh?agency=${ag.id}`}>{ag.name}</Link>
          </li>
        ))}
      </ul>
    </Fragment>
  ));
  return (
    <>
      {rows.length > 0 ? (
        <dl className="pc-dl">
          {rows.map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {p.agencies.length === 0 ? (
        <p>{t('pc.proc.where.none')}</p>
      ) : p.agencies.length <= 8 ? (
        <>
          <h3>{t('pc.proc.where.agencies', { n: p.agencies.length })}</h3>
          {list}
        </>
      ) : (
        <details className="pc-details">
          <summary>{t('pc.proc.where.agencies', { n: formatCount(p.agencies.length) })}</summary>
          {list}
        </details>
      )}
    </>
  );
}
