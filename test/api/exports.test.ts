import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Grant } from '../../src/domain/permissions.ts';
import { dossierBatches } from '../../src/modules/exports/dossier-source.ts';
import type { DossierPage } from '../../src/modules/dossiers/schema.ts';
import type { ExportView } from '../../src/modules/exports/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import type { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Background exports (V.20) through the real runtime with workers: the request is queued, the worker
 * writes the whole list (every keyset page), only the official who asked downloads it, an empty
 * export is a valid file, a bad format is refused naming the field, and expired exports are purged.
 */

let rt: TestRuntime;
let o: DossierOffice;
const codes: string[] = [];

before(async () => {
  rt = await startTestRuntime({ WORKERS: 'true' });
  o = await dossierOffice(rt);
  for (let i = 0; i < 3; i++) codes.push((await o.receive()).code);
});
after(async () => rt.stop());

async function exportAndWait(client: TestClient, body: object): Promise<ExportView> {
  const res = await client.post('/api/exports', body);
  assert.equal(res.statusCode, 202, res.body);
  const id = res.json<ExportView>().id;
  for (let i = 0; i < 150; i++) {
    const list = (await client.get('/api/exports')).json<{ items: ExportView[] }>().items;
    const mine = list.find((e) => e.id === id);
    assert.ok(mine, 'the export is listed for its owner');
    if (mine.status === 'done' || mine.status === 'failed') return mine;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the export did not finish in 30 s');
}

describe('background exports', () => {
  it('writes every dossier of the list, as the list shows them, for the official who asked', async () => {
    const shown = (await o.counter.get('/api/dossiers?list=tat_ca&limit=100')).json<DossierPage>().items;
    assert.ok(codes.every((c) => shown.some((d) => d.code === c)));
    const done = await exportAndWait(o.counter, {
      kind: 'dossiers',
      format: 'csv',
      filter: { list: 'tat_ca' },
    });
    assert.equal(done.status, 'done', done.error ?? '');
    assert.equal(done.rowsDone, shown.length);
    assert.match(done.fileName ?? '', /^danh-sach-ho-so-\d{8}-\d{6}\.csv$/);
    const file = await o.counter.get(`/api/exports/${done.id}/file`);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/csv/);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^Mã hồ sơ,Mã thủ tục,Tên thủ tục,Người nộp/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      shown.map((d) => d.code),
    );
    const audit = await rt.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', done.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['export.request', 'export.done', 'export.download'],
    );
  });

  it('reads the list page after page along the keyset cursor, each dossier once', async () => {
    const grants = await sql<{ g: Grant[] }>`select account_grants(${o.ids.counter}) as g`.execute(
      rt.database.db,
    );
    const auth = {
      sessionId: 'test',
      account: { id: o.ids.counter, kind: 'official' as const, username: 'c', fullName: 'C', email: null },
      grants: grants.rows[0]?.g ?? [],
    };
    const shown = (await o.counter.get('/api/dossiers?list=tat_ca&limit=100')).json<DossierPage>().items;
    const batches: string[][] = [];
    for await (const b of dossierBatches(rt.services.dossiers, auth, { list: 'tat_ca' }, 2))
      batches.push(b.map((r) => String(r.code)));
    assert.ok(batches.length >= 2, 'more than one page');
    assert.deepEqual(
      batches.flat(),
      shown.map((d) => d.code),
    );
  });

  it('lets nobody else download it or see it: another official gets 404', async () => {
    const done = await exportAndWait(o.counter, { kind: 'dossiers', format: 'json', filter: {} });
    assert.equal((await o.head.get(`/api/exports/${done.id}/file`)).statusCode, 404);
    const theirs = (await o.head.get('/api/exports')).json<{ items: ExportView[] }>().items;
    assert.ok(!theirs.some((e) => e.id === done.id));
    assert.equal((await o.citizen.post('/api/exports', { kind: 'dossiers', format: 'csv' })).statusCode, 403);
  });

  it('an export with no rows is a valid file with the headers only (xlsx reopens)', async () => {
    const done = await exportAndWait(o.counter, {
      kind: 'dossiers',
      format: 'xlsx',
      filter: { list: 'tat_ca', code: 'KHONG-CO-MA-NAY' },
    });
    assert.equal(done.status, 'done');
    assert.equal(done.rowsDone, 0);
    const file = await o.counter.get(`/api/exports/${done.id}/file`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet?.rowCount, 1);
    assert.equal(sheet?.getCell('A1').value, 'Mã hồ sơ');
  });

  it('refuses an unknown format or filter with 400 naming the field', async () => {
    const bad = await o.counter.post('/api/exports', { kind: 'dossiers', format: 'doc' });
    assert.equal(bad.statusCode, 400);
    const problem = bad.json<{ errors: { field: string; message: string }[] }>();
    assert.equal(problem.errors[0]?.field, 'body.format');
    assert.match(problem.errors[0]?.message ?? '', /Định dạng tệp \(format\)/);
    const filter = await o.counter.post('/api/exports', {
      kind: 'dossiers',
      format: 'csv',
      filter: { receivedFrom: '05/09/2025' },
    });
    assert.equal(filter.statusCode, 400);
    assert.equal(filter.json<{ errors: { field: string }[] }>().errors[0]?.field, 'filter.receivedFrom');
  });

  it('purges expired exports and their files', async () => {
    const done = await exportAndWait(o.counter, { kind: 'dossiers', format: 'ods', filter: {} });
    const row = await rt.database.db
      .updateTable('exports')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', done.id)
      .returning('blob_sha256')
      .executeTakeFirstOrThrow();
    assert.equal((await o.counter.get(`/api/exports/${done.id}/file`)).statusCode, 404);
    assert.ok((await rt.services.exports.purgeExpired()) >= 1);
    const left = await rt.database.db
      .selectFrom('blobs')
      .select('sha256')
      .where('sha256', '=', row.blob_sha256 ?? '')
      .execute();
    assert.equal(left.length, 0);
  });
});
