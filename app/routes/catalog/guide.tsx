import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import type { Route } from './+types/guide.ts';
import { CatalogCrumbs, catalogLinks, GuideBody, ProcedureList } from './catalog-ui.tsx';
import { loadGuide } from './catalog.server.ts';

/** Read-only text and links: complete without React (root.tsx useScripts). */
export const handle = { scripts: false };

export const links = catalogLinks;

export async function loader({ params, context }: Route.LoaderArgs) {
  return loadGuide(web(context).services, params.slug, 'guide');
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        ...(loaderData.guide.summary ? [{ name: 'description', content: loaderData.guide.summary }] : []),
        { tagName: 'link', rel: 'canonical', href: loaderData.canonical },
      ]
    : [];

/** /huong-dan/:slug: one guide or frequently asked question, with the procedures it is about. */
export default function CatalogGuide({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { guide, procedures } = loaderData;
  return (
    <article className="pc-article">
      <PageTitle title={guide.title} />
      <CatalogCrumbs items={[{ label: t('pc.guides.title'), to: '/huong-dan' }, { label: guide.title }]} />
      <h1>{guide.title}</h1>
      {guide.summary ? <p className="lead">{guide.summary}</p> : null}
      <GuideBody body={guide.body} />
      {procedures.length > 0 ? (
        <section aria-labelledby="pc-related" className="pc-section">
          <h2 id="pc-related">{t('pc.relatedProcedures')}</h2>
          <ProcedureList items={procedures} />
        </section>
      ) : null}
      <p className="pc-muted">{t('pc.updatedAt', { date: guide.updatedAt })}</p>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
