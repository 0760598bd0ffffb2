import { Link } from 'react-router';
import { formatCount } from '../../components/admin-format.ts';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { translator, useT } from '../../i18n/index.ts';
import type { Route } from './+types/fields.ts';
import { CatalogCrumbs, catalogLinks } from './catalog-ui.tsx';
import { viCollator } from './catalog.server.ts';

export const links = catalogLinks;

export async function loader({ context }: Route.LoaderArgs) {
  const { services, lang } = web(context);
  const fields = await services.publicCatalog.fields();
  return {
    fields: fields
      .map((f) => ({ code: f.code, name: f.name, count: f.count }))
      .sort((a, b) => viCollator.compare(a.name, b.name)),
    description: translator(lang)('pc.fields.description'),
    canonical: `${services.config.publicUrl}/linh-vuc`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { name: 'description', content: loaderData.description },
        { tagName: 'link', rel: 'canonical', href: loaderData.canonical },
      ]
    : [];

/** /linh-vuc: every field with published procedures, with counts (second click of the 3-click rule, V.2). */
export default function CatalogFields({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle title={t('pc.fields.title')} />
      <CatalogCrumbs items={[{ label: t('pc.fields.title') }]} />
      <h1>{t('pc.fields.title')}</h1>
      <p className="lead">{t('pc.fields.intro')}</p>
      <ul className="pc-link-grid pc-fields">
        {loaderData.fields.map((f) => (
          <li key={f.code}>
            <Link to={`/linh-vuc/${f.code}`}>{f.name}</Link>{' '}
            <span className="pc-count">{t('pc.procedureCount', { n: formatCount(f.count) })}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/co-quan">{t('pc.home.byAgency')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
