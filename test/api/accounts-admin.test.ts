import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

let rt: TestRuntime;
let admin: TestClient;
let adminId: string;
let root: { id: string; path: string };

before(async () => {
  rt = await startTestRuntime();
  root = await createAgency(rt.database, { level: 'province' });
  const a = await createOfficial(rt.database, root.id, ['quan_tri_he_thong'], { includeSubtree: true });
  adminId = a.id;
  admin = await new TestClient(rt.app).init();
  assert.equal((await admin.signIn(a.username, a.password)).statusCode, 200);
});
after(async () => rt.stop());

const marker = () => `mk${randomBytes(4).toString('hex')}`;

interface Row {
  id: string;
  kind: string;
  username: string;
  fullName: string;
  status: string;
  createdAt: string;
}

async function listAll(c: TestClient, query: string, limit: number): Promise<Row[]> {
  const all: Row[] = [];
  let afterCursor: string | null = null;
  do {
    const res = await c.get(`/api/admin/accounts?${query}&limit=${limit}${afterCursor ? `&after=${afterCursor}` : ''}`);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json<{ items: Row[]; next: string | null }>();
    assert.ok(page.items.length <= limit);
    all.push(...page.items);
    afterCursor = page.next;
  } while (afterCursor);
  return all;
}

/** Bulk accounts straight in SQL (the export test needs more than two batches). */
async function bulkAccounts(tag: string, n: number): Promise<void> {
  await sql`
    insert into accounts (kind, username, email, password_hash, status, full_name, id_type, id_number)
    select 'citizen', ${tag} || '-' || g, ${tag} || '.' || g || '@example.vn', '$argon2id$v=19$m=19456,t=2,p=1$bXVzdC1uZXZlci1sZWFr$bXVzdC1uZXZlci1sZWFr', 'active',
           'Công dân ' || ${tag} || ' số ' || g, 'CCCD', '8' || lpad(g::text, 11, '0')
    from generate_series(1, ${n}) g`.execute(rt.database.db);
}

