/**
 * Foundation benchmark: session-authenticated requests, sign-in, account search and catalog search
 * against generated data (200,000 accounts with 200,000 sessions, 3,321 communes).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/foundation.ts
 *
 * Creates its own database on that server (dropped at the end), listens on 127.0.0.1, bounded in time.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { seedCatalogs } from '../src/seed/catalogs.ts';
import { createAccount } from '../test/support/factories.ts';
import { freshDatabaseUrl } from '../test/support/db.ts';
import { formatRow, runLoad, TABLE_HEADER } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 200_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;

const fresh = await freshDatabaseUrl();
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: fresh.url ? '/tmp/dvc-bench' : 'memory://', ...(fresh.url ? { DATABASE_URL: fresh.url } : {}), WORKERS: 'false', MAX_SESSIONS_PER_ACCOUNT: '100' });
const rt = await startRuntime(config, { logger: false });
const db = rt.database.db;
try {
  console.error(`generating ${ACCOUNTS} accounts and sessions…`);
  const t0 = performance.now();
  await seedCatalogs(rt.services, () => undefined);
  await sql`
    insert into accounts (kind, username, email, password_hash, status, full_name, id_type, id_number)
    select 'citizen', 'gen' || g, 'gen' || g || '@example.vn', 'x', 'active',
           (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + g % 8] || ' ' ||
           (array['Văn','Thị','Minh','Thu','Đức','Ngọc'])[1 + g % 6] || ' ' ||
           (array['An','Bình','Chi','Dũng','Hà','Hùng','Lan','Mai','Nam','Phương'])[1 + g % 10] || ' ' || g,
           'CCCD', lpad(g::text, 12, '0')
    from generate_series(1, ${ACCOUNTS}) g`.execute(db);
  await sql`
    insert into sessions (id, account_id, expires_at)
    select encode(sha256(id::text::bytea), 'hex'), id, now() + interval '1 day' from accounts where username like 'gen%'`.execute(db);
  await sql`analyze`.execute(db);
  console.error(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const address = await rt.app.listen({ host: '127.0.0.1', port: 0 });
  const user = await createAccount(rt.database);
  // A real signed-in session for the "me" flow.
  const csrfRes = await fetch(`${address}/api/auth/csrf`);
  const nonce = /dvc_csrf=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signIn = await fetch(`${address}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: `dvc_csrf=${nonce}` },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const sid = /dvc_sid=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const cookie = `dvc_sid=${sid}; dvc_csrf=${nonce}`;

  const results: LoadResult[] = [];
  const get = (path: string, headers: Record<string, string> = {}) => async () => (await fetch(`${address}${path}`, { headers })).ok;
  results.push(await runLoad('GET /api/health', { concurrency: 50, durationMs: DURATION }, get('/api/health')));
  results.push(await runLoad('GET /api/auth/me (session + grants)', { concurrency: 50, durationMs: DURATION }, get('/api/auth/me', { cookie })));
  const words = ['thanh', 'hoa', 'phuong', 'xa', 'dong', 'son', 'hai', 'quang'];
  results.push(
    await runLoad('GET /api/catalogs/commune?q= (no diacritics)', { concurrency: 50, durationMs: DURATION }, async (_w, i) => {
      const r = await fetch(`${address}/api/catalogs/commune?q=${words[i % words.length] ?? 'xa'}&limit=20`);
      return r.ok;
    }),
  );
  results.push(
    await runLoad('POST /api/auth/sign-in (argon2id)', { concurrency: 8, durationMs: DURATION }, async () => {
      const r = await fetch(`${address}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: `dvc_csrf=${nonce}` },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      return r.ok;
    }),
  );
  console.log(`Database: ${rt.database.kind}; ${ACCOUNTS} generated accounts and sessions; ${DURATION / 1000} s per flow; loopback; 2 cores shared by app, database and load generator.\n`);
  console.log(TABLE_HEADER);
  for (const r of results) console.log(formatRow(r));
} finally {
  await rt.close();
  await fresh.drop();
}
