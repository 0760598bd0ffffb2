import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DocumentView } from '../../src/modules/documents/schema.ts';
import { dossierOffice, validFormData } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { go, toSigning } from '../support/dossier-cases.ts';
import { createAccount, PASSWORD } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * The citizen's document store (V.8, III.1.1): own uploads listed, downloaded and deleted by the
 * owner only; components the counter accepts and results the agency issues join the applicant's
 * store in the action's transaction, once per content; a stored document is reused in a new online
 * dossier without uploading again, and only by its owner.
 */

let rt: TestRuntime;
let o: DossierOffice;
let stranger: TestClient;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  const acc = await createAccount(rt.database, { kind: 'citizen' });
  stranger = await new TestClient(rt.app, '10.77.0.1').init();
  assert.equal((await stranger.signIn(acc.username, PASSWORD)).statusCode, 200);
});
after(async () => rt.stop());

const pdf = (tag: string) => Buffer.from(`%PDF-1.7 ${tag} ${Math.random()}`, 'latin1');

function send(client: TestClient, url: string, bytes: Buffer) {
  return client.request({
    method: 'POST',
    url,
    payload: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

async function ownUpload(client: TestClient, fileName: string, bytes: Buffer, title?: string) {
  const q = `fileName=${encodeURIComponent(fileName)}${title ? `&title=${encodeURIComponent(title)}` : ''}`;
  const res = await send(client, `/api/me/documents?${q}`, bytes);
  assert.equal(res.statusCode, 201, res.body);
  return res.json<DocumentView>();
}

async function dossierUpload(client: TestClient, fileName: string, bytes: Buffer): Promise<string> {
  const res = await send(client, `/api/dossier-files?fileName=${encodeURIComponent(fileName)}`, bytes);
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

async function mine(client: TestClient = o.citizen): Promise<DocumentView[]> {
  const res = await client.get('/api/me/documents');
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ items: DocumentView[] }>().items;
}

const count = async (table: 'citizen_documents' | 'dossier_files' | 'dossiers') =>
  (
    await rt.database.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('citizen documents: own uploads', () => {
  it('uploads, lists, downloads and deletes an own document', async () => {
    const bytes = pdf('own');
    const doc = await ownUpload(o.citizen, 'Giấy khai sinh.pdf', bytes, 'Giấy khai sinh của con');
    assert.equal(doc.source, 'own');
    assert.equal(doc.title, 'Giấy khai sinh của con');
    assert.equal(doc.agencyName, null);
    assert.ok((await mine()).some((d) => d.id === doc.id));
    const file = await o.citizen.get(`/api/me/documents/${doc.id}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.ok(file.rawPayload.equals(bytes));
    assert.equal((await o.citizen.delete(`/api/me/documents/${doc.id}`)).statusCode, 204);
    assert.ok(!(await mine()).some((d) => d.id === doc.id));
    assert.equal((await o.citizen.get(`/api/me/documents/${doc.id}`)).statusCode, 404);
    assert.equal((await o.citizen.delete(`/api/me/documents/${doc.id}`)).statusCode, 404);
  });

  it('checks the type by content and the size, naming the field, storing nothing', async () => {
    const before = await count('citizen_documents');
    const fake = await send(o.citizen, '/api/me/documents?fileName=gia.pdf', Buffer.from('MZ not a pdf'));
    assert.equal(fake.statusCode, 400, fake.body);
    assert.match(fake.body, /"field":"file"/);
    const exe = await send(o.citizen, '/api/me/documents?fileName=virus.exe', Buffer.from('MZ'));
    assert.equal(exe.statusCode, 400, exe.body);
    assert.match(exe.body, /"field":"fileName"/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7', 0, 'latin1');
    assert.equal((await send(o.citizen, '/api/me/documents?fileName=lon.pdf', big)).statusCode, 400);
    assert.equal(await count('citizen_documents'), before);
  });

  it('hides another account’s document behind the same 404', async () => {
    const doc = await ownUpload(o.citizen, 'rieng.pdf', pdf('private'));
    assert.equal((await stranger.get(`/api/me/documents/${doc.id}`)).statusCode, 404);
    assert.equal((await stranger.delete(`/api/me/documents/${doc.id}`)).statusCode, 404);
    assert.ok(!(await mine(stranger)).some((d) => d.id === doc.id));
    assert.ok((await mine()).some((d) => d.id === doc.id));
    assert.equal((await o.counter.get('/api/me/documents')).statusCode, 403);
  });
});

describe('citizen documents: filled by dossier actions', () => {
  it('stores the components the counter accepts as verified, once per content', async () => {
    const bytes = pdf('component');
    const first = await dossierUpload(o.counter, 'Đơn đề nghị.pdf', bytes);
    const d = await o.receive({ fileIds: [first] });
    const verified = (await mine()).filter((x) => x.dossierCode === d.code);
    assert.equal(verified.length, 1);
    assert.equal(verified[0]?.source, 'verified');
    assert.equal(verified[0]?.fileName, 'Đơn đề nghị.pdf');
    assert.ok(verified[0]?.agencyName);
    assert.ok(verified[0]?.verifiedAt);
    // The same bytes received again: still one document.
    const before = await count('citizen_documents');
    await o.receive({ fileIds: [await dossierUpload(o.counter, 'ban-sao.pdf', bytes)] });
    assert.equal(await count('citizen_documents'), before);
    // A refused receipt verifies nothing.
    const refused = await o.receive({
      fileIds: [await dossierUpload(o.counter, 'tu-choi.pdf', pdf('refused'))],
      decision: 'refuse',
      reason: 'Không thuộc thẩm quyền',
    });
    assert.ok(!(await mine()).some((x) => x.dossierCode === refused.code));
  });

  it('verifies an online dossier’s files when the counter accepts it, upgrading an own upload', async () => {
    const own = await ownUpload(o.citizen, 'cccd.pdf', pdf('cccd'));
    const reused = await o.citizen.post(`/api/me/documents/${own.id}/reuse`, {});
    assert.equal(reused.statusCode, 201, reused.body);
    const fileId = reused.json<{ id: string }>().id;
    const d = await o.submit({ fileIds: [fileId] });
    assert.equal((await mine()).find((x) => x.id === own.id)?.source, 'own');
    await o.must(o.counter, d.id, { action: 'accept', rowVersion: d.rowVersion });
    const after = (await mine()).find((x) => x.id === own.id);
    assert.equal(after?.source, 'verified');
    assert.equal(after?.dossierCode, d.code);
  });

  it('stores the result files when the result is issued; the return does not revive a deleted one', async () => {
    const signing = await toSigning(o);
    const result = await dossierUpload(o.leader, 'Giấy phép.pdf', pdf('result'));
    const finished = await go(o, o.leader, signing, 'finish', { fileIds: [result] });
    const results = (await mine()).filter((x) => x.source === 'result' && x.dossierCode === finished.code);
    assert.equal(results.length, 1);
    assert.equal(results[0]?.fileName, 'Giấy phép.pdf');
    assert.match(results[0]?.title ?? '', /^Kết quả: /);
    // Deleted by the owner before the return: the return stores it again neither as new nor revived.
    assert.equal((await o.citizen.delete(`/api/me/documents/${results[0]?.id}`)).statusCode, 204);
    const before = await count('citizen_documents');
    await o.must(o.counter, finished.id, {
      action: 'return_result',
      rowVersion: finished.rowVersion,
      recipient: { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber },
    });
    assert.equal(await count('citizen_documents'), before);
    assert.ok(!(await mine()).some((x) => x.dossierCode === finished.code));
  });

  it('keeps a single result document through the finish and the return', async () => {
    const signing = await toSigning(o);
    const finished = await go(o, o.leader, signing, 'finish', {
      fileIds: [await dossierUpload(o.leader, 'Quyết định.pdf', pdf('decision'))],
    });
    await o.must(o.counter, finished.id, {
      action: 'return_result',
      rowVersion: finished.rowVersion,
      recipient: { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber },
    });
    const results = (await mine()).filter((x) => x.dossierCode === finished.code);
    assert.deepEqual(
      results.map((x) => [x.source, x.fileName]),
      [['result', 'Quyết định.pdf']],
    );
  });
});

describe('citizen documents: reuse in a new dossier', () => {
  it('attaches the stored blob to an online submission without a new upload', async () => {
    const bytes = pdf('reuse');
    const doc = await ownUpload(o.citizen, 'so-ho-khau.pdf', bytes);
    const res = await o.citizen.post(`/api/me/documents/${doc.id}/reuse`, {
      field: 'formData.giayTo',
      extensions: ['pdf'],
      maxBytes: 1_000_000,
    });
    assert.equal(res.statusCode, 201, res.body);
    const fileId = res.json<{ id: string }>().id;
    const d = await o.submit({ fileIds: [fileId], formData: validFormData(o.citizenIdNumber) });
    const row = await rt.database.db
      .selectFrom('dossier_files as f')
      .innerJoin('citizen_documents as c', 'c.blob_sha256', 'f.blob_sha256')
      .select(['f.dossier_id', 'f.kind'])
      .where('f.id', '=', fileId)
      .where('c.id', '=', doc.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.dossier_id, d.id);
    assert.equal(row.kind, 'component');
    const download = await o.citizen.get(`/api/dossier-files/${fileId}`);
    assert.ok(download.rawPayload.equals(bytes));
  });

  it('checks the field’s formats and size, naming the field', async () => {
    const doc = await ownUpload(o.citizen, 'to-khai.pdf', pdf('rules'));
    const before = await count('dossier_files');
    const wrongType = await o.citizen.post(`/api/me/documents/${doc.id}/reuse`, {
      field: 'formData.anh',
      extensions: ['jpg'],
    });
    assert.equal(wrongType.statusCode, 400, wrongType.body);
    assert.match(wrongType.body, /"field":"formData\.anh"/);
    const tooBig = await o.citizen.post(`/api/me/documents/${doc.id}/reuse`, {
      field: 'formData.anh',
      maxBytes: 5,
    });
    assert.equal(tooBig.statusCode, 400, tooBig.body);
    assert.equal(await count('dossier_files'), before);
  });

  it('refuses someone else’s document with a 404, writing nothing', async () => {
    const doc = await ownUpload(o.citizen, 'cua-toi.pdf', pdf('theirs'));
    const before = { files: await count('dossier_files'), dossiers: await count('dossiers') };
    const res = await stranger.post(`/api/me/documents/${doc.id}/reuse`, {});
    assert.equal(res.statusCode, 404, res.body);
    assert.deepEqual({ files: await count('dossier_files'), dossiers: await count('dossiers') }, before);
  });
});
