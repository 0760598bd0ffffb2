import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { formatDateTime } from '../../src/domain/datetime.ts';
import type { ExportView } from '../../src/modules/exports/schema.ts';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { importNational } from '../support/procedures.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Every back-office list as a background export (V.20): for each kind, the rows of the file are the
 * rows the list's own service call gives for the same filter (computed here from the data created),
 * in csv and in a binary format with dates as date cells; an official without the right, or asking
 * for an agency outside their partition, is refused (403) when asking.
 */

let rt: TestRuntime;
let admin: TestClient;
let local: TestClient;
let outsider: TestClient;
let agencyB: { id: string };
let agencyC: { id: string };
const tag = `xk${randomBytes(3).toString('hex')}`;

async function signedIn(username: string, password: string): Promise<TestClient> {
  const c = await new TestClient(rt.app).init();
  assert.equal((await c.signIn(username, password)).statusCode, 200);
  return c;
}

before(async () => {
  rt = await startTestRuntime();
  const root = await createAgency(rt.database, { level: 'province' });
  agencyB = await createAgency(rt.database, { parentId: root.id });
  agencyC = await createAgency(rt.database, { parentId: root.id });
  const a = await createOfficial(rt.database, root.id, ['quan_tri_he_thong', 'bien_tap_vien'], {
    includeSubtree: true,
  });
  admin = await signedIn(a.username, a.password);
  // A manager of agency B only: users, accounts and the audit log of B, nothing else.
  await sql`insert into roles (code, name, name_en, permissions) values ('quan_ly_don_vi_xk', 'Quản lý đơn vị', 'Agency manager', '{users.manage,accounts.manage,audit.read}')`.execute(
    rt.database.db,
  );
  const l = await createOfficial(rt.database, agencyB.id, ['quan_ly_don_vi_xk']);
  local = await signedIn(l.username, l.password);
  const o = await createOfficial(rt.database, agencyB.id, ['can_bo_mot_cua']);
  outsider = await signedIn(o.username, o.password);
});
after(async () => rt.stop());

/** RFC 4180 rows of a CSV file (the BOM dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (quoted && ch === '"' && s.charAt(i + 1) === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** Asks for the export, runs the job as the worker would, and downloads the file. */
async function exported(client: TestClient, kind: string, filter: object, format: string) {
  const res = await client.post('/api/exports', { kind, format, filter });
  assert.equal(res.statusCode, 202, res.body);
  const id = res.json<ExportView>().id;
  await rt.services.exports.run(id);
  const done = (await client.get('/api/exports'))
    .json<{ items: ExportView[] }>()
    .items.find((e) => e.id === id);
  assert.equal(done?.status, 'done', done?.error ?? '');
  const file = await client.get(`/api/exports/${id}/file`);
  assert.equal(file.statusCode, 200);
  return { view: done, file };
}

async function csvOf(client: TestClient, kind: string, filter: object) {
  const [header = [], ...rows] = parseCsv((await exported(client, kind, filter, 'csv')).file.body);
  return { header, rows };
}

async function sheetOf(client: TestClient, kind: string, filter: object) {
  const book = new ExcelJS.Workbook();
  const { file } = await exported(client, kind, filter, 'xlsx');
  await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  assert.ok(sheet);
  return sheet;
}

/** A spreadsheet date cell holds the wall-clock time in Vietnam (UTC+7); the milliseconds may round. */
function assertVnDate(value: unknown, at: Date | undefined): void {
  assert.ok(value instanceof Date && at, `${String(value)} is a date`);
  assert.ok(
    Math.abs(value.getTime() - (at.getTime() + 7 * 3_600_000)) <= 1,
    `${value.toISOString()} for ${at.toISOString()}`,
  );
}

async function refused(client: TestClient, kind: string, filter: object) {
  const res = await client.post('/api/exports', { kind, format: 'csv', filter });
  assert.equal(res.statusCode, 403, `${kind}: ${res.body}`);
}