describe('account administration', () => {
  it('searches without diacritics, by kind and status, newest first', async () => {
    const tag = marker();
    const hoa = await createAccount(rt.database, { fullName: `Nguyễn Thị Hoa Đào ${tag}` });
    await createAccount(rt.database, { fullName: `Trần Văn Bình ${tag}`, status: 'pending' });
    await createAccount(rt.database, { kind: 'organisation', fullName: `Công ty Đông Á ${tag}` });

    const found = (await admin.get(`/api/admin/accounts?q=${encodeURIComponent(`hoa dao ${tag}`)}`)).json();
    assert.deepEqual(found.items.map((r: Row) => r.id), [hoa.id]);
    assert.equal(found.next, null);
    // With diacritics typed, the same.
    assert.equal((await admin.get(`/api/admin/accounts?q=${encodeURIComponent(`Đào ${tag}`)}`)).json().items.length, 1);
    // By e-mail or username fragment.
    assert.equal((await admin.get(`/api/admin/accounts?q=${hoa.username}`)).json().items[0].id, hoa.id);

    const everything = await listAll(admin, `q=${tag}`, 50);
    assert.equal(everything.length, 3);
    assert.deepEqual(everything.map((r) => r.createdAt), [...everything.map((r) => r.createdAt)].sort().reverse());
    assert.deepEqual((await listAll(admin, `q=${tag}&kind=organisation`, 50)).map((r) => r.kind), ['organisation']);
    assert.deepEqual((await listAll(admin, `q=${tag}&status=pending`, 50)).map((r) => r.status), ['pending']);
    // LIKE wildcards typed by the user are literal.
    assert.equal((await admin.get('/api/admin/accounts?q=%25%25%25')).json().items.length, 0);

    const bad = await admin.get('/api/admin/accounts?kind=alien&limit=1000&after=rubbish');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual((bad.json().errors as { field: string }[]).map((e) => e.field).sort(), ['querystring.kind', 'querystring.limit']);
    const badCursor = await admin.get('/api/admin/accounts?after=rubbish');
    assert.equal(badCursor.statusCode, 400);
    assert.equal(badCursor.json().errors[0].field, 'querystring.after');
  });

  it('pages with a keyset cursor, also through equal creation times', async () => {
    const tag = marker();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await createAccount(rt.database, { fullName: `Lê Thị Mai ${tag} ${i}` })).id);
    // Four of them registered in the very same microsecond: the id breaks the tie.
    await sql`update accounts set created_at = '2025-09-02 08:00:00.123456+07' where id = any(${ids.slice(0, 4)}::uuid[])`.execute(rt.database.db);
    const pages2 = await listAll(admin, `q=${tag}`, 2);
    const pages3 = await listAll(admin, `q=${tag}`, 3);
    assert.equal(new Set(pages2.map((r) => r.id)).size, 7);
    assert.deepEqual(pages3.map((r) => r.id), pages2.map((r) => r.id));
    assert.deepEqual(new Set(pages2.map((r) => r.id)), new Set(ids));
  });

  it('is for holders of accounts.manage only', async () => {
    assert.equal((await (await new TestClient(rt.app).init()).get('/api/admin/accounts')).statusCode, 401);
    const citizen = await createAccount(rt.database);
    const c = await new TestClient(rt.app).init();
    await c.signIn(citizen.username, citizen.password);
    assert.equal((await c.get('/api/admin/accounts')).statusCode, 403);
    const officer = await createOfficial(rt.database, root.id, ['can_bo_mot_cua', 'lanh_dao_don_vi'], { includeSubtree: true });
    const o = await new TestClient(rt.app).init();
    await o.signIn(officer.username, officer.password);
    for (const url of ['/api/admin/accounts', `/api/admin/accounts/${citizen.id}`, '/api/admin/access-stats']) {
      const res = await o.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().code, 'forbidden');
    }
    assert.equal((await o.post(`/api/admin/accounts/${citizen.id}/status`, { status: 'disabled' })).statusCode, 403);
    assert.equal((await o.post('/api/exports', { kind: 'accounts', format: 'csv', filter: {} })).statusCode, 403);
  });

  it('shows one account without secrets', async () => {
    const acc = await createAccount(rt.database, { fullName: 'Võ Thị Sáu' });
    const res = await admin.get(`/api/admin/accounts/${acc.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.equal(d.fullName, 'Võ Thị Sáu');
    assert.equal(d.status, 'active');
    assert.equal(d.activeSessions, 0);
    assert.equal(d.official, null);
    assert.doesNotMatch(res.body, /argon2|password/i);
    const me = (await admin.get(`/api/admin/accounts/${adminId}`)).json();
    assert.equal(me.activeSessions, 1);
    assert.equal(me.official.agencyId, root.id);

    assert.equal((await admin.get(`/api/admin/accounts/${crypto.randomUUID()}`)).statusCode, 404);
    const bad = await admin.get('/api/admin/accounts/khong-phai-uuid');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'params.id');
  });

  it('disables (signing out everywhere) and re-activates (by e-mail), with audit', async () => {
    const acc = await createAccount(rt.database);
    const device = await new TestClient(rt.app, '10.7.0.1').init();
    assert.equal((await device.signIn(acc.username, acc.password)).statusCode, 200);

    const off = await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'disabled' });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().status, 'disabled');
    assert.equal((await device.get('/api/auth/me')).statusCode, 401);
    const sessions = await rt.database.db.selectFrom('sessions').select(['revoked_at', 'revoked_reason']).where('account_id', '=', acc.id).execute();
    assert.ok(sessions.every((s) => s.revoked_at !== null && s.revoked_reason === 'account_disabled'));
    const refused = await new TestClient(rt.app, '10.7.0.2').init().then((c) => c.signIn(acc.username, acc.password));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'account_not_active');

    const on = await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'active' });
    assert.equal(on.json().status, 'active');
    await device.refreshCsrf(); // the old token was bound to the revoked session
    assert.equal((await device.signIn(acc.username, acc.password)).statusCode, 200);
    const mail = await rt.database.db
      .selectFrom('outbox')
      .select('payload')
      .where(sql<string>`payload->>'to'`, '=', acc.email)
      .execute();
    assert.deepEqual(mail.map((m) => m.payload.template), ['account_activated']);
    assert.equal((mail[0]!.payload.vars as Record<string, string>).username, acc.username);

    // Same status again: nothing changes, nothing is sent or audited.
    assert.equal((await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'active' })).statusCode, 200);
    const audit = await rt.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'summary']).where('entity_id', '=', acc.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['account.disable', 'account.activate']);
    assert.equal(audit[0]!.actor_id, adminId);
    assert.deepEqual(audit[0]!.summary, { before: { status: 'active' }, after: { status: 'disabled' } });
    assert.equal((await verifyAuditChain(rt.database.db)).ok, true);
  });

  it('activates a pending registration', async () => {
    const acc = await createAccount(rt.database, { status: 'pending' });
    const res = await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'active' });
    assert.equal(res.statusCode, 200);
    assert.equal((await new TestClient(rt.app, '10.7.0.3').init().then((c) => c.signIn(acc.username, acc.password))).statusCode, 200);
  });

  it('refuses changing your own account, bad input and missing CSRF', async () => {
    const own = await admin.post(`/api/admin/accounts/${adminId}/status`, { status: 'disabled' });
    assert.equal(own.statusCode, 409);
    assert.equal(own.json().code, 'own_account');
    const acc = await createAccount(rt.database);
    const bad = await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'deleted' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'body.status');
    assert.equal((await admin.post(`/api/admin/accounts/${crypto.randomUUID()}/status`, { status: 'disabled' })).statusCode, 404);
    const noCsrf = await admin.post(`/api/admin/accounts/${acc.id}/status`, { status: 'disabled' }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().code, 'csrf_invalid');
    assert.equal((await admin.get(`/api/admin/accounts/${acc.id}`)).json().status, 'active');
  });

  it('lets an agency-scoped manager touch only officials of their agencies', async () => {
    // A custom role holding accounts.manage without system.admin.
    await sql`insert into roles (code, name, name_en, permissions) values ('quan_ly_tai_khoan', 'Quản lý tài khoản', 'Account manager', '{accounts.manage}') on conflict do nothing`.execute(rt.database.db);
    const mine = await createAgency(rt.database, { parentId: root.id });
    const other = await createAgency(rt.database, { parentId: root.id });
    const manager = await createOfficial(rt.database, mine.id, ['quan_ly_tai_khoan']);
    const colleague = await createOfficial(rt.database, mine.id, ['can_bo_thu_ly']);
    const stranger = await createOfficial(rt.database, other.id, ['can_bo_thu_ly']);
    const citizen = await createAccount(rt.database);
    const c = await new TestClient(rt.app).init();
    await c.signIn(manager.username, manager.password);
    const seen = new Set((await listAll(c, 'kind=official', 200)).map((r) => r.id));
    assert.ok(seen.has(colleague.id) && seen.has(manager.id));
    assert.ok(!seen.has(stranger.id) && !seen.has(adminId));
    assert.equal((await c.get(`/api/admin/accounts/${stranger.id}`)).statusCode, 404);
    assert.equal((await c.post(`/api/admin/accounts/${stranger.id}/status`, { status: 'disabled' })).statusCode, 403);
    assert.equal((await c.post(`/api/admin/accounts/${colleague.id}/status`, { status: 'disabled' })).statusCode, 200);
    assert.equal((await c.post(`/api/admin/accounts/${citizen.id}/status`, { status: 'disabled' })).statusCode, 200);
    const entry = await rt.database.db.selectFrom('audit_log').select('agency_id').where('entity_id', '=', colleague.id).where('action', '=', 'account.disable').executeTakeFirstOrThrow();
    assert.equal(entry.agency_id, mine.id);
  });
});

describe('account export', () => {
  const tag = marker();
  before(async () => {
    await bulkAccounts(tag, 1_103);
    await createAccount(rt.database, { fullName: `Nguyễn "Trích dẫn", =HYPERLINK <${tag}> & co` });
  });

  /** The search exported through the background engine (kind `accounts`), the job run as the worker would. */
  async function exported(filter: object, format: string) {
    const res = await admin.post('/api/exports', { kind: 'accounts', format, filter });
    assert.equal(res.statusCode, 202, res.body);
    const id = res.json<{ id: string }>().id;
    await rt.services.exports.run(id);
    const file = await admin.get(`/api/exports/${id}/file`);
    assert.equal(file.statusCode, 200, file.body);
    return { id, file };
  }

  it('writes CSV with a BOM, Vietnamese headers and every matching row, as the search lists them', async () => {
    const { file: res } = await exported({ q: tag }, 'csv');
    assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(res.headers['content-disposition'] as string, /filename="danh-sach-tai-khoan-\d{8}-\d{6}\.csv"/);
    assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'Mã tài khoản,Loại tài khoản,Tên đăng nhập,Họ và tên,Thư điện tử,Số điện thoại,Số định danh cá nhân,Tên tổ chức,Mã số thuế,Trạng thái,Ngày đăng ký,Đăng nhập gần nhất');
    assert.equal(lines.length, 1 + 1_104);
    assert.doesNotMatch(res.body, /argon2|password|mật khẩu/i);
    assert.ok(lines.some((l) => l.includes(`"Nguyễn ""Trích dẫn"", =HYPERLINK <${tag}> & co"`)));
    const sample = lines.find((l) => l.includes(`${tag}-1,`))!;
    assert.match(sample, /,Công dân,/);
    assert.match(sample, /,Đang hoạt động,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},$/);
    // The same accounts in the same order as the search pages them.
    const searched = await listAll(admin, `q=${tag}`, 200);
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), searched.map((r) => r.id));
  });

  it('exports JSON and XML with the same rows, and audits the export', async () => {
    const { file: json } = await exported({ q: tag, status: 'active' }, 'json');
    const rows = json.json<Row[]>();
    assert.equal(rows.length, 1_104);
    assert.ok(rows.every((r) => !('passwordHash' in r) && !('password_hash' in r)));

    const { id, file: xml } = await exported({ q: tag }, 'xml');
    assert.match(xml.headers['content-type'] as string, /^application\/xml/);
    assert.match(xml.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<accounts /);
    assert.equal(xml.body.match(/<row>/g)?.length, 1_104);
    assert.ok(xml.body.includes(`<fullName>Nguyễn &quot;Trích dẫn&quot;, =HYPERLINK &lt;${tag}&gt; &amp; co</fullName>`));
    assert.doesNotMatch(xml.body, /argon2/);

    const { file: none } = await exported({ q: tag, kind: 'organisation' }, 'json');
    assert.deepEqual(none.json(), []);
    const badFormat = await admin.post('/api/exports', { kind: 'accounts', format: 'doc', filter: {} });
    assert.equal(badFormat.statusCode, 400);
    assert.equal(badFormat.json().errors[0].field, 'body.format');

    const audits = await rt.database.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', id).where('actor_id', '=', adminId).orderBy('seq').execute();
    assert.deepEqual(audits.map((a) => a.action), ['export.request', 'export.done', 'export.download']);
    assert.equal((audits[0]?.summary as { kind?: string }).kind, 'accounts');
    assert.equal((await verifyAuditChain(rt.database.db)).ok, true);
  });
});

describe('access statistics', () => {
  it('counts requests per Vietnamese day and kind', async () => {
    const at = (iso: string) => new Date(iso);
    await rt.database.db
      .insertInto('access_log')
      .values([
        // 23:30 UTC on 1 March is 06:30 on 2 March in Vietnam.
        { at: at('2024-03-01T23:30:00Z'), kind: 'page', path: '/', method: 'GET' },
        { at: at('2024-03-02T10:00:00Z'), kind: 'page', path: '/thu-tuc', method: 'GET' },
        { at: at('2024-03-02T10:00:00Z'), kind: 'signin', path: '/sign-in' },
        { at: at('2024-03-01T16:59:59Z'), kind: 'api', path: '/api/x', method: 'GET' },
        { at: at('2024-03-03T17:00:00Z'), kind: 'page', path: '/', method: 'GET' },
      ])
      .execute();
    const res = await admin.get('/api/admin/access-stats?from=2024-03-01&to=2024-03-03');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      from: '2024-03-01',
      to: '2024-03-03',
      items: [
        { day: '2024-03-01', kind: 'api', count: 1 },
        { day: '2024-03-02', kind: 'page', count: 2 },
        { day: '2024-03-02', kind: 'signin', count: 1 },
      ],
      totals: { api: 1, page: 2, signin: 1 },
    });

    // Default range: the last 30 days, which includes this test's own requests once flushed.
    await rt.services.accessLog.flush();
    const recent = (await admin.get('/api/admin/access-stats')).json();
    assert.ok(recent.totals.api > 0);

    const wide = await admin.get('/api/admin/access-stats?from=2020-01-01&to=2024-01-01');
    assert.equal(wide.statusCode, 400);
    assert.equal(wide.json().errors[0].field, 'querystring.to');
    const reversed = await admin.get('/api/admin/access-stats?from=2024-03-05&to=2024-03-01');
    assert.equal(reversed.json().errors[0].field, 'querystring.to');
    const bad = await admin.get('/api/admin/access-stats?from=01/03/2024');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'querystring.from');
  });
});
