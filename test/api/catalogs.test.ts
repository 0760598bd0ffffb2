import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCatalogs } from '../../src/seed/catalogs.ts';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

interface Item {
  code: string;
  name: string;
  parentCode: string | null;
  extra: Record<string, unknown>;
  active: boolean;
  sortOrder: number;
}

/** The fields tests read from a JSON answer (a problem or an item). */
interface R {
  code: string;
  detail: string;
  errors: { field: string; message: string }[];
  name: string;
  kind: string;
  active: boolean;
  sortOrder: number;
  catalog: { version: number };
}

let rt: TestRuntime;
let seedMs = 0;
const quiet = () => undefined;

before(async () => {
  rt = await startTestRuntime();
  const t0 = Date.now();
  await seedCatalogs(rt.services, quiet);
  seedMs = Date.now() - t0;
});
after(async () => rt.stop());

async function anon(): Promise<TestClient> {
  return new TestClient(rt.app).init();
}

async function rootAdmin(): Promise<TestClient> {
  const province = await createAgency(rt.database, { level: 'province' });
  const admin = await createOfficial(rt.database, province.id, ['quan_tri_he_thong'], {
    includeSubtree: true,
  });
  const c = await anon();
  assert.equal((await c.signIn(admin.username, admin.password)).statusCode, 200);
  return c;
}

describe('seeding the shared catalogs', () => {
  it('loads every catalog in a few seconds', (t) => {
    t.diagnostic(`catalog seed: ${seedMs} ms on ${rt.database.kind}`);
    assert.ok(seedMs < 15_000, `seed took ${seedMs} ms`);
  });

  it('lists the catalogs with their counts', async () => {
    const res = await (await anon()).get('/api/catalogs');
    assert.equal(res.statusCode, 200);
    const counts = Object.fromEntries(
      res.json<{ items: { code: string; count: number }[] }>().items.map((c) => [c.code, c.count]),
    );
    assert.deepEqual(counts, {
      province: 34,
      commune: 3321,
      legacy_province: 63,
      legacy_district: 696,
      legacy_commune: 10051,
      ethnic_group: 54,
      nationality: 249,
      id_document_type: 9,
      position: 16,
    });
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await rt.database.db
      .selectFrom('catalogs')
      .select(['code', 'version'])
      .orderBy('code')
      .execute();
    const logs: string[] = [];
    await seedCatalogs(rt.services, (m) => logs.push(m));
    const after = await rt.database.db
      .selectFrom('catalogs')
      .select(['code', 'version'])
      .orderBy('code')
      .execute();
    assert.deepEqual(after, before);
    assert.ok(
      logs.some((l) => l.includes('commune: 3321 mục (0 mục mới hoặc thay đổi)')),
      logs.join('\n'),
    );
  });
});

