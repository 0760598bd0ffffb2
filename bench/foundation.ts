/**
 * Foundation benchmark on PostgreSQL: session-authenticated requests, catalog search and sign-in,
 * against generated data (200,000 accounts with 200,000 sessions, the 3,321 communes).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/foundation.ts
 *
 * Creates its own database on that server (dropped at the end). The platform runs as its own process
 * (`node src/main.ts`) on 127.0.0.1; this process only generates load. Bounded in time.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { seedCatalogs } from '../src/seed/catalogs.ts';
import { freshDatabaseUrl } from '../test/support/db.ts';
import { createAgency, createOfficial } from '../test/support/factories.ts';
import { formatRow, runLoad, TABLE_HEADER } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { cpuSeconds, startServer } from './lib/server.ts';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 200_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
if (!process.env.DATABASE_URL)
  throw new Error(
    'DATABASE_URL (a PostgreSQL server) is required: PGlite cannot be shared between processes',
  );

const fresh = await freshDatabaseUrl();
const dbUrl = fresh.url ?? '';
try {
  // 1. Schema, catalogs and generated data, through the same runtime code as the server.
  const setup = await startRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: dbUrl, WORKERS: 'false' }), {
    logger: false,
  });
  const t0 = performance.now();
  await seedCatalogs(setup.services, () => undefined);
  await sql`
    insert into accounts (kind, username, email, password_hash, status, full_name, id_type, id_number)
    select 'citizen', 'gen' || g, 'gen' || g || '@example.vn', 'x', 'active',
           (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + g % 8] || ' ' ||
           (array['Văn','Thị','Minh','Thu','Đức','Ngọc'])[1 + g % 6] || ' ' ||
           (array['An','Bình','Chi','Dũng','Hà','Hùng','Lan','Mai','Nam','Phương'])[1 + g % 10] || ' ' || g,
           'CCCD', lpad(g::text, 12, '0')
    from generate_series(1, ${ACCOUNTS}) g`.execute(setup.database.db);
  await sql`
    insert into sessions (id, account_id, expires_at)
    select encode(sha256(id::text::bytea), 'hex'), id, now() + interval '1 day' from accounts where username like 'gen%'`.execute(
    setup.database.db,
  );
  const agency = await createAgency(setup.database, { parentId: null, level: 'province' });
  const user = await createOfficial(setup.database, agency.id, ['quan_tri_he_thong'], {
    includeSubtree: true,
  });
  await sql`analyze`.execute(setup.database.db);
  const generated = (performance.now() - t0) / 1000;
  await setup.close();

  // 2. The platform in its own process.
  const server = await startServer({ DATABASE_URL: dbUrl });
  const base = server.url;
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const nonce = /dvc_csrf=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signInOnce = () =>
    fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: `dvc_csrf=${nonce}` },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
  const signIn = await signInOnce();
  const sid = /dvc_sid=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const cookie = `dvc_sid=${sid}; dvc_csrf=${nonce}`;

  const results: { r: LoadResult; cpu: number }[] = [];
  const measure = async (
    name: string,
    opts: { concurrency: number; durationMs: number; maxRequests?: number },
    fn: (w: number, i: number) => Promise<boolean>,
  ) => {
    const c0 = cpuSeconds(server.child.pid ?? 0);
    const r = await runLoad(name, opts, fn);
    results.push({ r, cpu: (cpuSeconds(server.child.pid ?? 0) - c0) / (r.durationMs / 1000) });
  };
  const words = ['thanh', 'hoa', 'phuong', 'xa dong', 'son', 'hai', 'quang', 'thanh hoa'];
  await measure(
    'GET /api/health',
    { concurrency: 50, durationMs: DURATION },
    async () => (await fetch(`${base}/api/health`)).ok,
  );
  await measure(
    'GET /api/auth/me (session + grants)',
    { concurrency: 50, durationMs: DURATION },
    async () => (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).ok,
  );
  await measure(
    'GET /api/catalogs/commune?q= (no diacritics)',
    { concurrency: 50, durationMs: DURATION },
    async (_w, i) =>
      (
        await fetch(
          `${base}/api/catalogs/commune?q=${encodeURIComponent(words[i % words.length] ?? 'xa')}&limit=20`,
        )
      ).ok,
  );
  await measure(
    'GET /api/admin/accounts?q= (200k accounts)',
    { concurrency: 20, durationMs: DURATION },
    async (_w, i) =>
      (
        await fetch(`${base}/api/admin/accounts?q=${i % 2 ? 'nguyen an' : 'tran binh 12'}&limit=50`, {
          headers: { cookie },
        })
      ).ok,
  );
  // The sign-in route is rate limited per address (20 a minute): measure single sign-ins, sequentially.
  await measure(
    'POST /api/auth/sign-in (argon2id), sequential',
    { concurrency: 1, durationMs: DURATION, maxRequests: 15 },
    async () => (await signInOnce()).ok,
  );
  await server.stop();

  console.log(
    `Database: PostgreSQL; ${ACCOUNTS} generated accounts and sessions (generated in ${generated.toFixed(1)} s); ${DURATION / 1000} s per flow; app in its own process; loopback; 2 cores shared by app, database and load generator.\n`,
  );
  console.log(`${TABLE_HEADER.split('\n')[0] ?? ''} app CPU |\n${TABLE_HEADER.split('\n')[1] ?? ''}---|`);
  for (const { r, cpu } of results) console.log(`${formatRow(r)} ${(cpu * 100).toFixed(0)} % |`);
} finally {
  await fresh.drop();
}
