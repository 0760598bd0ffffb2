import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { importNational } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

// What search engines read (V.2, ARCHITECTURE §6): sitemap.xml lists every published procedure,
// robots.txt points at it and keeps crawlers out of the back office and the APIs.
let rt: TestRuntime;
const PUBLIC_URL = 'https://dichvucong.example.gov.vn';

before(async () => {
  rt = await startTestRuntime({ PUBLIC_URL });
  await importNational(rt.services, { limit: 60 });
});
after(async () => rt.stop());

/**
 * XML well-formedness for what a sitemap uses (declaration, elements, attributes, text): tags nest
 * and close, one root element, no stray "<" and every "&" starts an entity.
 */
function assertWellFormed(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<&]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = m;
    assert.equal(stray, undefined, `stray "<" at ${m.index}`);
    if (text !== undefined) {
      if (stack.length === 0) assert.match(text, /^\s*$/, 'text outside the root element');
      assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i, `unescaped "&" in ${text}`);
    } else if (closing) {
      assert.equal(stack.pop(), name, `closing </${name}> matches its opening tag`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name ?? '');
    } else if (stack.length === 0) roots++;
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}

describe('sitemap.xml and robots.txt', () => {
  it('sitemap.xml is well-formed and lists every published procedure, field, guide and the entry pages', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/sitemap.xml' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    assertWellFormed(res.body);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(
      res.body,
    ) as {
      urlset: { '@_xmlns': string; url: { loc: string; lastmod?: string }[] };
    };
    assert.equal(doc.urlset['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    for (const loc of locs) {
      assert.ok(loc.startsWith(`${PUBLIC_URL}/`), `absolute URL on the public address: ${loc}`);
      assert.doesNotThrow(() => new URL(loc));
    }
    for (const u of urls) if (u.lastmod !== undefined) assert.match(u.lastmod, /^\d{4}-\d{2}-\d{2}$/);

    const published = await rt.services.publicCatalog.sitemap();
    assert.ok(published.length >= 30, `most of the 60 records are published (${published.length})`);
    const missing = published
      .map((p) => `${PUBLIC_URL}/thu-tuc-hanh-chinh/${p.slug}`)
      .filter((loc) => !locs.includes(loc));
    assert.deepEqual(missing, []);
    // Only published procedures: drafts left for an editor are not announced.
    const procedureLocs = locs.filter((l) => l.startsWith(`${PUBLIC_URL}/thu-tuc-hanh-chinh/`));
    assert.equal(procedureLocs.length, published.length);

    for (const path of ['/', '/thu-tuc-hanh-chinh', '/linh-vuc', '/huong-dan'])
      assert.ok(locs.includes(`${PUBLIC_URL}${path}`), path);
    for (const f of await rt.services.publicCatalog.fields())
      assert.ok(locs.includes(`${PUBLIC_URL}/linh-vuc/${f.code}`), f.code);
  });

  it('the slugs of the sitemap open the published procedures', async () => {
    const published = await rt.services.publicCatalog.sitemap();
    for (const p of published.slice(0, 5)) {
      const page = await rt.services.publicCatalog.get(p.slug);
      assert.equal(page.slug, p.slug);
    }
  });

  it('robots.txt allows the portal, keeps out the back office and the APIs, and points at the sitemap', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/robots.txt' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const lines = res.body.split('\n');
    assert.ok(lines.includes('User-agent: *'));
    assert.ok(lines.includes('Allow: /'));
    assert.ok(lines.includes('Disallow: /mot-cua'));
    assert.ok(lines.includes('Disallow: /api/'));
    assert.ok(lines.includes(`Sitemap: ${PUBLIC_URL}/sitemap.xml`));
    assert.ok(!lines.some((l) => /^Disallow: \/(thu-tuc-hanh-chinh|linh-vuc|huong-dan|su-kien)/.test(l)));
  });
});
