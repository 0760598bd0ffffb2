import { Link } from 'react-router';
import type { CountCell, Worklist } from '../../../../src/modules/dossiers/schema.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export interface ListCount {
  list: Worklist;
  count: CountCell;
}

/**
 * The caller's worklists as tabs (II.22.1–22.4), each with its count and, in words and colour, how
 * many are overdue and near their due time (II.22.5). Plain links: they work without JavaScript.
 */
export function WorklistTabs({ lists, current }: { lists: readonly ListCount[]; current: Worklist }) {
  const t = useT();
  return (
    <nav aria-label={t('ds.lists')} className="ds-tabs">
      <ul>
        {lists.map((l) => (
          <li key={l.list}>
            <Link
              to={`/mot-cua/ho-so?ds=${l.list}`}
              aria-current={l.list === current ? 'page' : undefined}
              data-list={l.list}
            >
              <span className="ds-tab-label">{t(`ds.list.${l.list}` as MessageKey)}</span>{' '}
              <span className="ds-tab-total">
                {l.count.capped
                  ? t('ds.countAtLeast', { n: formatCount(l.count.total) })
                  : formatCount(l.count.total)}
              </span>
              {l.count.overdue > 0 ? (
                <span className="ds-count ds-count-overdue">
                  {t('ds.countOverdue', { n: formatCount(l.count.overdue) })}
                </span>
              ) : null}
              {l.count.nearDue > 0 ? (
                <span className="ds-count ds-count-near">
                  {t('ds.countNear', { n: formatCount(l.count.nearDue) })}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
