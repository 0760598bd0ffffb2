import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProcedureSummary, PublicProcedure, SearchPage } from '../../src/modules/procedures/schema.ts';
import { foldVietnamese } from '../../src/domain/text.ts';
import { createAgency } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { assertProblem, catalogTeam, errorFor } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { importNational, nationalRecords } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Public search of the procedure catalog through the HTTP API (III.10.1): relevance without
 * diacritics, in capitals and with typos; each filter (field, agency, online level, the 4 legacy
 * levels, applicant, level of government) narrows to exactly the procedures that satisfy it; keyset
 * pagination; nonsense never fails.
 */

let rt: TestRuntime;
let t: CatalogTeam;
let citizen: TestClient;
let dept: { id: string };

/** Every record whose name may compete for the queries below, and the first 200 for variety. */
const COMPETING = /khai|ket hon|thuong tru|tam tru|ho chieu|can cuoc/;
const SUBSET = nationalRecords()
  .filter((r, i) => i < 200 || COMPETING.test(foldVietnamese(r.TENTTHC as string)))
  .map((r) => r.MATTHC as string);

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  // The import maps "Sở Nông nghiệp và Môi trường" onto this department and "cấp xã" onto the team's commune.
  dept = await createAgency(rt.database, {
    parentId: t.province.id,
    level: 'province_department',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Thử',
  });
  await rt.database.db
    .updateTable('agencies')
    .set({ short_name: 'Sở Nông nghiệp và Môi trường' })
    .where('id', '=', dept.id)
    .execute();
  await importNational(rt.services, { codes: SUBSET });
  citizen = await t.anon();
});
after(async () => rt.stop());

async function page(query: string): Promise<SearchPage> {
  const res = await citizen.get(`/api/public/procedures?${query}`);
  assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
  return res.json<SearchPage>();
}

