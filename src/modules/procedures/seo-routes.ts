import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { esc } from '../../domain/xml.ts';
import type { Services } from '../../services.ts';

/**
 * What search engines need to find every service (V.2): sitemap.xml with every published procedure,
 * field, guide and life event, and robots.txt pointing at it (the back office and APIs are not crawled).
 */
export function seoRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const base = services.config.publicUrl;

    app.get('/robots.txt', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          [
            'User-agent: *',
            'Allow: /',
            'Disallow: /mot-cua',
            'Disallow: /api/',
            'Disallow: /tai-khoan',
            '',
            `Sitemap: ${base}/sitemap.xml`,
            '',
          ].join('\n'),
        ),
    );

    app.get('/sitemap.xml', { schema: { hide: true } }, async (_req, reply) => {
      const [procedures, fields, guides] = await Promise.all([
        services.publicCatalog.sitemap(),
        services.publicCatalog.fields(),
        services.guides.listPublished(),
      ]);
      const urls: { loc: string; lastmod?: Date }[] = [
        { loc: '/' },
        { loc: '/thu-tuc-hanh-chinh' },
        { loc: '/linh-vuc' },
        { loc: '/huong-dan' },
        ...fields.map((f) => ({ loc: `/linh-vuc/${f.code}` })),
        ...guides.map((g) => ({
          loc: g.kind === 'life_event' ? `/su-kien/${g.slug}` : `/huong-dan/${g.slug}`,
          lastmod: new Date(g.updatedAt),
        })),
        ...procedures.map((p) => ({ loc: `/thu-tuc-hanh-chinh/${p.slug}`, lastmod: p.updatedAt })),
      ];
      const body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...urls.map(
          (u) =>
            `  <url><loc>${esc(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
        ),
        '</urlset>',
        '',
      ].join('\n');
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(body);
    });
  };
}