describe('export kinds', () => {
  it('accounts: the matching accounts newest first, no password hash; officials only in the partition', async () => {
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(await createAccount(rt.database, { fullName: `Công dân ${tag} ${i}` }));
    await createAccount(rt.database, { kind: 'organisation', fullName: `Công ty ${tag}` });
    const rows = await rt.database.db
      .selectFrom('accounts')
      .select(['id', 'username', 'created_at'])
      .where(
        'id',
        'in',
        made.map((m) => m.id),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const csv = await csvOf(admin, 'accounts', { q: tag, kind: 'citizen' });
    assert.equal(csv.header[0], 'Mã tài khoản');
    assert.equal(csv.header[10], 'Ngày đăng ký');
    assert.deepEqual(
      csv.rows.map((r) => [r[0], r[1], r[2], r[10]]),
      rows.map((r) => [r.id, 'Công dân', r.username, formatDateTime(r.created_at)]),
    );
    const { file } = await exported(admin, 'accounts', { q: tag }, 'json');
    assert.doesNotMatch(file.body, /argon2|password/i);
    assert.equal(file.json<unknown[]>().length, 4);

    const sheet = await sheetOf(admin, 'accounts', { q: tag, kind: 'citizen' });
    assert.equal(sheet.rowCount, 4);
    assert.equal(sheet.getCell('A2').value, rows[0]?.id);
    assert.equal(sheet.getCell('K2').type, ExcelJS.ValueType.Date);
    assertVnDate(sheet.getCell('K2').value, rows[0]?.created_at);

    // Officials: the local manager of B exports B's, never C's.
    const inB = await createOfficial(rt.database, agencyB.id, []);
    const inC = await createOfficial(rt.database, agencyC.id, []);
    await sql`update accounts set full_name = ${`Cán bộ ${tag}`} where id in (${inB.id}, ${inC.id})`.execute(
      rt.database.db,
    );
    const theirs = await csvOf(local, 'accounts', { q: tag, kind: 'official' });
    assert.deepEqual(
      theirs.rows.map((r) => r[0]),
      [inB.id],
    );
    await refused(outsider, 'accounts', {});
  });

  it('access_stats: every day of the period with its counts, the day a date cell', async () => {
    await rt.database.db
      .insertInto('access_log')
      .values([
        // 23:30 UTC on 1 March is 06:30 on 2 March in Vietnam.
        { at: new Date('2024-03-01T23:30:00Z'), kind: 'page', path: '/', method: 'GET' },
        { at: new Date('2024-03-02T10:00:00Z'), kind: 'page', path: '/thu-tuc', method: 'GET' },
        { at: new Date('2024-03-02T10:00:00Z'), kind: 'signin', path: '/sign-in' },
        { at: new Date('2024-03-01T16:59:59Z'), kind: 'api', path: '/api/x', method: 'GET' },
      ])
      .execute();
    const csv = await csvOf(admin, 'access_stats', { from: '2024-03-01', to: '2024-03-03' });
    assert.deepEqual(csv.header, [
      'Ngày',
      'Xem trang',
      'Gọi API',
      'Đăng nhập',
      'Đăng nhập sai',
      'Đăng xuất',
      'Tổng',
    ]);
    assert.deepEqual(csv.rows, [
      ['01/03/2024', '0', '1', '0', '0', '0', '1'],
      ['02/03/2024', '2', '0', '1', '0', '0', '3'],
      ['03/03/2024', '0', '0', '0', '0', '0', '0'],
    ]);
    const sheet = await sheetOf(admin, 'access_stats', { from: '2024-03-01', to: '2024-03-03' });
    assert.deepEqual(sheet.getCell('A3').value, new Date('2024-03-02T00:00:00Z'));
    assert.equal(sheet.getCell('G3').value, 3);
    await refused(outsider, 'access_stats', {});
  });

  it('audit: the filtered log newest first, within the caller’s agencies', async () => {
    const inB = await createOfficial(rt.database, agencyB.id, []);
    const inC = await createOfficial(rt.database, agencyC.id, []);
    for (const id of [inB.id, inC.id])
      assert.equal(
        (await admin.post(`/api/admin/accounts/${id}/status`, { status: 'disabled' })).statusCode,
        200,
      );
    const entries = await rt.database.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'entity_id', 'agency_id'])
      .where('action', '=', 'account.disable')
      .orderBy('seq', 'desc')
      .execute();
    const all = await csvOf(admin, 'audit', { action: 'account.disable' });
    assert.equal(all.header[1], 'Thời điểm');
    assert.deepEqual(
      all.rows.map((r) => [r[0], r[1], r[7]]),
      entries.map((e) => [String(e.seq), formatDateTime(e.at), e.entity_id]),
    );
    const mine = await csvOf(local, 'audit', { action: 'account.disable' });
    assert.deepEqual(
      mine.rows.map((r) => r[7]),
      entries.filter((e) => e.agency_id === agencyB.id).map((e) => e.entity_id),
    );
    const sheet = await sheetOf(local, 'audit', { action: 'account.disable' });
    assert.equal(sheet.getCell('A2').value, entries.find((e) => e.agency_id === agencyB.id)?.seq);
    assertVnDate(sheet.getCell('B2').value, entries.find((e) => e.agency_id === agencyB.id)?.at);
    await refused(outsider, 'audit', {});
  });

  it('officials: by name within the partition; another agency refused', async () => {
    const names = [`Lê ${tag} An`, `Lê ${tag} Bình`, `Lê ${tag} Chi`];
    const made = [];
    for (const [i, name] of names.entries()) {
      const o = await createOfficial(rt.database, i < 2 ? agencyB.id : agencyC.id, []);
      await sql`update accounts set full_name = ${name} where id = ${o.id}`.execute(rt.database.db);
      made.push({ ...o, name, agency: i < 2 ? agencyB.id : agencyC.id });
    }
    const all = await csvOf(admin, 'officials', { q: `Lê ${tag}` });
    assert.equal(all.header[0], 'Họ và tên');
    assert.deepEqual(
      all.rows.map((r) => [r[0], r[1]]),
      made.map((m) => [m.name, m.username]),
    );
    const mine = await csvOf(local, 'officials', { q: `Lê ${tag}` });
    assert.deepEqual(
      mine.rows.map((r) => r[1]),
      made.filter((m) => m.agency === agencyB.id).map((m) => m.username),
    );
    const sheet = await sheetOf(local, 'officials', { q: `Lê ${tag}` });
    assert.equal(sheet.getCell('A2').value, names[0]);
    assert.equal(sheet.getCell('K2').type, ExcelJS.ValueType.Date);
    await refused(local, 'officials', { agencyId: agencyC.id });
    await refused(outsider, 'officials', {});
  });

  it('procedures: the editor list with its filters, in the list’s order', async () => {
    await importNational(rt.services, { limit: 5 });
    const rows = await rt.database.db
      .selectFrom('procedures')
      .select(['code', 'name', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('name')
      .orderBy('code')
      .execute();
    assert.ok(rows.length > 0);
    const csv = await csvOf(admin, 'procedures', { status: 'published' });
    assert.deepEqual(csv.header.slice(0, 2), ['Mã thủ tục', 'Tên thủ tục']);
    assert.deepEqual(
      csv.rows.map((r) => [r[0], r[1], r[3], r[7]]),
      rows.map((r) => [r.code, r.name, 'Đã công bố', formatDateTime(r.updated_at)]),
    );
    const sheet = await sheetOf(admin, 'procedures', { status: 'published' });
    assert.equal(sheet.getCell('A2').value, rows[0]?.code);
    assertVnDate(sheet.getCell('H2').value, rows[0]?.updated_at);
    await refused(local, 'procedures', {});
  });

  it('catalog_items: one catalog’s items by search, in the list’s order', async () => {
    for (const [code, name] of [
      ['xk_mot', `Chức vụ ${tag} một`],
      ['xk_hai', `Chức vụ ${tag} hai`],
    ])
      assert.equal((await admin.post('/api/catalogs/position', { code, name })).statusCode, 201);
    const rows = await rt.database.db
      .selectFrom('catalog_items')
      .select(['code', 'name', 'updated_at'])
      .where('catalog', '=', 'position')
      .where('name', 'like', `%${tag}%`)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    const csv = await csvOf(admin, 'catalog_items', { catalog: 'position', q: tag });
    assert.deepEqual(
      csv.rows.map((r) => [r[1], r[2], r[5], r[6]]),
      rows.map((r) => [r.code, r.name, 'Đang dùng', formatDateTime(r.updated_at)]),
    );
    const sheet = await sheetOf(admin, 'catalog_items', { catalog: 'position', q: tag });
    assert.equal(sheet.getCell('B2').value, rows[0]?.code);
    assertVnDate(sheet.getCell('G2').value, rows[0]?.updated_at);
    await refused(local, 'catalog_items', { catalog: 'position' });
    const missing = await admin.post('/api/exports', {
      kind: 'catalog_items',
      format: 'csv',
      filter: { catalog: 'khong_co' },
    });
    assert.equal(missing.statusCode, 404);
  });
});
