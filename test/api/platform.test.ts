import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { Database } from '../../src/db/client.ts';
import { listMigrations, migrate, pendingMigrations } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { createMailer } from '../../src/integrations/mail/mailer.ts';
import { createServices } from '../../src/services.ts';
import { freshDatabaseUrl } from '../support/db.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

let rt: TestRuntime;
before(async () => {
  rt = await startTestRuntime();
});
after(async () => rt.stop());

/** A database of its own (PostgreSQL when DATABASE_URL is set, PGlite in memory otherwise), not migrated. */
async function emptyDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const fresh = await freshDatabaseUrl();
  const database = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
  return {
    database,
    async dispose() {
      await database.close();
      await fresh.drop();
    },
  };
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('platform endpoints', () => {
  it('answers health and readiness', async () => {
    const health = await rt.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await rt.app.inject({ method: 'GET', url: '/api/ready' });
    assert.equal(ready.statusCode, 200, ready.body);
    assert.equal(ready.json().status, 'ready');
    assert.equal(ready.json().database, rt.database.kind);
  });

  it('is not ready when the database is unreachable', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres` });
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    // The queue is never touched by /api/ready; the app is built as the runtime builds it.
    const services = createServices({ config, database, boss: undefined as unknown as PgBoss, mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, dataDir: config.dataDir }) });
    const app = await buildApp({ services, logger: false });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      assert.equal(res.statusCode, 503);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
      assert.equal(res.json().code, 'database_unreachable');
      assert.equal(res.json().status, 503);
      assert.doesNotMatch(res.body, /ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/khong-co-duong-dan-nay?x=1' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().code, 'route_not_found');
    assert.equal(res.json().type, 'urn:dichvucong:problem:route_not_found');
    assert.match(res.json().detail, /GET \/api\/khong-co-duong-dan-nay$/);
    const en = await rt.app.inject({ method: 'DELETE', url: '/api/nothing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(en.json().title, 'Not found');
  });

  it('answers a malformed JSON body with problem+json 400', async () => {
    const c = await new TestClient(rt.app).init();
    const res = await c.request({ method: 'POST', url: '/api/auth/sign-in', payload: '{"username": "a", ', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().status, 400);
    assert.match(res.json().title, /không đúng định dạng/);
    assert.doesNotMatch(res.body, /at .*\.js:\d+/);
  });

  it('publishes OpenAPI 3.1 and the browsable docs', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { tags?: string[] }>> }>();
    assert.match(doc.openapi, /^3\.1\./);
    assert.ok(doc.paths['/api/auth/sign-in']?.post, 'sign-in documented');
    for (const p of ['/api/admin/audit', '/api/admin/audit/verify', '/api/admin/accounts', '/api/admin/access-stats']) {
      assert.ok(doc.paths[p]?.get?.tags?.length, `${p} documented with tags`);
    }
    assert.ok(doc.paths['/api/admin/accounts/{id}/status']?.post, 'status change documented');
    const docs = await rt.app.inject({ method: 'GET', url: '/api/docs' });
    const page = docs.statusCode >= 300 && docs.statusCode < 400 ? await rt.app.inject({ method: 'GET', url: new URL(docs.headers.location as string, 'http://x/api/docs').pathname }) : docs;
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /<html/i);
  });
});

describe('migrations', () => {
  it('apply in order on an empty database, and a second run applies nothing', async () => {
    const { database, dispose } = await emptyDatabase();
    try {
      const all = listMigrations().map((m) => m.version);
      assert.ok(all.length >= 1);
      assert.deepEqual(all, [...all].sort());
      assert.deepEqual(await pendingMigrations(database), all);
      assert.deepEqual(await migrate(database), all);
      assert.deepEqual(await migrate(database), []);
      assert.deepEqual(await pendingMigrations(database), []);
      const rows = (await database.pool.query<{ version: string }>('select version from schema_migrations order by applied_at, version')).rows;
      assert.deepEqual(rows.map((r) => r.version), all);
      const head = (await database.pool.query<{ seq: number }>('select seq from audit_head')).rows;
      assert.deepEqual(head, [{ seq: 0 }]);
    } finally {
      await dispose();
    }
  });

  it('roll back a failing migration, name its file and stop there', async () => {
    const { database, dispose } = await emptyDatabase();
    try {
      const list = [
        { version: '9001_good', sql: 'create table t_good (x int); insert into t_good values (1);' },
        { version: '9002_broken', sql: 'create table t_half (x int); insert into t_half values (1); select khong_co_ham_nay();' },
        { version: '9003_after', sql: 'create table t_after (x int);' },
      ];
      await assert.rejects(migrate(database, list), (err: Error) => {
        assert.match(err.message, /9002_broken/);
        assert.match(err.message, /khong_co_ham_nay/);
        return true;
      });
      const tables = (await database.pool.query<{ t: string | null }>(`select to_regclass('t_good')::text as t union all select to_regclass('t_half')::text union all select to_regclass('t_after')::text`)).rows;
      assert.deepEqual(tables.map((r) => r.t), ['t_good', null, null]);
      const done = (await database.pool.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version);
      assert.deepEqual(done, ['9001_good']);
      // Fixed, the rest applies and the good one is not run twice.
      const fixed = [list[0]!, { version: '9002_broken', sql: 'create table t_half (x int);' }, list[2]!];
      assert.deepEqual(await migrate(database, fixed), ['9002_broken', '9003_after']);
      assert.equal((await database.pool.query('select * from t_good')).rowCount, 1);
    } finally {
      await dispose();
    }
  });
});

describe('database connections', () => {
  it('run without JIT, and the side connection answers while every pool connection is held', async () => {
    const { database, dispose } = await emptyDatabase();
    try {
      if (database.kind === 'pglite') {
        // One session: the side handle is the main one.
        assert.equal(database.side, database.db);
        return;
      }
      // Whatever the server's default (this one may have JIT off already), the platform's are off.
      const url = new URL((database.pool.options as { connectionString: string }).connectionString);
      url.searchParams.delete('options');
      const connectionString = url.toString();
      await database.pool.query(
        `do $$ begin execute format('alter database %I set jit = on', current_database()); end $$`,
      );
      const plain = new pg.Client({ connectionString });
      await plain.connect();
      assert.equal((await plain.query<{ jit: string }>('show jit')).rows[0]?.jit, 'on');
      await plain.end();
      const fresh = await openDatabase({ databaseUrl: connectionString, dataDir: 'memory://' });
      try {
        assert.equal((await fresh.pool.query<{ jit: string }>('show jit')).rows[0]?.jit, 'off');
        assert.equal((await sql<{ jit: string }>`show jit`.execute(fresh.side)).rows[0]?.jit, 'off');
      } finally {
        await fresh.close();
      }
      // Hold every connection of the main pool (20), as a burst of transactions would.
      const held = await Promise.all(Array.from({ length: 20 }, () => database.pool.connect()));
      try {
        const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.side);
        assert.deepEqual(rows, [{ one: 1 }]);
        assert.equal(database.pool.waitingCount, 0);
      } finally {
        for (const c of held) c.release();
      }
    } finally {
      await dispose();
    }
  });
});
