import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AdminProcedure } from '../../src/modules/procedures/schema.ts';
import { PublicProcedure, SearchPage } from '../../src/modules/procedures/schema.ts';
import type { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { importNational } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * What the public procedure API gives other systems (V.20, III.10.1): JSON exactly as the response
 * schemas describe it, the same data in XML (Accept: application/xml or ?format=xml), only published
 * versions, and an OpenAPI description of both routes.
 */

let rt: TestRuntime;
let t: CatalogTeam;
let citizen: TestClient;

const BIRTH = '1.001193';
const MARRIAGE = '1.000894';
const RESIDENCE = '1.004222';
/** Withdrawn in `before`. */
const MOBILE_BIRTH = '1.003583';
/** No deadline in the national record: stays a draft. */
const DRAFT = '2.000635';
/** A channel whose deadline and fee the source could not split (null deadline and fee, raw text kept). */
const UNSPLIT = '1.007857';
let special: AdminProcedure;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  citizen = await t.anon();
  const report = await importNational(rt.services, {
    codes: [BIRTH, MARRIAGE, RESIDENCE, MOBILE_BIRTH, DRAFT, UNSPLIT, '1.000656', '1.001456'],
  });
  assert.deepEqual(
    report.leftAsDraft.map((d) => d.code),
    [DRAFT],
  );
  const mobile = (await t.editor.get(`/api/admin/procedures/${MOBILE_BIRTH}`)).json<AdminProcedure>();
  const withdrawn = await t.reviewer.post(`/api/admin/procedures/${MOBILE_BIRTH}/withdraw`, {
    version: mobile.version,
    note: 'Thử ngừng công bố',
  });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  // Characters XML must escape, a whole-process online procedure (legacy level 4) and a form with a file.
  special = await t.createDraft({
    name: 'Thủ tục "thử" <A & B> của tỉnh\'s',
    onlineLevel: 'full',
    legacyLevel: 4,
    conditions: 'Điều kiện: a < b && c > d',
  });
  await t.editor.put('/api/admin/forms/mau-tk01', { name: 'Tờ khai <TK01> & phụ lục', legalBasis: null });
  const upload = await t.editor.request({
    method: 'PUT',
    url: `/api/admin/forms/mau-tk01/file?fileName=${encodeURIComponent('Mẫu TK01 & phụ lục.pdf')}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('%PDF-1.7\n'),
  });
  assert.equal(upload.statusCode, 200, upload.body);
  special = await t.publish(special.code, special.version);
});
after(async () => rt.stop());

async function json<T>(url: string): Promise<T> {
  const res = await citizen.get(url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  return res.json<T>();
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'item',
});

/** Reads the XML form back into the shape of `like` (XML has no types), checking no element is missing or extra. */
function fromXml(node: unknown, like: unknown, path: string): unknown {
  if (like === null) {
    assert.deepEqual(node, { '@nil': 'true' }, path);
    return null;
  }
  if (Array.isArray(like)) {
    if (like.length === 0) {
      assert.equal(node, '', path);
      return [];
    }
    const items = (node as { item: unknown[] }).item;
    assert.equal(items.length, like.length, path);
    return items.map((x, i) => fromXml(x, like[i], `${path}[${i}]`));
  }
  if (typeof like === 'object') {
    const keys = Object.keys(like);
    if (keys.length === 0) {
      assert.equal(node, '', path);
      return {};
    }
    assert.deepEqual(Object.keys(node as object).sort(), [...keys].sort(), path);
    const n = node as Record<string, unknown>;
    return Object.fromEntries(
      keys.map((k) => [k, fromXml(n[k], (like as Record<string, unknown>)[k], `${path}.${k}`)]),
    );
  }
  assert.equal(typeof node, 'string', path);
  if (typeof like === 'number') return Number(node);
  if (typeof like === 'boolean') return node === 'true' ? true : node === 'false' ? false : node;
  return node;
}

async function xml(url: string, viaAccept: boolean): Promise<string> {
  const res = viaAccept
    ? await citizen.request({ method: 'GET', url, headers: { accept: 'application/xml' } })
    : await citizen.get(`${url}${url.includes('?') ? '&' : '?'}format=xml`);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.headers['content-type'] as string, /^application\/xml; charset=utf-8/);
  assert.match(res.headers.vary as string, /accept/i);
  // Well-formed XML. The validator bundled with the pinned fast-xml-parser is marked deprecated in
  // favour of a separate package; one XML dev dependency is enough for a test.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  assert.equal(XMLValidator.validate(res.body), true, res.body.slice(0, 500));
  assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
  return res.body;
}

describe('JSON output', () => {
  it('matches the SearchPage schema exactly', async () => {
    for (const q of [
      '',
      'khai%20sinh',
      'dagn%20ki%20khia%20sinh',
      'zzqqxx',
      '&onlineLevel=full',
      '&limit=2',
    ]) {
      const page = await json<SearchPage>(`/api/public/procedures?q=${q}`);
      assert.deepEqual(SearchPage.parse(page), page, q);
    }
  });

  it('matches the PublicProcedure schema exactly, for every published procedure', async () => {
    const all = await json<SearchPage>('/api/public/procedures?limit=100');
    assert.equal(all.items.length, 7);
    for (const s of all.items) {
      const d = await json<PublicProcedure>(`/api/public/procedures/${s.code}`);
      assert.deepEqual(PublicProcedure.parse(d), d, s.code);
      assert.equal(d.code, s.code);
      assert.equal(d.content.name, s.name);
      assert.deepEqual(await json(`/api/public/procedures/${s.slug}`), d);
    }
    const sp = await json<PublicProcedure>(`/api/public/procedures/${special.code}`);
    assert.equal(sp.content.name, 'Thủ tục "thử" <A & B> của tỉnh\'s');
    assert.deepEqual(sp.forms, [
      {
        code: 'mau-tk01',
        name: 'Tờ khai <TK01> & phụ lục',
        legalBasis: null,
        fileName: 'Mẫu TK01 & phụ lục.pdf',
        url: `/bieu-mau/mau-tk01/${encodeURIComponent('Mẫu TK01 & phụ lục.pdf')}`,
      },
    ]);
  });
});

describe('caching by others', () => {
  it('public reads set no cookie, so shared caches may keep them; a CSRF token still gets its cookie', async () => {
    for (const url of ['/api/public/procedures?q=khai%20sinh', `/api/public/procedures/${special.code}`]) {
      const first = await rt.app.inject({ method: 'GET', url });
      const again = await rt.app.inject({ method: 'GET', url });
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['set-cookie'], undefined, url);
      assert.match(String(first.headers['cache-control']), /public/);
      assert.equal(again.body, first.body, 'the kept answer is sent byte for byte');
    }
    const csrf = await rt.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    assert.match(String(csrf.headers['set-cookie']), /dvc_csrf=/);
  });
});

describe('XML output', () => {
  it('carries the same search results as the JSON, by Accept header or ?format=xml', async () => {
    for (const q of [
      'q=khai%20sinh',
      'q=',
      'q=zzqqxx',
      'q=dagn%20ki%20khia%20sinh',
      'limit=2',
      'onlineLevel=full',
    ]) {
      const page = await json<SearchPage>(`/api/public/procedures?${q}`);
      const viaAccept = await xml(`/api/public/procedures?${q}`, true);
      assert.equal(await xml(`/api/public/procedures?${q}`, false), viaAccept);
      const parsed = parser.parse(viaAccept) as { KetQuaTraCuu: unknown };
      assert.deepEqual(fromXml(parsed.KetQuaTraCuu, page, 'KetQuaTraCuu'), page, q);
    }
  });

  it('carries every attribute of a procedure, escaped, nulls and empty lists included', async () => {
    for (const code of [BIRTH, MARRIAGE, RESIDENCE, UNSPLIT, special.code]) {
      const d = await json<PublicProcedure>(`/api/public/procedures/${code}`);
      const body = await xml(`/api/public/procedures/${code}`, true);
      assert.equal(await xml(`/api/public/procedures/${code}`, false), body);
      const parsed = parser.parse(body) as { ThuTuc: unknown };
      assert.deepEqual(fromXml(parsed.ThuTuc, d, 'ThuTuc'), d, code);
    }
    const body = await xml(`/api/public/procedures/${special.code}`, false);
    assert.match(body, /<name>Thủ tục &quot;thử&quot; &lt;A &amp; B&gt; của tỉnh&apos;s<\/name>/);
    assert.match(body, /<legacyLevel>4<\/legacyLevel>/);
    assert.match(body, /<sourceUrl nil="true"\/>/);
  });

  it('answers JSON when JSON is asked for or preferred', async () => {
    for (const [accept, url] of [
      ['application/xml', `/api/public/procedures/${BIRTH}?format=json`],
      ['application/json, application/xml', `/api/public/procedures/${BIRTH}`],
      ['*/*', `/api/public/procedures/${BIRTH}`],
      ['text/html', '/api/public/procedures?q=khai'],
    ] as const) {
      const res = await citizen.request({ method: 'GET', url, headers: { accept } });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/json/, `${accept} ${url}`);
    }
    const missing = await citizen.request({
      method: 'GET',
      url: '/api/public/procedures/9.999999',
      headers: { accept: 'application/xml' },
    });
    assertProblem(missing, 404, 'not_found');
  });
});

describe('only published versions are public', () => {
  it('hides drafts and withdrawn procedures from detail, search, fields and the sitemap', async () => {
    for (const code of [DRAFT, MOBILE_BIRTH]) {
      const admin = (await t.editor.get(`/api/admin/procedures/${code}`)).json<AdminProcedure>();
      assertProblem(await citizen.get(`/api/public/procedures/${code}`), 404, 'not_found');
      assertProblem(await citizen.get(`/api/public/procedures/${admin.slug}`), 404, 'not_found');
      const byName = await json<SearchPage>(
        `/api/public/procedures?q=${encodeURIComponent(admin.name)}&limit=100`,
      );
      assert.ok(!byName.items.some((i) => i.code === code), code);
      assert.ok(
        !(await json<SearchPage>(`/api/public/procedures?q=${code}`)).items.some((i) => i.code === code),
      );
      const sitemap = await citizen.get('/sitemap.xml');
      assert.ok(!sitemap.body.includes(admin.slug), code);
    }
    const all = await json<SearchPage>('/api/public/procedures?limit=100');
    const fields = await json<{ items: { code: string; count: number }[] }>('/api/public/procedure-fields');
    assert.equal(
      fields.items.reduce((n, f) => n + f.count, 0),
      all.items.length,
    );
    assert.equal(fields.items.find((f) => f.code === 'ho-tich')?.count, 3);
  });

  it('shows the published version while a newer draft waits', async () => {
    const p = (await t.editor.get(`/api/admin/procedures/${MARRIAGE}`)).json<AdminProcedure>();
    const saved = await t.editor.put(`/api/admin/procedures/${MARRIAGE}`, {
      version: p.version,
      content: { ...p.content, name: 'Thủ tục đăng ký kết hôn (dự thảo sửa đổi)' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const d = await json<PublicProcedure>(`/api/public/procedures/${MARRIAGE}`);
    assert.equal(d.content.name, 'Thủ tục đăng ký kết hôn');
    assert.deepEqual(d.content, p.published);
    assert.deepEqual((await json<SearchPage>('/api/public/procedures?q=du%20thao%20sua%20doi')).items, []);
    assert.equal((await json<SearchPage>('/api/public/procedures?q=ket%20hon')).items[0]?.code, MARRIAGE);
    // A draft created from scratch is not public either.
    const fresh = await t.createDraft({ name: 'Thủ tục mới chưa công bố' });
    assertProblem(await citizen.get(`/api/public/procedures/${fresh.code}`), 404, 'not_found');
  });
});

describe('API description', () => {
  it('documents the public search and detail in OpenAPI', async () => {
    const doc = await json<{
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
      >;
    }>('/api/openapi.json');
    const search = doc.paths['/api/public/procedures']?.get;
    assert.ok(search, Object.keys(doc.paths).join(', '));
    assert.deepEqual(
      search.parameters
        ?.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
      [
        'after',
        'agency',
        'applicant',
        'field',
        'format',
        'legacyLevel',
        'level',
        'limit',
        'onlineLevel',
        'q',
      ],
    );
    assert.ok(search.responses['200']);
    const one = doc.paths['/api/public/procedures/{code}']?.get;
    assert.ok(one);
    assert.ok(one.parameters?.some((p) => p.name === 'code' && p.in === 'path'));
    assert.ok(one.responses['200']);
    const schema = JSON.stringify(one.responses['200']);
    for (const attribute of ['steps', 'channels', 'components', 'results', 'legalBasis', 'publishedAt'])
      assert.ok(schema.includes(`"${attribute}"`), attribute);
  });
});
