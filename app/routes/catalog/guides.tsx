import { Link } from 'react-router';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import type { Route } from './+types/guides.ts';
import { CatalogCrumbs, catalogLinks, GuideBody } from './catalog-ui.tsx';

export const links = catalogLinks;

export async function loader({ context }: Route.LoaderArgs) {
  const { services } = web(context);
  const all = await services.guides.listPublished();
  const pick = (kind: string) =>
    all
      .filter((g) => g.kind === kind)
      .map((g) => ({ slug: g.slug, title: g.title, summary: g.summary, body: g.body }));
  return { guides: pick('guide'), faqs: pick('faq'), events: pick('life_event') };
}

/** /huong-dan: guides (III.7.1), frequently asked questions (III.7.2, open in place without JavaScript) and life events. */
export default function CatalogGuides({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { guides, faqs, events } = loaderData;
  return (
    <>
      <PageTitle title={t('pc.guides.title')} />
      <CatalogCrumbs items={[{ label: t('pc.guides.title') }]} />
      <h1>{t('pc.guides.title')}</h1>
      <p className="lead">{t('pc.guides.intro')}</p>
      <section aria-labelledby="pc-guides" className="pc-section">
        <h2 id="pc-guides">{t('pc.guides.guides')}</h2>
        {guides.length === 0 ? <p>{t('pc.guides.empty')}</p> : null}
        <ul className="pc-proc-list">
          {guides.map((g) => (
            <li key={g.slug}>
              <Link to={`/huong-dan/${g.slug}`}>{g.title}</Link>
              {g.summary ? <span className="pc-block pc-muted">{g.summary}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pc-faq" className="pc-section">
        <h2 id="pc-faq">{t('pc.guides.faq')}</h2>
        {faqs.length === 0 ? <p>{t('pc.guides.empty')}</p> : null}
        {faqs.map((g) => (
          <details key={g.slug} className="pc-faq" id={g.slug}>
            <summary>{g.title}</summary>
            <GuideBody body={g.body} />
            <p>
              <Link to={`/huong-dan/${g.slug}`}>{t('pc.guides.open')}</Link>
            </p>
          </details>
        ))}
      </section>
      {events.length > 0 ? (
        <section aria-labelledby="pc-events" className="pc-section">
          <h2 id="pc-events">{t('pc.events')}</h2>
          <ul className="pc-link-grid">
            {events.map((g) => (
              <li key={g.slug}>
                <Link to={`/su-kien/${g.slug}`}>{g.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
