import { isRouteErrorResponse, Link, redirect } from 'react-router';
import { formatDateTime } from '../../../src/domain/datetime.ts';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { translator, useT } from '../../i18n/index.ts';
import { orErrorPage } from '../../lib/backoffice.server.ts';
import { failWith } from '../../lib/http.ts';
import type { Route } from './+types/procedure.ts';
import { APPLY_ORDER, CatalogCrumbs, catalogLinks, OnlineBadge } from './catalog-ui.tsx';
import { guidesForProcedure, servedArea } from './catalog.server.ts';
import { ExpectedDate } from './procedure-appointment.tsx';
import { appointmentSection } from './procedure-appointment.server.ts';
import { DeadlineTable, Detail, FeeTable, Prepare, Related } from './procedure-sections.tsx';
import { Where } from './procedure-where.tsx';
import { processDiagramLinks } from '../../components/process/styles.ts';
import { PROCESS_ANCHOR, ProcessOfProcedure } from './procedure-process.tsx';
import { processForPortal } from './procedure-process.server.ts';

/** Read-only text, links and a GET form: complete without React (root.tsx useScripts). */
export const handle = { scripts: false };

export const links = () => [...catalogLinks(), ...processDiagramLinks()];

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { services, lang } = web(context);
  const t = translator(lang);
  if (params.slug.length > 200) failWith(404);
  const p = await orErrorPage(services.publicCatalog.get(params.slug));
  // A national code (1.001193) or an old slug: one URL per procedure, for people and search engines.
  if (params.slug !== p.slug) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw redirect(`/thu-tuc-hanh-chinh/${p.slug}`, 301);
  }
  const [guides, area, appointment, process] = await Promise.all([
    guidesForProcedure(services, p.code),
    servedArea(services),
    appointmentSection(services, p, new URL(request.url).searchParams.get('co-quan')),
    processForPortal(services, p),
  ]);
  const base = services.config.publicUrl;
  const url = `${base}/thu-tuc-hanh-chinh/${p.slug}`;
  const c = p.content;
  const description = t('pc.proc.metaDescription', { name: c.name, code: p.code, field: p.field.name });
  const online = c.channels.some((ch) => ch.channel === 'online');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: c.name,
    identifier: p.code,
    url,
    description,
    serviceType: p.field.name,
    provider: {
      '@type': 'GovernmentOrganization',
      name: c.agencies.implementing ?? p.agencies[0]?.name ?? t('app.portalName'),
    },
    areaServed: area
      ? { '@type': 'AdministrativeArea', name: area }
      : { '@type': 'Country', name: 'Việt Nam' },
    ...(c.applicantTypes.length
      ? { audience: { '@type': 'Audience', audienceType: c.applicantTypes.join('; ') } }
      : {}),
    ...(online
      ? {
          availableChannel: {
            '@type': 'ServiceChannel',
            name: t('pc.proc.how.online.title'),
            serviceUrl: `${base}/nop-ho-so/${encodeURIComponent(p.code)}`,
          },
        }
      : {}),
  };
  return {
    procedure: p,
    process,
    publishedAt: formatDateTime(p.publishedAt),
    appointment,
    guides: guides.map((g) => ({
      slug: g.slug,
      kind: g.kind,
      title: g.title,
      summary: g.summary,
      body: g.body,
    })),
    seo: { url, description, jsonLd },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { name: 'description', content: loaderData.seo.description },
        { tagName: 'link', rel: 'canonical', href: loaderData.seo.url },
        { 'script:ld+json': loaderData.seo.jsonLd },
      ]
    : [];

/**
 * /thu-tuc-hanh-chinh/:slug: a published procedure, answering in the citizen's order (UX.md): can I
 * do it online and how do I apply, what to prepare, fees, time limit, where to go; then the legal detail.
 */
