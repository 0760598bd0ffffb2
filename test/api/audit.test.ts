import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../../src/modules/audit/audit.ts';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { createAccount, createAgency, createOfficial } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let rt: TestRuntime;
let province: { id: string; path: string };
let communeA: { id: string; path: string };
let communeB: { id: string; path: string };
let admin: TestClient;
let adminId: string;

before(async () => {
  rt = await startTestRuntime();
  province = await createAgency(rt.database, { level: 'province', name: 'UBND tỉnh Thử Nghiệm' });
  communeA = await createAgency(rt.database, { parentId: province.id, name: 'UBND xã A' });
  communeB = await createAgency(rt.database, { parentId: province.id, name: 'UBND xã B' });
  const a = await createOfficial(rt.database, province.id, ['quan_tri_he_thong'], { includeSubtree: true });
  adminId = a.id;
  admin = await new TestClient(rt.app).init();
  assert.equal((await admin.signIn(a.username, a.password)).statusCode, 200);
});
after(async () => rt.stop());

/** Writes an audit entry directly, as a service of another module would. */
async function audit(action: string, agencyId: string | null, details: Record<string, unknown> = {}): Promise<number> {
  return rt.database.db.transaction().execute((trx) => appendAudit(trx, SYSTEM_ACTOR, { action, entityType: 'test', entityId: action, agencyId, details }));
}

