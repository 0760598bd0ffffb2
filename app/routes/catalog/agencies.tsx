import { Link } from 'react-router';
import { formatCount } from '../../components/admin-format.ts';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Route } from './+types/agencies.ts';
import { CatalogCrumbs, catalogLinks } from './catalog-ui.tsx';
import { viCollator } from './catalog.server.ts';

export const links = catalogLinks;

/** Groups of the page, top down: the province and its departments together, then the communes. */
const GROUPS: { key: MessageKey; levels: readonly string[] }[] = [
  { key: 'pc.agencies.ministry', levels: ['ministry'] },
  { key: 'pc.agencies.province', levels: ['province', 'province_department'] },
  { key: 'pc.agencies.district', levels: ['district'] },
  { key: 'pc.agencies.commune', levels: ['commune'] },
  { key: 'pc.agencies.other', levels: ['other'] },
];

export async function loader({ context }: Route.LoaderArgs) {
  const { services } = web(context);
  const agencies = await services.publicCatalog.agencies();
  return {
    groups: GROUPS.map((g) => ({
      key: g.key,
      agencies: agencies
        .filter((a) => g.levels.includes(a.level))
        // The province itself first, then its departments by name.
        .sort(
          (a, b) =>
            Number(b.level === 'province') - Number(a.level === 'province') ||
            viCollator.compare(a.name, b.name),
        )
        .map((a) => ({ id: a.id, name: a.name, count: a.count })),
    })).filter((g) => g.agencies.length > 0),
  };
}

/** /co-quan: agencies carrying out published procedures, each opening the search filtered on it. */
export default function CatalogAgencies({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle title={t('pc.agencies.title')} />
      <CatalogCrumbs items={[{ label: t('pc.agencies.title') }]} />
      <h1>{t('pc.agencies.title')}</h1>
      <p className="lead">{t('pc.agencies.intro')}</p>
      {loaderData.groups.length === 0 ? <p>{t('pc.agencies.empty')}</p> : null}
      {loaderData.groups.map((g) => (
        <section key={g.key} aria-labelledby={`g-${g.key}`} className="pc-section">
          <h2 id={`g-${g.key}`}>{t(g.key)}</h2>
          <ul className="pc-link-grid">
            {g.agencies.map((a) => (
              <li key={a.id}>
                <Link to={`/thu-tuc-hanh-chinh?agency=${a.id}`}>{a.name}</Link>{' '}
                <span className="pc-count">{t('pc.procedureCount', { n: formatCount(a.count) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