export default function CatalogProcedure({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { procedure: p } = loaderData;
  const c = p.content;
  const channels = APPLY_ORDER.filter((ch) => c.channels.some((x) => x.channel === ch));
  const online = channels.includes('online');
  return (
    <article className="pc-procedure">
      <PageTitle title={c.name} />
      <CatalogCrumbs
        items={[
          { label: t('nav.procedures'), to: '/thu-tuc-hanh-chinh' },
          { label: p.field.name, to: `/linh-vuc/${p.field.code}` },
          { label: c.name },
        ]}
      />
      <h1>{c.name}</h1>
      <p className="pc-proc-meta">
        <span>
          {t('pc.proc.code')} <span className="pc-code">{p.code}</span>
        </span>
        <span>
          {t('pc.proc.field')} <Link to={`/linh-vuc/${p.field.code}`}>{p.field.name}</Link>
        </span>
        <OnlineBadge level={c.onlineLevel} />
      </p>
      <nav className="pc-toc" aria-label={t('pc.proc.toc')}>
        <ul>
          <li>
            <a href="#truc-tuyen">{t('pc.proc.online.title')}</a>
          </li>
          <li>
            <a href="#chuan-bi">{t('pc.proc.prepare.title')}</a>
          </li>
          <li>
            <a href="#le-phi">{t('pc.proc.fees.title')}</a>
          </li>
          <li>
            <a href="#thoi-han">{t('pc.proc.deadline.title')}</a>
          </li>
          <li>
            <a href="#noi-nop">{t('pc.proc.where.title')}</a>
          </li>
          <li>
            <a href="#chi-tiet">{t('pc.proc.detail.title')}</a>
          </li>
          {loaderData.process ? (
            <li>
              <a href={`#${PROCESS_ANCHOR}`}>{t('pr.sectionTitle')}</a>
            </li>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="truc-tuyen" className="pc-section">
        <h2 id="truc-tuyen">{t('pc.proc.online.title')}</h2>
        <p className="pc-answer">
          {t(
            online
              ? c.onlineLevel === 'full'
                ? 'pc.proc.online.full'
                : 'pc.proc.online.partial'
              : 'pc.proc.online.none',
          )}
        </p>
        <h3>{t('pc.proc.how')}</h3>
        <ul className="pc-choices">
          {channels.map((ch) => (
            <li key={ch} className="pc-choice">
              <h4>{t(`pc.proc.how.${ch}.title`)}</h4>
              <p>{t(`pc.proc.how.${ch}.body`)}</p>
              {ch === 'online' ? (
                <p>
                  <Link className="button button-primary" to={`/nop-ho-so/${encodeURIComponent(p.code)}`}>
                    {t('pc.proc.how.online.link')}
                  </Link>
                </p>
              ) : (
                <p>
                  <a href="#noi-nop">{t('pc.proc.how.where')}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="chuan-bi" className="pc-section">
        <h2 id="chuan-bi">{t('pc.proc.prepare.title')}</h2>
        <Prepare procedure={p} />
      </section>

      <section aria-labelledby="le-phi" className="pc-section">
        <h2 id="le-phi">{t('pc.proc.fees.title')}</h2>
        <FeeTable channels={c.channels} order={APPLY_ORDER} />
      </section>

      <section aria-labelledby="thoi-han" className="pc-section">
        <h2 id="thoi-han">{t('pc.proc.deadline.title')}</h2>
        <DeadlineTable channels={c.channels} order={APPLY_ORDER} />
        <ExpectedDate section={loaderData.appointment} action={`/thu-tuc-hanh-chinh/${p.slug}#thoi-han`} />
      </section>

      <section aria-labelledby="noi-nop" className="pc-section">
        <h2 id="noi-nop">{t('pc.proc.where.title')}</h2>
        <Where procedure={p} />
      </section>

      <section aria-labelledby="chi-tiet" className="pc-section">
        <h2 id="chi-tiet">{t('pc.proc.detail.title')}</h2>
        <Detail procedure={p} publishedAt={loaderData.publishedAt} />
      </section>

      <ProcessOfProcedure process={loaderData.process} />

      {loaderData.guides.length > 0 ? (
        <section aria-labelledby="lien-quan" className="pc-section">
          <h2 id="lien-quan">{t('pc.proc.related')}</h2>
          <Related guides={loaderData.guides} />
        </section>
      ) : null}
    </article>
  );
}

/** Unknown procedure: the 404 page, with a way back to the search. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  return (
    <>
      <ErrorPage error={error} />
      {isRouteErrorResponse(error) && error.status === 404 ? (
        <p>
          {t('pc.proc.notFound')} <Link to="/thu-tuc-hanh-chinh">{t('pc.proc.searchInstead')}</Link>
        </p>
      ) : null}
    </>
  );
}