async function withoutTrigger<T>(fn: () => Promise<T>): Promise<T> {
  await sql`drop trigger audit_log_no_update on audit_log`.execute(rt.database.db);
  try {
    return await fn();
  } finally {
    await sql`create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(rt.database.db);
  }
}

function runCli(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/modules/audit/verify-cli.ts'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: rt.services.config.databaseUrl ?? '', DATA_DIR: rt.dataDir } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function headSeq(): Promise<number> {
  return (await rt.database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
}

describe('audit chain', () => {
  it('verifies after several audited actions, in batches and through the API', async () => {
    const citizen = await createAccount(rt.database);
    const c = await new TestClient(rt.app, '10.9.0.1').init();
    assert.equal((await c.signIn(citizen.username, citizen.password)).statusCode, 200);
    assert.equal((await c.post('/api/auth/sign-out')).statusCode, 200);
    await c.signIn(citizen.username, 'SaiMatKhau1');
    for (let i = 0; i < 5; i++) await audit('test.action', communeA.id, { i, text: 'Tiếng Việt có dấu' });

    const head = await headSeq();
    assert.ok(head >= 7);
    const progress: number[] = [];
    const r = await verifyAuditChain(rt.database.db, { batchSize: 3, onProgress: (n) => progress.push(n) });
    assert.deepEqual(r, { ok: true, checked: head, head: r.ok ? r.head : undefined });
    assert.ok(progress.length >= 3, 'read in several batches');

    const api = await admin.get('/api/admin/audit/verify');
    assert.equal(api.statusCode, 200, api.body);
    assert.equal(api.json().ok, true);
    assert.ok(api.json().checked >= head);
  });

  it('lets only system administrators run the verification', async () => {
    assert.equal((await (await new TestClient(rt.app).init()).get('/api/admin/audit/verify')).statusCode, 401);
    const reader = await createOfficial(rt.database, province.id, ['can_bo_kiem_soat_tthc'], { includeSubtree: true });
    const c = await new TestClient(rt.app).init();
    await c.signIn(reader.username, reader.password);
    const res = await c.get('/api/admin/audit/verify');
    assert.equal(res.statusCode, 403);
    assert.match(res.headers['content-type'] as string, /problem\+json/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await assert.rejects(sql`update audit_log set summary = '{}'::jsonb where seq = 1`.execute(rt.database.db), /append-only/);
    await assert.rejects(sql`delete from audit_log where seq = 1`.execute(rt.database.db), /append-only/);
    await assert.rejects(sql`truncate audit_log`.execute(rt.database.db), /append-only/);
    assert.equal((await verifyAuditChain(rt.database.db)).ok, true);
  });

  it('detects a changed entry, a deleted entry and a deleted tail, at the right seq', async () => {
    for (let i = 0; i < 4; i++) await audit('test.tamper', communeB.id, { i });
    const head = await headSeq();
    const target = head - 2;
    const original = await rt.database.db.selectFrom('audit_log').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();

    // 1. Summary changed in place.
    await withoutTrigger(() => sql`update audit_log set summary = '{"i": 99}'::jsonb where seq = ${target}`.execute(rt.database.db));
    let r = await verifyAuditChain(rt.database.db, { batchSize: 2 });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.deepEqual(r.broken, { seq: target, reason: 'hash_mismatch' });
      assert.equal(r.checked, target - 1);
    }
    const api = (await admin.get('/api/admin/audit/verify')).json();
    assert.deepEqual({ ok: api.ok, broken: api.broken }, { ok: false, broken: { seq: target, reason: 'hash_mismatch' } });
    if (onPostgres) {
      const cli = await runCli();
      assert.equal(cli.code, 1, cli.stdout + cli.stderr);
      assert.match(cli.stderr, new RegExp(`seq=${target} reason=hash_mismatch`));
      assert.match(cli.stderr, new RegExp(`bản ghi số ${target}`));
    }

    // 2. Content and hash rewritten together: the next link no longer matches.
    await withoutTrigger(() => sql`update audit_log set hash = ${'f'.repeat(64)} where seq = ${target}`.execute(rt.database.db));
    r = await verifyAuditChain(rt.database.db);
    assert.deepEqual(r.ok ? null : r.broken, { seq: target, reason: 'hash_mismatch' });

    // 3. Entry deleted: a gap at the next seq.
    await withoutTrigger(() => sql`delete from audit_log where seq = ${target}`.execute(rt.database.db));
    r = await verifyAuditChain(rt.database.db, { batchSize: 2 });
    assert.deepEqual(r.ok ? null : r.broken, { seq: target + 1, reason: 'gap', expectedSeq: target });
    if (onPostgres) {
      const cli = await runCli();
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, new RegExp(`seq=${target + 1} reason=gap`));
    }

    // Put the original back: the chain is whole again.
    await rt.database.db.insertInto('audit_log').values({ ...original, summary: JSON.stringify(original.summary) }).execute();
    assert.equal((await verifyAuditChain(rt.database.db)).ok, true);

    // 4. Newest entry deleted: only the head row can tell.
    const last = await rt.database.db.selectFrom('audit_log').selectAll().where('seq', '=', head).executeTakeFirstOrThrow();
    await withoutTrigger(() => sql`delete from audit_log where seq = ${head}`.execute(rt.database.db));
    r = await verifyAuditChain(rt.database.db);
    assert.deepEqual(r.ok ? null : r.broken, { seq: head, reason: 'head_mismatch', lastSeq: head - 1 });
    await rt.database.db.insertInto('audit_log').values({ ...last, summary: JSON.stringify(last.summary) }).execute();

    // The trigger is back in place.
    await assert.rejects(sql`delete from audit_log where seq = ${head}`.execute(rt.database.db), /append-only/);
    assert.equal((await verifyAuditChain(rt.database.db)).ok, true);
  });

  it('prints the result from the command line', { skip: !onPostgres && 'PGlite is in-process: the CLI is tested against PostgreSQL' }, async () => {
    const cli = await runCli();
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, new RegExp(`^Chuỗi nhật ký toàn vẹn: ${await headSeq()} bản ghi`));
  });

  it('keeps one linear chain under 20 concurrent sign-ins (truly parallel on PostgreSQL)', async () => {
    const accounts = await Promise.all(Array.from({ length: 20 }, () => createAccount(rt.database)));
    const clients = await Promise.all(accounts.map((_, i) => new TestClient(rt.app, `10.8.0.${i + 1}`).init()));
    const start = await headSeq();
    const results = await Promise.all(accounts.map((a, i) => clients[i]!.signIn(a.username, a.password)));
    assert.deepEqual(results.map((r) => r.statusCode), Array(20).fill(200));
    const rows = await rt.database.db.selectFrom('audit_log').select(['seq', 'actor_id', 'action']).where('seq', '>', start).orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: 20 }, (_, i) => start + i + 1));
    assert.deepEqual(new Set(rows.map((r) => r.actor_id)), new Set(accounts.map((a) => a.id)));
    assert.ok(rows.every((r) => r.action === 'session.create'));
    const r = await verifyAuditChain(rt.database.db);
    assert.equal(r.ok, true);
    assert.equal(r.checked, start + 20);
  });
});

describe('audit browsing', () => {
  it('lists newest first with filters and keyset pagination', async () => {
    for (let i = 0; i < 7; i++) await audit('browse.item', communeA.id, { i });
    const all: number[] = [];
    let before: number | null | undefined;
    do {
      const res = await admin.get(`/api/admin/audit?action=browse.item&limit=3${before ? `&before=${before}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json<{ items: { seq: number; action: string; agencyName: string | null; summary: { i: number } }[]; next: number | null }>();
      assert.ok(page.items.length <= 3);
      assert.ok(page.items.every((e) => e.action === 'browse.item' && e.agencyName === 'UBND xã A'));
      all.push(...page.items.map((e) => e.seq));
      before = page.next;
    } while (before);
    assert.equal(all.length, 7);
    assert.deepEqual(all, [...all].sort((a, b) => b - a));

    const prefix = (await admin.get('/api/admin/audit?action=browse.*&limit=200')).json();
    assert.equal(prefix.items.length, 7);
    const entity = (await admin.get('/api/admin/audit?entityType=test&entityId=browse.item&limit=1')).json();
    assert.equal(entity.items[0].seq, all[0]);
    assert.equal(entity.next, all[0]);

    const mine = (await admin.get(`/api/admin/audit?actorId=${adminId}&action=session.create`)).json();
    assert.equal(mine.items.length, 1);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    assert.equal((await admin.get(`/api/admin/audit?action=browse.item&from=${today}&to=${today}`)).json().items.length, 7);
    assert.equal((await admin.get('/api/admin/audit?action=browse.item&to=2000-01-01')).json().items.length, 0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    assert.equal((await admin.get(`/api/admin/audit?action=browse.item&from=${encodeURIComponent(future)}`)).json().items.length, 0);

    const bad = await admin.get('/api/admin/audit?from=hôm-qua&actorId=abc&limit=0');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual((bad.json().errors as { field: string }[]).map((e) => e.field).sort(), ['querystring.actorId', 'querystring.from', 'querystring.limit']);
  });

  it('shows a scoped reader only the entries of their agencies', async () => {
    const a = await audit('scope.a', communeA.id);
    const b = await audit('scope.b', communeB.id);
    const p = await audit('scope.p', province.id);
    const none = await audit('scope.none', null);
    const seen = async (c: TestClient) =>
      ((await c.get('/api/admin/audit?action=scope.*&limit=200')).json().items as { seq: number }[]).map((e) => e.seq).sort((x, y) => x - y);

    const readerA = await createOfficial(rt.database, communeA.id, ['can_bo_kiem_soat_tthc']);
    const ca = await new TestClient(rt.app).init();
    await ca.signIn(readerA.username, readerA.password);
    assert.deepEqual(await seen(ca), [a]);
    // Asking for another agency's entries gives nothing, not an error.
    assert.deepEqual((await ca.get(`/api/admin/audit?agencyId=${communeB.id}`)).json().items, []);

    const readerP = await createOfficial(rt.database, province.id, ['can_bo_kiem_soat_tthc'], { includeSubtree: true });
    const cp = await new TestClient(rt.app).init();
    await cp.signIn(readerP.username, readerP.password);
    assert.deepEqual(await seen(cp), [a, b, p]);

    assert.deepEqual(await seen(admin), [a, b, p, none]);

    const officer = await createOfficial(rt.database, communeA.id, ['can_bo_mot_cua']);
    const co = await new TestClient(rt.app).init();
    await co.signIn(officer.username, officer.password);
    assert.equal((await co.get('/api/admin/audit')).statusCode, 403);
    const citizen = await createAccount(rt.database);
    const cc = await new TestClient(rt.app).init();
    await cc.signIn(citizen.username, citizen.password);
    assert.equal((await cc.get('/api/admin/audit')).statusCode, 403);
    assert.equal((await (await new TestClient(rt.app).init()).get('/api/admin/audit')).statusCode, 401);
  });
});