describe('reading catalogs', () => {
  it('pages through the 166 communes of Thanh Hóa by keyset', async () => {
    const c = await anon();
    const seen: Item[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/catalogs/commune?parent=38&limit=50${after ? `&after=${after}` : ''}`;
      const res = await c.get(url);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<{ items: Item[]; next: string | null }>();
      seen.push(...body.items);
      after = body.next;
      pages++;
    } while (after);
    assert.equal(pages, 4);
    assert.equal(seen.length, 166);
    assert.equal(new Set(seen.map((i) => i.code)).size, 166);
    assert.ok(seen.every((i) => i.parentCode === '38' && /^\d{5}$/.test(i.code)));
    const codes = seen.map((i) => i.code);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('searches without diacritics, every word', async () => {
    const c = await anon();
    const res = await c.get('/api/catalogs/commune?q=hac%20thanh');
    const items = res.json<{ items: Item[] }>().items;
    assert.ok(
      items.some((i) => i.code === '14797' && i.name === 'Phường Hạc Thành'),
      res.body,
    );
    const accented = (
      await c.get(`/api/catalogs/commune?q=${encodeURIComponent('Hạc Thành')}&parent=38`)
    ).json<{ items: Item[] }>().items;
    assert.deepEqual(
      accented.map((i) => i.code),
      ['14797'],
    );
    const zones = (await c.get('/api/catalogs/commune?q=dac%20khu&limit=100')).json<{ items: Item[] }>()
      .items;
    assert.equal(zones.length, 13);
    assert.ok(zones.every((z) => z.extra.type === 'đặc khu'));
    const dong = (await c.get('/api/catalogs/province?q=%C4%91ong')).json<{ items: Item[] }>().items;
    assert.ok(dong.some((p) => p.name === 'Tỉnh Đồng Nai'));
    // LIKE wildcards typed by the user match literally.
    assert.equal((await c.get('/api/catalogs/commune?q=%25')).json<{ items: Item[] }>().items.length, 0);
  });

  it('reads one item and knows the types and legacy mappings', async () => {
    const c = await anon();
    const ward = (await c.get('/api/catalogs/commune/14797')).json<Item>();
    assert.equal(ward.name, 'Phường Hạc Thành');
    assert.equal(ward.parentCode, '38');
    assert.equal(ward.extra.type, 'phường');
    const oldWard = (await c.get('/api/catalogs/legacy_commune/14791')).json<Item>();
    assert.equal(oldWard.name, 'Phường Đông Cương');
    assert.equal(oldWard.parentCode, '380');
    assert.equal(oldWard.extra.newCode, '14758');
    const district = (await c.get('/api/catalogs/legacy_district/380')).json<Item>();
    assert.equal(district.parentCode, '38');
    assert.equal(district.extra.type, 'thành phố');
    const vn = (await c.get('/api/catalogs/nationality?limit=1')).json<{ items: Item[] }>().items;
    assert.equal(vn[0]?.code, 'VN');
    assert.equal(vn[0]?.extra.nameEn, 'Vietnam');
    const kinh = (await c.get('/api/catalogs/ethnic_group/01')).json<Item>();
    assert.equal(kinh.name, 'Kinh');
    assert.equal(
      (await c.get('/api/catalogs/id_document_type/CCCD')).json<R>().name,
      'Thẻ Căn cước công dân',
    );
    assert.equal((await c.get('/api/catalogs/position/chu_tich')).json<R>().name, 'Chủ tịch');
  });

  it('answers 404 for an unknown catalog or item and 400 for a bad cursor', async () => {
    const c = await anon();
    const unknown = await c.get('/api/catalogs/khong_co');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<R>().code, 'not_found');
    assert.equal((await c.get('/api/catalogs/province/99')).statusCode, 404);
    assert.equal((await c.get('/api/catalogs/khong_co/export')).statusCode, 404);
    const bad = await c.get('/api/catalogs/province?after=rac');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<R>().errors[0]?.field, 'querystring.after');
    const tooMany = await c.get('/api/catalogs/province?limit=100000');
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.json<R>().errors[0]?.field, 'querystring.limit');
  });
});

describe('exporting catalogs for synchronisation', () => {
  it('exports JSON with a version tag and answers 304 when unchanged', async () => {
    const c = await anon();
    const res = await c.get('/api/catalogs/province/export');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    const body = res.json<{ catalog: { version: number; source: string }; items: Item[] }>();
    assert.equal(body.items.length, 34);
    assert.match(body.catalog.source, /nso\.gov\.vn/);
    const etag = res.headers.etag as string;
    const again = await c.request({
      method: 'GET',
      url: '/api/catalogs/province/export',
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.statusCode, 304);
  });

  it('exports XML when asked', async () => {
    const c = await anon();
    const res = await c.request({
      method: 'GET',
      url: '/api/catalogs/ethnic_group/export',
      headers: { accept: 'application/xml' },
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/xml/);
    assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.match(res.body, /<DanhMuc Ma="ethnic_group"[^>]* SoMuc="54"/);
    assert.match(res.body, /<Ma>01<\/Ma>\n {4}<Ten>Kinh<\/Ten>/);
    assert.match(res.body, /<TruongDuLieu Ten="otherNames" Kieu="json">\[&quot;Việt&quot;\]<\/TruongDuLieu>/);
    const viaQuery = await c.get('/api/catalogs/position/export?format=xml');
    assert.match(viaQuery.body, /<Ma>chu_tich<\/Ma>/);
  });
});

describe('administering catalogs', () => {
  it('refuses anonymous callers, citizens, commune administrators and missing CSRF tokens', async () => {
    const item = { code: '99001', name: 'Xã Thử Nghiệm', parentCode: '38' };
    const nobody = await anon();
    assert.equal((await nobody.post('/api/catalogs/commune', item)).statusCode, 401);
    const citizen = await createAccount(rt.database);
    const cc = await anon();
    await cc.signIn(citizen.username, citizen.password);
    assert.equal((await cc.post('/api/catalogs/commune', item)).statusCode, 403);
    const province = await createAgency(rt.database, { level: 'province' });
    const commune = await createAgency(rt.database, { parentId: province.id, level: 'commune' });
    const communeAdmin = await createOfficial(rt.database, commune.id, ['quan_tri_he_thong']);
    const ca = await anon();
    await ca.signIn(communeAdmin.username, communeAdmin.password);
    const refused = await ca.post('/api/catalogs/commune', item);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json<R>().detail, /cấp cao nhất/);
    const admin = await rootAdmin();
    assert.equal((await admin.post('/api/catalogs/commune', item, { csrf: false })).statusCode, 403);
  });

  it('creates, updates and retires an item, with audit and a new version each time', async () => {
    const admin = await rootAdmin();
    const version = async () => (await admin.get('/api/catalogs/position/export')).json<R>().catalog.version;
    const v0 = await version();
    const created = await admin.post('/api/catalogs/position', {
      code: 'thu_ky',
      name: '  Thư   ký ',
      extra: { leader: false },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json<R>().name, 'Thư ký');
    assert.equal(created.json<R>().sortOrder, 17);
    assert.equal(await version(), v0 + 1);

    const dup = await admin.post('/api/catalogs/position', { code: 'thu_ky', name: 'Thư ký khác' });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<R>().code, 'catalog_item_exists');

    const updated = await admin.patch('/api/catalogs/position/thu_ky', {
      name: 'Thư ký tổng hợp',
      sortOrder: 3,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json<R>().name, 'Thư ký tổng hợp');
    assert.equal(await version(), v0 + 2);
    // Nothing changed: no new version, no audit entry.
    assert.equal(
      (await admin.patch('/api/catalogs/position/thu_ky', { name: 'Thư ký tổng hợp' })).statusCode,
      200,
    );
    assert.equal(await version(), v0 + 2);

    const retired = await admin.delete('/api/catalogs/position/thu_ky');
    assert.equal(retired.statusCode, 200);
    assert.equal(retired.json<R>().active, false);
    const listed = (await admin.get('/api/catalogs/position?limit=100')).json<{ items: Item[] }>().items;
    assert.ok(!listed.some((i) => i.code === 'thu_ky'));
    const all = (await admin.get('/api/catalogs/position?limit=100&includeInactive=true')).json<{
      items: Item[];
    }>().items;
    assert.ok(all.some((i) => i.code === 'thu_ky' && !i.active));
    assert.equal((await admin.get('/api/catalogs/position/thu_ky')).json<R>().active, false);
    const again = await admin.post('/api/catalogs/position', { code: 'thu_ky', name: 'Thư ký' });
    assert.equal(again.statusCode, 409);
    assert.match(again.json<R>().detail, /ngừng sử dụng/);

    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'catalog_item')
      .where('entity_id', '=', 'position/thu_ky')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['catalog_item.create', 'catalog_item.update', 'catalog_item.deactivate'],
    );
    assert.deepEqual(audit[1]?.summary, {
      before: { name: 'Thư ký', sortOrder: 17 },
      after: { name: 'Thư ký tổng hợp', sortOrder: 3 },
    });

    // Re-seeding keeps a retired item retired.
    await admin.delete('/api/catalogs/ethnic_group/54');
    await seedCatalogs(rt.services, quiet);
    assert.equal((await admin.get('/api/catalogs/ethnic_group/54')).json<R>().active, false);
    assert.equal(
      (await admin.patch('/api/catalogs/ethnic_group/54', { active: true })).json<R>().active,
      true,
    );
  });

  it('checks codes, parents and fields, naming each field in Vietnamese', async () => {
    const admin = await rootAdmin();
    const badPattern = await admin.post('/api/catalogs/commune', {
      code: '123',
      name: 'Xã Sai Mã',
      parentCode: '38',
    });
    assert.equal(badPattern.statusCode, 400);
    assert.equal(badPattern.json<R>().errors[0]?.field, 'body.code');
    assert.match(badPattern.json<R>().errors[0]?.message ?? '', /không đúng định dạng/);

    const noParent = await admin.post('/api/catalogs/commune', { code: '99002', name: 'Xã Không Cha' });
    assert.equal(noParent.statusCode, 400);
    assert.equal(noParent.json<R>().errors[0]?.field, 'body.parentCode');
    const unknownParent = await admin.post('/api/catalogs/commune', {
      code: '99002',
      name: 'Xã Không Cha',
      parentCode: '77',
    });
    assert.equal(unknownParent.statusCode, 400);
    assert.match(unknownParent.json<R>().errors[0]?.message ?? '', /không có trong danh mục "province"/);
    const flatParent = await admin.post('/api/catalogs/ethnic_group', {
      code: '60',
      name: 'Thử',
      parentCode: '01',
    });
    assert.equal(flatParent.statusCode, 400);

    const missing = await admin.post('/api/catalogs/position', { code: 'x y' });
    assert.equal(missing.statusCode, 400);
    const fields = missing
      .json<R>()
      .errors.map((e) => e.field)
      .sort();
    assert.deepEqual(fields, ['body.code', 'body.name']);
    assert.ok(missing.json<R>().errors.every((e) => /\((code|name)\)/.test(e.message)));

    const empty = await admin.patch('/api/catalogs/position/chu_tich', {});
    assert.equal(empty.statusCode, 400);
    assert.equal((await admin.patch('/api/catalogs/position/khong_co', { name: 'X' })).statusCode, 404);
    assert.equal((await admin.post('/api/catalogs/khong_co', { code: 'a1', name: 'X' })).statusCode, 404);

    const ok = await admin.post('/api/catalogs/commune', {
      code: '99002',
      name: 'Xã Thử Nghiệm',
      parentCode: '38',
      extra: { type: 'xã' },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const found = (await admin.get('/api/catalogs/commune?parent=38&q=thu%20nghiem')).json<{
      items: Item[];
    }>().items;
    assert.deepEqual(
      found.map((i) => i.code),
      ['99002'],
    );
  });
});

describe('API description', () => {
  it('documents the catalog and calendar routes in OpenAPI', async () => {
    const res = await (await anon()).get('/api/openapi.json');
    assert.equal(res.statusCode, 200, res.body);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const p of [
      '/api/catalogs',
      '/api/catalogs/{catalog}',
      '/api/catalogs/{catalog}/export',
      '/api/catalogs/{catalog}/{code}',
      '/api/calendar',
      '/api/calendar/{id}',
    ]) {
      assert.ok(paths.includes(p), `${p} missing from ${paths.join(', ')}`);
    }
  });
});
