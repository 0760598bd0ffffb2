import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { ImportReport } from '../../src/modules/procedures/schema.ts';
import type { TestClient } from '../support/http.ts';
import { catalogTeam } from '../support/procedure-admin.ts';
import type { CatalogTeam } from '../support/procedure-admin.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The whole demo file of 1,601 national procedures through the HTTP import (II.1.3): every record is
 * either published or left as a draft with its issues, a second run changes nothing, and the
 * catalog's own export re-imports unchanged. On a database of its own: the counts are the file's.
 */

let rt: TestRuntime;
let t: CatalogTeam;
let importer: TestClient;
/** The file as shipped (about 12 MB of JSON), sent as is. */
const FILE = gunzipSync(
  readFileSync(new URL('../../src/seed/data/thu-tuc-dvcqg.json.gz', import.meta.url)),
).toString('utf8');
const TOTAL = (JSON.parse(FILE) as { result: unknown[] }).result.length;

before(async () => {
  rt = await startTestRuntime();
  t = await catalogTeam(rt);
  importer = (await t.signedIn(t.province.id, ['bien_tap_vien', 'can_bo_kiem_soat_tthc'])).client;
});
after(async () => rt.stop());

function postImport(body: string) {
  return importer.request({
    method: 'POST',
    url: '/api/admin/procedures/import?publish=true',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });
}

async function statusCounts(): Promise<Record<string, number>> {
  const rows = await rt.database.db
    .selectFrom('procedures')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

describe('the whole national file', () => {
  it('imports every record, published or left as a draft with its issues, and a second run changes nothing', async (ctx) => {
    assert.equal(TOTAL, 1601);
    const t0 = Date.now();
    const res = await postImport(FILE);
    ctx.diagnostic(`full import: ${Date.now() - t0} ms on ${rt.database.kind}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 2000));
    const report = res.json<ImportReport>();
    assert.equal(report.total, TOTAL);
    assert.equal(report.created, TOTAL);
    assert.equal(report.published + report.leftAsDraft.length, TOTAL);
    assert.ok(report.published > 1400, `published ${report.published}`);
    assert.ok(report.leftAsDraft.every((d) => d.issues.length > 0));
    assert.deepEqual(await statusCounts(), { published: report.published, draft: report.leftAsDraft.length });
    const publicFields = (await (await t.anon()).get('/api/public/procedure-fields')).json<{
      items: { count: number }[];
    }>().items;
    assert.equal(
      publicFields.reduce((n, f) => n + f.count, 0),
      report.published,
    );

    const t1 = Date.now();
    const again = await postImport(FILE);
    ctx.diagnostic(`second run: ${Date.now() - t1} ms`);
    assert.equal(again.statusCode, 200, again.body.slice(0, 2000));
    const second = again.json<ImportReport>();
    assert.deepEqual(
      [
        second.total,
        second.created,
        second.updated,
        second.unchanged,
        second.published,
        second.fieldsCreated,
      ],
      [TOTAL, 0, 0, TOTAL, 0, 0],
    );
    assert.deepEqual(
      second.leftAsDraft.map((d) => d.code),
      report.leftAsDraft.map((d) => d.code),
    );
  });

  it("re-imports the catalog's own export of all 1,601 procedures unchanged", async () => {
    const res = await t.editor.get('/api/admin/procedures/export?drafts=true');
    assert.equal(res.statusCode, 200);
    const exported = res.json<{ result: { MATTHC: string }[] }>().result;
    assert.equal(exported.length, TOTAL);
    const history = async () =>
      Number(
        (
          await rt.database.db
            .selectFrom('procedure_history')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await history();
    const again = await postImport(res.body);
    assert.equal(again.statusCode, 200, again.body.slice(0, 2000));
    const report = again.json<ImportReport>();
    assert.deepEqual(
      [
        report.total,
        report.created,
        report.updated,
        report.unchanged,
        report.published,
        report.fieldsCreated,
      ],
      [TOTAL, 0, 0, TOTAL, 0, 0],
    );
    assert.equal(await history(), before);
    assert.equal((await t.editor.get('/api/admin/procedures/export?drafts=true')).body, res.body);
  });
});
