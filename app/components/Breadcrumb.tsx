import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';

export interface Crumb {
  label: string;
  /** No link (the current page, or a place the user may not open). */
  to?: string | undefined;
}

/** "Where am I": links up the hierarchy; the last crumb is the current page (aria-current). */
export function Breadcrumb({ items }: { items: readonly Crumb[] }) {
  const t = useT();
  return (
    <nav aria-label={t('adm.breadcrumb')} className="breadcrumb">
      <ol>
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`}>
              {last ? (
                <span aria-current="page">{c.label}</span>
              ) : c.to ? (
                <Link to={c.to}>{c.label}</Link>
              ) : (
                <span>{c.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
