import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import type { Route } from './+types/life-event.ts';
import { CatalogCrumbs, catalogLinks, GuideBody, ProcedureList } from './catalog-ui.tsx';
import { loadGuide } from './catalog.server.ts';

/** Read-only text and links: complete without React (root.tsx useScripts). */
export const handle = { scripts: false };

export const links = catalogLinks;

export async function loader({ params, context }: Route.LoaderArgs) {
  return loadGuide(web(context).services, params.slug, 'event');
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        ...(loaderData.guide.summary ? [{ name: 'description', content: loaderData.guide.summary }] : []),
        { tagName: 'link', rel: 'canonical', href: loaderData.canonical },
      ]
    : [];

/** /su-kien/:slug: a life event ("Khi có con nhỏ") and the procedures it leads to (an entry of the 3-click rule). */
export default function CatalogLifeEvent({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { guide, procedures } = loaderData;
  return (
    <article className="pc-article">
      <PageTitle title={guide.title} />
      <CatalogCrumbs
        items={[{ label: t('pc.event.crumb'), to: '/huong-dan#pc-events' }, { label: guide.title }]}
      />
      <h1>{guide.title}</h1>
      {guide.summary ? <p className="lead">{guide.summary}</p> : null}
      <GuideBody body={guide.body} />
      <section aria-labelledby="pc-event-procedures" className="pc-section">
        <h2 id="pc-event-procedures">{t('pc.event.procedures')}</h2>
        <ProcedureList items={procedures} />
      </section>
      <p className="pc-muted">{t('pc.updatedAt', { date: guide.updatedAt })}</p>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