/** Every result of a query, page by page. */
async function walk(query: string, limit = 100): Promise<ProcedureSummary[]> {
  const all: ProcedureSummary[] = [];
  let after: string | null = null;
  do {
    const p: SearchPage = await page(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
    assert.ok(p.items.length <= limit);
    all.push(...p.items);
    after = p.next;
  } while (after);
  return all;
}

const details = new Map<string, PublicProcedure>();
async function detail(code: string): Promise<PublicProcedure> {
  const known = details.get(code);
  if (known) return known;
  const res = await citizen.get(`/api/public/procedures/${code}`);
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json<PublicProcedure>();
  details.set(code, d);
  return d;
}

describe('search relevance', () => {
  // Expected first result, checked by reading the names of the national records.
  const TABLE: [string, string, string][] = [
    ['dang ky khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['Đăng ký khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['ĐĂNG KÝ KHAI SINH', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['  đăng   ký,  khai-sinh! ', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['thủ tục đăng ký khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['khai snh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['dang ki khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['khaisinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['1.001193', '1.001193', 'Thủ tục đăng ký khai sinh'],
    ['khai sinh luu dong', '1.003583', 'Thủ tục đăng ký khai sinh lưu động'],
    ['dang ky lai khai sinh', '1.004884', 'Thủ tục đăng ký lại khai sinh'],
    ['dang ky ket hon', '1.000894', 'Thủ tục đăng ký kết hôn'],
    ['ket hon', '1.000894', 'Thủ tục đăng ký kết hôn'],
    ['kết hôn có yếu tố nước ngoài', '2.000806', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài'],
    ['khai tu', '1.000656', 'Thủ tục đăng ký khai tử'],
    ['thuong tru', '1.004222', 'Đăng ký thường trú'],
    ['Thủ tục đăng ký thường trú', '1.004222', 'Đăng ký thường trú'],
    ['xoa dang ky thuong tru', '1.003197', 'Xóa đăng ký thường trú'],
    ['dang ky tam tru', '1.004194', 'Đăng ký tạm trú'],
    ['cap ho chieu', '1.001456', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)'],
  ];
  for (const [q, code, name] of TABLE)
    it(`"${q}" → ${code} ${name}`, async () => {
      const p = await page(`q=${encodeURIComponent(q)}&limit=5`);
      assert.equal(p.items[0]?.code, code, p.items.map((i) => `${i.code} ${i.name}`).join('\n'));
      assert.equal(p.items[0]?.name, name);
    });

  it('finds by content, not only by name, and suggests close names when nothing matches', async () => {
    // "Giấy chứng nhận kết hôn" is a result of 1.000894, not in its name.
    const byResult = await walk('q=giay%20chung%20nhan%20ket%20hon');
    assert.ok(byResult.some((i) => i.code === '1.000894'));
    const none = await page('q=zzqqxx');
    assert.deepEqual(none.items, []);
    assert.equal(none.next, null);
    const close = await page(`q=${encodeURIComponent('dagn ki khia sinh')}`);
    assert.deepEqual(close.items, []);
    assert.ok(
      close.suggestions.some((x) => x.code === '1.001193'),
      JSON.stringify(close.suggestions),
    );
  });
});

describe('filters', () => {
  let all: ProcedureSummary[] = [];
  before(async () => {
    all = await walk('q=');
    for (const p of all) await detail(p.code);
  });

  /** The filtered results are exactly the published procedures whose detail satisfies `holds`. */
  async function check(query: string, holds: (d: PublicProcedure, s: ProcedureSummary) => boolean) {
    const got = await walk(query);
    const expected = all.filter((s) => holds(details.get(s.code)!, s)).map((s) => s.code);
    assert.ok(
      expected.length > 0 && expected.length < all.length,
      `${query} does not narrow (${expected.length})`,
    );
    assert.deepEqual(got.map((s) => s.code).sort(), expected.sort(), query);
    for (const s of got) assert.ok(holds(details.get(s.code)!, s), `${s.code} does not satisfy ${query}`);
    return got;
  }

  it('lists every published procedure, each once', async () => {
    const counts = (await citizen.get('/api/public/procedure-fields')).json<{ items: { count: number }[] }>()
      .items;
    assert.equal(
      all.length,
      counts.reduce((n, f) => n + f.count, 0),
    );
    assert.equal(new Set(all.map((s) => s.code)).size, all.length);
  });

  it('by field', async () => {
    const got = await check('field=ho-tich', (d) => d.field.code === 'ho-tich');
    assert.ok(got.every((s) => s.fieldCode === 'ho-tich' && s.fieldName === 'Hộ tịch'));
  });

  it('by implementing agency', async () => {
    await check(`agency=${t.commune.id}`, (d) => d.agencies.some((a) => a.id === t.commune.id));
    await check(`agency=${dept.id}`, (d) => d.agencies.some((a) => a.id === dept.id));
    assert.deepEqual((await page(`agency=${crypto.randomUUID()}`)).items, []);
  });

  it('by online level and by the four legacy levels', async () => {
    const partial = await check('onlineLevel=partial', (d) => d.content.onlineLevel === 'partial');
    const none = await check('onlineLevel=none', (d) => d.content.onlineLevel === 'none');
    assert.ok(partial.every((s) => s.onlineLevel === 'partial' && s.channels.includes('online')));
    assert.ok(none.every((s) => s.onlineLevel === 'none' && !s.channels.includes('online')));
    assert.equal(partial.length + none.length, all.length);
    assert.deepEqual((await page('onlineLevel=full')).items, []);
    await check('legacyLevel=3', (d) => d.content.legacyLevel === 3);
    await check('legacyLevel=2', (d) => d.content.legacyLevel === 2);
    assert.deepEqual((await page('legacyLevel=4')).items, []);
  });

  it('by applicant', async () => {
    const business = (type: string) =>
      !/^(tổ chức|cơ quan)/i.test(type) && /doanh nghiệp|hợp tác xã|hộ kinh doanh/i.test(type);
    const got = await check('applicant=business', (d, s) => {
      assert.equal(s.applicantKinds.includes('business'), d.content.applicantTypes.some(business), d.code);
      return d.content.applicantTypes.some(business);
    });
    assert.ok(got.every((s) => s.applicantKinds.includes('business')));
    await check('applicant=organisation', (d) =>
      d.content.applicantTypes.some((a) => /^(tổ chức|cơ quan)/i.test(a)),
    );
    await check('applicant=citizen', (_d, s) => s.applicantKinds.includes('citizen'));
  });

  it('by level of government', async () => {
    await check('level=province', (d) => d.content.levels.includes('province'));
    await check('level=commune', (d) => d.content.levels.includes('commune'));
  });

  it('combines filters with words, keeping the order of relevance', async () => {
    const byWords = await walk('q=dang%20ky');
    const words = new Set(byWords.map((x) => x.code));
    const got = await check(
      'q=dang%20ky&field=ho-tich&level=commune',
      (d) => words.has(d.code) && d.field.code === 'ho-tich' && d.content.levels.includes('commune'),
    );
    const kept = new Set(got.map((x) => x.code));
    assert.deepEqual(
      got.map((x) => x.code),
      byWords.filter((x) => kept.has(x.code)).map((x) => x.code),
    );
  });
});

describe('paging and nonsense', () => {
  it('walks every result by keyset without duplicates or gaps, whatever the page size', async () => {
    for (const q of ['q=dang%20ky', 'q=', 'q=khai%20snh', 'field=ho-tich']) {
      const big = await walk(q, 100);
      const small = await walk(q, 7);
      assert.deepEqual(
        small.map((s) => s.code),
        big.map((s) => s.code),
        q,
      );
      assert.equal(new Set(big.map((s) => s.code)).size, big.length, q);
    }
    const first = await page('q=dang%20ky&limit=3');
    assert.ok(first.next);
    const second = await page(`q=dang%20ky&limit=3&after=${first.next}`);
    assert.ok(!second.items.some((s) => first.items.some((f) => f.code === s.code)));
  });

  it('answers nonsense with results or a 400 naming the parameter, never a 500', async () => {
    for (const q of [
      '',
      '%25%25%25',
      'zzqqxx',
      'a'.repeat(200),
      encodeURIComponent('đ'.repeat(200)),
      encodeURIComponent("'; drop table procedures; --"),
      encodeURIComponent('\\'),
      '%00',
      encodeURIComponent('🙂 khai sinh'),
      encodeURIComponent(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')),
      encodeURIComponent('...'),
      encodeURIComponent('thủ tục'),
    ]) {
      const res = await citizen.get(`/api/public/procedures?q=${q}`);
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      assert.ok(Array.isArray(res.json<SearchPage>().items));
    }
    const bad: [string, string][] = [
      [`q=${'a'.repeat(201)}`, 'querystring.q'],
      ['after=garbage', 'querystring.after'],
      [`after=${Buffer.from('["a","b","c"]').toString('base64url')}`, 'querystring.after'],
      [`after=${Buffer.from('[1.5,"b","c"]').toString('base64url')}`, 'querystring.after'],
      [`after=${Buffer.from('{}').toString('base64url')}`, 'querystring.after'],
      [`after=${'x'.repeat(401)}`, 'querystring.after'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['limit=abc', 'querystring.limit'],
      ['legacyLevel=5', 'querystring.legacyLevel'],
      ['onlineLevel=muc4', 'querystring.onlineLevel'],
      ['applicant=nobody', 'querystring.applicant'],
      ['level=district', 'querystring.level'],
      ['agency=not-a-uuid', 'querystring.agency'],
      [`field=${encodeURIComponent('Hộ tịch')}`, 'querystring.field'],
      ['format=csv', 'querystring.format'],
    ];
    for (const [query, field] of bad)
      errorFor(
        assertProblem(await citizen.get(`/api/public/procedures?${query}`), 400, 'validation_failed'),
        field,
      );
    assertProblem(await citizen.get('/api/public/procedures/9.999999'), 404, 'not_found');
    // Longer than any code or slug: a 400 naming the parameter, before any query runs.
    errorFor(
      assertProblem(await citizen.get(`/api/public/procedures/${'x'.repeat(201)}`), 400, 'validation_failed'),
      'params.code',
    );
    assertProblem(
      await citizen.get(`/api/public/procedures/${encodeURIComponent("' or 1=1 --")}`),
      404,
      'not_found',
    );
  });
});
