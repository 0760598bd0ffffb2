/**
 * Background export benchmark (issue 7 item 4): an export of about 100,000 dossiers, made by the
 * worker in the same process that serves requests, and the latency of those requests meanwhile.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/exports.ts
 *
 * Uses the dossier benchmark's database (BENCH_DB, dvc_bench_dossiers; generate it first with
 * `npm run bench:dossiers`). Starts the runtime in process with workers (WORKERS=true), signs in a
 * province leader (who reads every dossier) and a commune officer through the HTTP interface (inject).
 * The officer opens their worklist every BENCH_GAP_MS (50) ms: first BENCH_BASELINE (10) s alone, then
 * while the leader's export of the dossiers received in BENCH_FROM..BENCH_TO (≈100,000) as
 * BENCH_FORMAT (csv; also xlsx, ods…) runs. Prints the job's time, rows and size, and p50/p95/max of
 * the officer's requests in both phases.
 */
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { TestClient } from '../test/support/http.ts';
import { ensureDatabase, PASSWORD } from './lib/dossier-setup.ts';

const BASE = process.env.DATABASE_URL;
if (!BASE) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
const DB_NAME = process.env.BENCH_DB ?? 'dvc_bench_dossiers';
const FORMAT = process.env.BENCH_FORMAT ?? 'csv';
const FROM = process.env.BENCH_FROM ?? '2026-08-01';
const TO = process.env.BENCH_TO ?? '2026-11-30';
const BASELINE_S = Number(process.env.BENCH_BASELINE ?? 10);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 50);
const LEADER = 'bench.0.lanh_dao_don_vi.0.1';
const OFFICER = 'bench.5.can_bo_mot_cua.0.1';

const url = await ensureDatabase(BASE, DB_NAME);
const rt = await startRuntime(
  loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    WORKERS: 'true',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
  }),
  { logger: false },
);
const { app } = rt;

async function signIn(username: string, ip: string): Promise<TestClient> {
  const client = await new TestClient(app, ip).init();
  const res = await client.signIn(username, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in ${username}: ${res.statusCode} ${res.body}`);
  return client;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const summary = (xs: number[]) =>
  `n=${xs.length} p50=${pct(xs, 50).toFixed(1)} ms p95=${pct(xs, 95).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`;

/** The officer's worklist, every GAP_MS, until `stop()` says so; returns each request's latency. */
async function officerLoop(who: TestClient, stop: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    const res = await who.get('/api/dossiers?list=tat_ca&limit=25');
    times.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`worklist: ${res.statusCode}`);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  return times;
}

const leader = await signIn(LEADER, '127.0.0.11');
const officer = await signIn(OFFICER, '127.0.0.12');
/** True once `ms` milliseconds have passed from now. */
const after = (ms: number) => {
  const end = performance.now() + ms;
  return () => performance.now() > end;
};
await officerLoop(officer, after(2000)); // warm-up
const baseline = await officerLoop(officer, after(BASELINE_S * 1000));

const t0 = performance.now();
const asked = await leader.post('/api/exports', {
  kind: 'dossiers',
  format: FORMAT,
  filter: { list: 'tat_ca', receivedFrom: FROM, receivedTo: TO },
});
if (asked.statusCode !== 202) throw new Error(`export: ${asked.statusCode} ${asked.body}`);
const id = asked.json<{ id: string }>().id;
let finished: { status: string; rows_done: number; size: number | null; error: string | null } | undefined;
const during = officerLoop(officer, () => finished !== undefined);
while (!finished) {
  await new Promise((r) => setTimeout(r, 1000));
  const row = await rt.database.db
    .selectFrom('exports')
    .select(['status', 'rows_done', 'size', 'error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (row.status === 'done' || row.status === 'failed') finished = row;
}
const jobSeconds = (performance.now() - t0) / 1000;
const loaded = await during;

console.log(
  `Export ${FORMAT} of dossiers received ${FROM}..${TO}: ${finished.status}${finished.error ? ` (${finished.error})` : ''}`,
);
console.log(
  `  rows ${finished.rows_done}, file ${((finished.size ?? 0) / 1024 / 1024).toFixed(1)} MiB, ${jobSeconds.toFixed(1)} s (${Math.round(finished.rows_done / jobSeconds)} rows/s)`,
);
console.log(`  worklist alone:        ${summary(baseline)}`);
console.log(`  worklist during export: ${summary(loaded)}`);
await rt.database.db.deleteFrom('exports').where('id', '=', id).execute();
await rt.close();
