import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';

/**
 * Rendered pages of the public catalog for anonymous visitors, reused (issue 8: rendering the
 * procedure page costs ~10 ms of CPU, a hundred times what its cached data costs). Only GET pages
 * made of catalog data (home, search, procedure, fields, agencies, guides and life events), only for visitors without a session (a signed-in
 * citizen sees their name), only 200 answers without cookies of their own. Kept under the catalog's
 * generation (a published change is seen at once, by every process) and for at most a minute (the
 * pages also show deadlines counted from today and the agency's process). The visitor's CSRF token
 * is the only per-visitor part of such a page: the page is stored split around it, and it is put
 * back per visit.
 */

const CACHEABLE = [
  /^\/(\?|$)/,
  /^\/(thu-tuc-hanh-chinh|linh-vuc|huong-dan|su-kien)(\/[^/?]+)?(\?|$)/,
  /^\/co-quan(\?|$)/,
];
/** Query parameters that make a page depend on more than the catalog (the appointment calculator). */
const PERSONAL = /[?&](co-quan|ngay)=/;
const MINUTE = 60_000;

interface StoredPage {
  status: number;
  headers: [string, string][];
  /** The body encoded once, split where the CSRF token goes: a visit costs a copy, not an encoding. */
  parts: Buffer[];
}

export function isCacheablePage(req: FastifyRequest): boolean {
  return (
    req.method === 'GET' &&
    !req.auth &&
    typeof req.csrfToken === 'string' &&
    req.csrfToken.length >= 16 &&
    CACHEABLE.some((re) => re.test(req.url)) &&
    !PERSONAL.test(req.url)
  );
}

/** The page from the cache, or rendered now (and kept when it may be). */
export async function cachedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  lang: string,
  render: () => Promise<Response>,
): Promise<FastifyReply | Response> {
  const token = req.csrfToken ?? '';
  let fresh: Response | null = null;
  const stored = await services.publicCatalog.page<StoredPage | null>(
    `${lang} ${Math.floor(Date.now() / MINUTE)} ${req.url}`,
    async () => {
      const res = await render();
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.startsWith('text/html') || res.headers.has('set-cookie')) {
        fresh = res;
        return null;
      }
      const parts = (await res.text()).split(token).map((part) => Buffer.from(part));
      return { status: res.status, headers: [...res.headers.entries()], parts };
    },
  );
  if (fresh) return fresh;
  // Not kept (an error page, a redirect): the answer rendered for this very visit, or a new one.
  if (!stored) return render();
  for (const [k, v] of stored.headers) if (k !== 'content-length') void reply.header(k, v);
  const mine = Buffer.from(token);
  const body = Buffer.concat(stored.parts.flatMap((part, i) => (i === 0 ? [part] : [mine, part])));
  return reply.code(stored.status).send(body);
}
