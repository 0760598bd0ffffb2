import { redirect } from 'react-router';
import { formatDate } from '../../../src/domain/datetime.ts';
import type { Services } from '../../../src/services.ts';
import { orErrorPage } from '../../lib/backoffice.server.ts';
import { failWith } from '../../lib/http.ts';
import type { ProcedureLinkItem } from './catalog-ui.tsx';

/** Server helpers of the public catalog pages. Not a route (routes.ts lists the routes). */

/** The published procedures a guide or life event names, in its order; unpublished ones are left out. */
export async function linkedProcedures(
  services: Services,
  codes: readonly string[],
): Promise<ProcedureLinkItem[]> {
  return services.publicCatalog.byCodes(codes.slice(0, 100));
}

/** Published guides and FAQs that name a procedure (in the editors' order). */
export async function guidesForProcedure(services: Services, code: string) {
  return (await services.guides.forProcedure(code)).filter((g) => g.kind !== 'life_event');
}

/** Vietnamese alphabetical order (the database's collation may be byte order). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

const AREA_TTL_MS = 5 * 60_000;
const areaCache = new WeakMap<Services, { at: number; name: string | null }>();

/**
 * The province this portal serves ("Tỉnh Thanh Hóa"), from its top agency's name ("Ủy ban nhân dân
 * tỉnh Thanh Hóa"), for structured data; null when there is none. Remembered a few minutes per
 * runtime: counting agencies is too heavy for every procedure page.
 */
export async function servedArea(services: Services): Promise<string | null> {
  const hit = areaCache.get(services);
  if (hit && Date.now() - hit.at < AREA_TTL_MS) return hit.name;
  const top = (await services.publicCatalog.agencies()).find((a) => a.level === 'province');
  const rest = top ? top.name.replace(/^\s*(ủy|uỷ) ban nhân dân\s+/iu, '') : null;
  const name = rest ? rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1) : null;
  areaCache.set(services, { at: Date.now(), name });
  return name;
}

/**
 * A published guide, FAQ or life event for its page, with the procedures it names. Life events live
 * under /su-kien, the rest under /huong-dan: the other URL redirects (301) to the right one.
 */
export async function loadGuide(services: Services, slug: string, page: 'event' | 'guide') {
  if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(slug)) failWith(404);
  const g = await orErrorPage(services.guides.getPublished(slug));
  const isEvent = g.kind === 'life_event';
  if (isEvent !== (page === 'event')) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw redirect(isEvent ? `/su-kien/${g.slug}` : `/huong-dan/${g.slug}`, 301);
  }
  return {
    guide: {
      slug: g.slug,
      kind: g.kind,
      title: g.title,
      summary: g.summary,
      body: g.body,
      updatedAt: formatDate(g.updatedAt),
    },
    procedures: await linkedProcedures(services, g.procedureCodes),
    canonical: `${services.config.publicUrl}${isEvent ? '/su-kien' : '/huong-dan'}/${g.slug}`,
  };
}
