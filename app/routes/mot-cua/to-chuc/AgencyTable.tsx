import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/index.ts';
import { levelKey } from './labels.ts';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  level: string;
  active: boolean;
  childCount: number;
}

/** Agencies in a dense table: name (opens the agency), QCVN 102 code, level, sub-agencies, state. */
export function AgencyTable({
  rows,
  caption,
  empty,
}: {
  rows: readonly AgencyRow[];
  caption: string;
  empty: string;
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(a) => a.id}
      empty={empty}
      testId="agency-table"
      columns={[
        {
          key: 'name',
          header: t('org.name'),
          render: (a) => <Link to={`/mot-cua/to-chuc/${a.id}`}>{a.name}</Link>,
        },
        { key: 'code', header: t('org.code'), render: (a) => <span className="code">{a.code}</span> },
        { key: 'level', header: t('org.level'), render: (a) => t(levelKey(a.level)) },
        { key: 'children', header: t('org.children'), numeric: true, render: (a) => a.childCount },
        {
          key: 'state',
          header: t('adm.status'),
          render: (a) =>
            a.active ? (
              <StatusBadge tone="ok">{t('adm.active')}</StatusBadge>
            ) : (
              <StatusBadge tone="off">{t('adm.inactive')}</StatusBadge>
            ),
        },
      ]}
    />
  );
}
