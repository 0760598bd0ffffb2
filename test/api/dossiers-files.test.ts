import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { MISSING, REASON, VIETNAMESE } from '../support/dossier-cases.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Dossier uploads (POST /api/dossier-files?fileName=…, application/octet-stream): size, extension and
 * content are checked before anything is stored; an upload is attached only by its uploader, once;
 * a file is read only by whoever may read its dossier.
 */

let rt: TestRuntime;
let o: DossierOffice;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
});
after(async () => rt.stop());

const MB = 1024 * 1024;
const pdf = (size = 64, tag = '') => {
  const b = Buffer.alloc(size, 0x20);
  b.write(`%PDF-1.7 ${tag}`, 0, 'latin1');
  return b;
};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function upload(client: TestClient, fileName: string, bytes: Buffer) {
  return client.request({
    method: 'POST',
    url: `/api/dossier-files?fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

async function counts(): Promise<{ blobs: number; files: number; dossiers: number }> {
  const db = rt.database.db;
  const n = async (t: 'blobs' | 'dossier_files' | 'dossiers') =>
    (
      await db
        .selectFrom(t)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return { blobs: await n('blobs'), files: await n('dossier_files'), dossiers: await n('dossiers') };
}

/** A 400 naming `field`, in Vietnamese, that stored nothing. */
async function rejected(send: () => Promise<{ statusCode: number; body: string }>, field: string) {
  const before = await counts();
  const res = await send();
  assert.equal(res.statusCode, 400, res.body);
  const problem = JSON.parse(res.body) as { errors?: { field: string; message: string }[] };
  const named = problem.errors?.find((e) => e.field === field);
  assert.ok(named, `no error on ${field}: ${res.body}`);
  assert.match(named.message, VIETNAMESE);
  assert.deepEqual(await counts(), before);
}

async function uploaded(client: TestClient, name: string, bytes: Buffer): Promise<string> {
  const res = await upload(client, name, bytes);
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

describe('dossier files', () => {
  it('stores an accepted file and attaches it at receipt', async () => {
    const before = await counts();
    const res = await upload(o.counter, 'Đơn đề nghị.pdf', pdf(1000, 'receipt'));
    assert.equal(res.statusCode, 201, res.body);
    const f = res.json<{ id: string; fileName: string; mediaType: string; size: number }>();
    assert.equal(f.mediaType, 'application/pdf');
    assert.equal(f.size, 1000);
    assert.equal(f.fileName, 'Đơn đề nghị.pdf');
    assert.deepEqual(await counts(), { ...before, blobs: before.blobs + 1, files: before.files + 1 });
    const d = await o.receive({ fileIds: [f.id] });
    assert.deepEqual(
      d.files.map((x) => [x.id, x.kind]),
      [[f.id, 'component']],
    );
    assert.deepEqual(d.history[0]?.files, [{ id: f.id, fileName: 'Đơn đề nghị.pdf' }]);
    const read = await o.counter.get(`/api/dossier-files/${f.id}`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['content-type'], 'application/pdf');
    assert.ok(read.rawPayload.equals(pdf(1000, 'receipt')));
  });

  it('refuses a file over 10 MB, naming file, before storing anything', async () => {
    await rejected(() => upload(o.counter, 'lon.pdf', pdf(10 * MB + 1)), 'file');
    await rejected(() => upload(o.counter, 'rat-lon.pdf', pdf(11 * MB)), 'file');
    // Exactly 10 MB is accepted.
    assert.equal((await upload(o.counter, 'vua.pdf', pdf(10 * MB))).statusCode, 201);
  });

  it('refuses a forbidden extension, naming fileName', async () => {
    await rejected(() => upload(o.counter, 'virus.exe', Buffer.from('MZ\x90\x00')), 'fileName');
    await rejected(() => upload(o.counter, 'khong-duoi', pdf()), 'fileName');
    await rejected(() => upload(o.counter, 'trang.html', Buffer.from('<html></html>')), 'fileName');
  });

  it('refuses content that is not what the extension says', async () => {
    await rejected(() => upload(o.counter, 'anh-gia.pdf', PNG), 'file');
    await rejected(() => upload(o.counter, 'gia.png', pdf()), 'file');
    await rejected(() => upload(o.counter, 'rong.pdf', Buffer.alloc(0)), 'file');
  });

  it('refuses to attach a file someone else uploaded, or one already attached, naming fileIds', async () => {
    const theirs = await uploaded(o.handler, 'cua-can-bo-khac.pdf', pdf(80, 'theirs'));
    const previous = await o.receive();
    await rejected(
      () =>
        o.counter.post('/api/dossiers', {
          procedureCode: o.procedureCode,
          agencyId: o.agency.id,
          applicant: { kind: 'citizen', idNumber: '079000000777', fullName: 'Phạm Văn Dũng' },
          decision: 'accept',
          fileIds: [theirs],
        }),
      'fileIds',
    );
    const mine = await uploaded(o.counter, 'cua-toi.pdf', pdf(80, 'mine'));
    const d = await o.receive({ fileIds: [mine] });
    // The refused receipt took no number of the day.
    assert.equal(Number(d.code.slice(-4)), Number(previous.code.slice(-4)) + 1);
    const e = await o.receive({ decision: 'request_supplement', reason: REASON, missingItems: MISSING });
    await rejected(
      () =>
        o.act(o.counter, e.id, {
          action: 'supplement',
          rowVersion: e.rowVersion,
          channel: 'counter',
          fileIds: [mine],
        }),
      'fileIds',
    );
    await rejected(
      () =>
        o.act(o.counter, e.id, {
          action: 'supplement',
          rowVersion: e.rowVersion,
          channel: 'counter',
          fileIds: [theirs],
        }),
      'fileIds',
    );
    assert.equal((await o.detail(o.counter, e.id)).status, 'yeu_cau_bo_sung');
    assert.deepEqual(
      (await o.detail(o.counter, d.id)).files.map((f) => f.id),
      [mine],
    );
    // The supplement with the counter's own new upload is attached as a supplement.
    const extra = await uploaded(o.counter, 'bo-sung.pdf', pdf(90, 'supplement'));
    const after = await o.must(o.counter, e.id, {
      action: 'supplement',
      rowVersion: e.rowVersion,
      channel: 'counter',
      fileIds: [extra],
    });
    assert.deepEqual(
      after.files.map((f) => [f.id, f.kind]),
      [[extra, 'supplement']],
    );
  });

  it('a file of a dossier you cannot see is 403; an unattached upload is its uploader’s', async () => {
    const id = await uploaded(o.counter, 'giay-to.pdf', pdf(70, 'private'));
    // Not attached yet: only the uploader reads it.
    assert.equal((await o.handler.get(`/api/dossier-files/${id}`)).statusCode, 403);
    assert.equal((await o.counter.get(`/api/dossier-files/${id}`)).statusCode, 200);
    const d: DossierDetail = await o.receive({ fileIds: [id] });
    assert.equal(d.files.length, 1);
    const stranger = await createAccount(rt.database, { kind: 'citizen' });
    const c = await new TestClient(rt.app, '10.9.253.3').init();
    assert.equal((await c.signIn(stranger.username, PASSWORD)).statusCode, 200);
    for (const client of [o.outsider, c]) {
      const res = await client.get(`/api/dossier-files/${id}`);
      assert.equal(res.statusCode, 403, res.body);
      assert.ok(!res.rawPayload.includes(Buffer.from('private')));
    }
    // Whoever may read the dossier reads its files: the agency's officials and the applicant.
    for (const client of [o.handler, o.head, o.citizen]) {
      assert.equal((await client.get(`/api/dossier-files/${id}`)).statusCode, 200);
    }
    assert.equal((await rt.app.inject({ url: `/api/dossier-files/${id}` })).statusCode, 401);
  });
});
