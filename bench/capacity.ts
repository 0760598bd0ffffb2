/**
 * Capacity benchmark against Annex IV of TT 22/2019 (issue 8): average under 2.5 s, slowest under
 * 30 s, 5,000 concurrent accesses of which at least 1/6 active users — measured on this machine with
 * ten years of a large province, application and database on the same 2 cores.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:capacity          (full)
 *   DATABASE_URL=… BENCH_MODE=smoke npm run bench:capacity                                    (CI, < 60 s)
 *
 * Data (bench/lib/dossier-*.ts, capacity-procedures.ts, portal-setup.ts; reproducible, BENCH_SEED
 * changes the draw): 300 agencies (the province, 20 departments, 279 communes), 2,000 published
 * procedures (the real national catalog and variants of it) with their processes, about 5,000
 * officials, 1,000,000 citizen accounts, 5,000,000 dossiers over ten years with their history and
 * attachment metadata. Generated once into BENCH_DB and reused (the marker in bench.meta).
 *
 * Then, for 1 and for 2 application processes (BENCH_PROCESSES; users spread over them as a load
 * balancer would):
 *   1. ceiling: a bare Fastify route doing one indexed lookup, and a bare one-INSERT transaction
 *      (bench/lib/ceiling-server.ts), closed loop at BENCH_CONCURRENCY; measured once per run;
 *   2. each main flow alone, closed loop at the same concurrency: its throughput as a ratio to the ceiling;
 *   3. the mix: BENCH_CONNECTIONS (5,000) open connections, of which BENCH_ACTIVE (1,000) active users
 *      (officials 40 %, anonymous visitors 35 %, signed-in citizens 25 %) each waiting 0–2×BENCH_THINK_MS
 *      before every request, and the others idle visitors reading a page every 40 s or so;
 *      BENCH_WARMUP s of warm-up, BENCH_SECONDS s measured; CPU of the application, the database and the
 *      load generator over the measured window;
 *   4. statistics: the dossier-handling report over 5,000,000 dossiers, sequentially.
 * Everything is bounded in time and stops by itself. Smoke mode: small data in its own database,
 * short phases; exits 1 if any request failed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { seedCalendar } from '../src/seed/calendar.ts';
import { seedCatalogs } from '../src/seed/catalogs.ts';
import { importProcedures } from './lib/capacity-procedures.ts';
import {
  addressOf,
  anonymous,
  anonymousLoop,
  citizenLoop,
  idleLoop,
  MixRecorder,
  popular,
  reportLoop,
  reportQueries,
  statistics,
} from './lib/capacity-load.ts';
import type { PublicData } from './lib/capacity-load.ts';
import { SMALL_DOSSIERS } from './lib/dossier-data.ts';
import { Official, officialLoop, Recorder } from './lib/dossier-load.ts';
import { SMALL_ORG } from './lib/dossier-org.ts';
import { measureWindow } from './lib/mix-window.ts';
import { dropDatabase, loadavg, sampleAcceptQueue, serverSettings, tcpSince } from './lib/machine.ts';
import { ensureDatabase, generateOnce, PASSWORD, sizes, steps } from './lib/dossier-setup.ts';
import type { Scale } from './lib/dossier-setup.ts';
import { httpClient } from './lib/http.ts';
import { runLoad } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { ceilingSection, processSection } from './lib/capacity-report.ts';
import type { MixResult, RunShape } from './lib/capacity-report.ts';
import { officialProfiles } from './lib/official-profiles.ts';
import { submissionBody, Tracker } from './lib/portal-load.ts';
import { CITIZEN_PASSWORD, citizenProfiles, ensureCitizens } from './lib/portal-setup.ts';
import { rng } from './lib/procedures.ts';
import { freePort, startScript, startServer } from './lib/server.ts';
import type { Started } from './lib/server.ts';

const BASE = process.env.DATABASE_URL;
if (!BASE) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
const SMOKE = process.env.BENCH_MODE === 'smoke';
const env = (name: string, full: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : full));

const DB_NAME = process.env.BENCH_DB ?? (SMOKE ? 'dvc_bench_capacity_smoke' : 'dvc_bench_capacity');
const DOSSIERS = env('BENCH_DOSSIERS', 5_000_000, 3_000);
const ACCOUNTS = env('BENCH_ACCOUNTS', 1_000_000, 500);
const CONNECTIONS = env('BENCH_CONNECTIONS', 5_000, 200);
const ACTIVE = env('BENCH_ACTIVE', 1_000, 40);
const THINK_MS = env('BENCH_THINK_MS', 3_000, 500);
const WARMUP = env('BENCH_WARMUP', 15, 2);
const SECONDS = env('BENCH_SECONDS', 60, 6);
const FLOW_SECONDS = env('BENCH_FLOW_SECONDS', 12, 2);
const CONCURRENCY = env('BENCH_CONCURRENCY', 32, 4);
const SUBMIT_EVERY = env('BENCH_SUBMIT_EVERY', 4, 2);
/** Connections of each application process's pool (the platform's DB_POOL_SIZE; its default is 20). */
const POOL = env('BENCH_POOL', 20, 20);
/**
 * The application (and the ceiling) reach PostgreSQL through its Unix socket when it has one here, as
 * a deployment on one host would: a statement over loopback TCP costs the client a third more CPU
 * (43 against 57 µs measured). BENCH_SOCKET=none keeps TCP; BENCH_SOCKET=/dir names the folder.
 */
const SOCKET_DIR =
  process.env.BENCH_SOCKET ??
  (existsSync('/var/run/postgresql/.s.PGSQL.5432') ? '/var/run/postgresql' : 'none');
const PROCESSES = (process.env.BENCH_PROCESSES ?? (SMOKE ? '1' : '1,2')).split(',').map(Number);
const SEED = 20261205;

/** The province of the issue: 300 agencies, 2,000 procedures, ~5,000 officials; ten years, busier lately. */
const FULL_SCALE = (procedures: Awaited<ReturnType<typeof importProcedures>>): Scale => ({
  name: 'capacity',
  org: { soCounters: 4, soDepts: 5, soHandlers: 6, communeCounters: 3, communeHandlers: 11, procedures },
  dossiers: { days: 3650, persons: 1_500_000, skew: 1.3, files: true },
});
const SMOKE_SCALE: Scale = {
  name: 'capacity-smoke',
  org: SMALL_ORG,
  dossiers: { ...SMALL_DOSSIERS, days: 365, persons: 20_000, files: true },
};

const TERMS = [
  'đăng ký khai sinh',
  'dang ky khai sinh',
  'kết hôn',
  'chung thuc ban sao',
  'giấy phép xây dựng',
  'dat dai',
  'hộ kinh doanh',
  'tro cap xa hoi',
  'lý lịch tư pháp',
  'khai tu',
  'cap lai',
  'người có công',
];

const log = (m: string) => console.log(m);
const f1 = (n: number) => n.toFixed(1);

// ───────────── data ─────────────
if (SMOKE) await dropDatabase(BASE, DB_NAME);
const url = await ensureDatabase(BASE, DB_NAME);
const appUrl =
  SOCKET_DIR === 'none'
    ? url
    : `${url}${url.includes('?') ? '&' : '?'}host=${encodeURIComponent(SOCKET_DIR)}`;
log(
  `# Capacity benchmark (${SMOKE ? 'smoke' : 'full'}), ${new Date().toISOString()}\n\nMachine load before: ${loadavg()}`,
);
const setup = await startRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, WORKERS: 'false' }), {
  logger: false,
});
const pool = setup.database.pool;
const t0 = performance.now();
await seedCatalogs(setup.services, () => undefined);
await seedCalendar(setup.services, () => undefined);
const scale = SMOKE ? SMOKE_SCALE : FULL_SCALE(await importProcedures(setup.services, 2000, () => undefined));
const meta = await generateOnce(pool, DOSSIERS, log, scale);
// The bulk load bypasses the statistics triggers: the daily figures are built once from the dossiers.
const r0 = performance.now();
const statsEmpty = (
  await pool.query<{ empty: boolean }>(`select not exists (select 1 from dossier_stats_daily) as empty`)
).rows[0]?.empty;
if (statsEmpty) {
  await pool.query('select dossier_stats_rebuild()');
  // As after the bulk load: fresh tables without statistics or visibility map read slowly.
  await pool.query(
    'vacuum analyze dossier_stats_daily, dossier_stats_monthly, dossier_stats_yearly, dossier_stats_agency_daily, dossier_stats_agency_monthly, dossier_stats_agency_yearly',
  );
}
const statsSeconds = statsEmpty ? (performance.now() - r0) / 1000 : null;
const a0 = performance.now();
const registered = await ensureCitizens(pool, Math.ceil(ACTIVE * 0.25), ACCOUNTS, scale.dossiers?.persons);
const accountsSeconds = (performance.now() - a0) / 1000;
const dataSeconds = (performance.now() - t0) / 1000;
const tables = await sizes(pool);
const settings = await serverSettings(pool);

// Who does what: a seeded draw of officials and citizens, public data for the anonymous.
const rand = rng(SEED);
const nOfficials = Math.round(ACTIVE * 0.4);
const nCitizens = Math.ceil(ACTIVE * 0.25);
const nAnonymous = ACTIVE - nOfficials - nCitizens;
const nIdle = Math.max(0, CONNECTIONS - ACTIVE);
const officials = await officialProfiles(pool, nOfficials, rand);
const citizens = await citizenProfiles(pool, nCitizens, 10, SEED);
const slugs = (
  await pool.query<{ slug: string }>(
    `select p.slug from bench.proc b join procedures p on p.id = b.id order by b.k limit 500`,
  )
).rows.map((r) => r.slug);
const publicData: PublicData = { terms: TERMS, slugs, tracked: citizens.flatMap((c) => c.tracked) };
await setup.close();

log(`\n## Data (${DB_NAME})\n`);
log(
  `${meta.dossiers.toLocaleString('en')} dossiers generated ${meta.generatedAt} in ${f1(steps(meta).reduce((a, [, b]) => a + b, 0))} s (` +
    steps(meta)
      .map(([k, v]) => `${k} ${f1(v)} s`)
      .join('; ') +
    `)${statsSeconds === null ? '' : `; statistics rebuilt from the dossiers in ${f1(statsSeconds)} s`}; ${registered.toLocaleString('en')} citizen accounts (${f1(accountsSeconds)} s this run); data ready in ${f1(dataSeconds)} s this run.`,
);
log(`\n| table | rows (estimate) | size with indexes |\n|---|---|---|`);
for (const t of tables) log(`| ${t.table} | ${t.rows.toLocaleString('en')} | ${t.size} |`);
log(
  `\nPostgreSQL ${settings}; application pool ${POOL} connections a process (DB_POOL_SIZE), ${SOCKET_DIR === 'none' ? 'over loopback TCP' : `over the Unix socket in ${SOCKET_DIR}`}.`,
);

// BENCH_DATA_ONLY=1: generate (or check) the data and stop, e.g. to measure later on a quiet machine.
if (process.env.BENCH_DATA_ONLY === '1') process.exit(0);

// ───────────── measurements ─────────────
const shape: RunShape = {
  concurrency: CONCURRENCY,
  flowSeconds: FLOW_SECONDS,
  connections: CONNECTIONS,
  active: ACTIVE,
  officials: nOfficials,
  anonymous: nAnonymous,
  citizens: nCitizens,
  idle: nIdle,
  thinkMs: THINK_MS,
  warmup: WARMUP,
};
let failures = 0;
const ceiling = await measureCeiling();
const report: string[] = [];
let sessions: { officials: Official[]; citizens: Official[] } | null = null;
for (const n of PROCESSES) {
  const servers: Started[] = [];
  for (let i = 0; i < n; i++)
    servers.push(await startServer({ DATABASE_URL: appUrl, WORKERS: 'false', DB_POOL_SIZE: String(POOL) }));
  try {
    sessions = await signIn(servers, sessions);
    const flows = await measureFlows(servers, sessions.citizens);
    const mix = await runMix(servers, sessions);
    const stats = await statistics(servers[0]?.url ?? '', sessions.officials);
    failures += stats.filter((x) => x.status !== 200).length;
    report.push(processSection(n, shape, ceiling, flows, mix, stats));
  } finally {
    for (const s of servers) await s.stop();
  }
}
for (const o of [...(sessions?.officials ?? []), ...(sessions?.citizens ?? [])]) o.close();
log(ceilingSection(ceiling, shape));
for (const r of report) log(r);
log(`\nMachine load after: ${loadavg()}`);
if (SMOKE && failures > 0) {
  console.error(`smoke run: ${failures} failed requests`);
  process.exit(1);
}

// ───────────── phases ─────────────

/** Closed loop at CONCURRENCY: the bare lookup and the bare one-INSERT transaction. */
async function measureCeiling(): Promise<{ lookup: LoadResult; insert: LoadResult }> {
  const port = await freePort();
  const server = await startScript(
    fileURLToPath(new URL('./lib/ceiling-server.ts', import.meta.url)),
    { DATABASE_URL: appUrl, DB_POOL_SIZE: String(POOL) },
    port,
    '/ready',
  );
  const client = httpClient(server.url, CONCURRENCY);
  const codes = publicData.tracked.map((d) => d.code);
  try {
    const lookup = await runLoad(
      'ceiling: one indexed lookup',
      { concurrency: CONCURRENCY, durationMs: FLOW_SECONDS * 1000 },
      async (_w, i) =>
        (await client.get(`/lookup/${encodeURIComponent(codes[i % codes.length] ?? '')}`)).status === 200,
    );
    const insert = await runLoad(
      'ceiling: one-INSERT transaction',
      { concurrency: CONCURRENCY, durationMs: FLOW_SECONDS * 1000 },
      async () => (await client.post('/insert')).status === 200,
    );
    return { lookup, insert };
  } finally {
    client.close();
    await server.stop();
  }
}

/** Officials and citizens sign in once (sessions live in the database); later runs move them to the new servers. */
async function signIn(
  servers: Started[],
  before: { officials: Official[]; citizens: Official[] } | null,
): Promise<{ officials: Official[]; citizens: Official[] }> {
  const base = (i: number) => servers[i % servers.length]?.url ?? '';
  if (before) {
    before.officials.forEach((o, i) => o.moveTo(base(i)));
    before.citizens.forEach((o, i) => o.moveTo(base(i)));
    return before;
  }
  const os = officials.map((p, i) => new Official(base(i), addressOf(1, i), p));
  const cs = citizens.map(
    (p, i) =>
      new Official(base(i), addressOf(2, i), {
        username: p.username,
        role: 'citizen',
        agencyId: p.agencyId,
        lists: [],
        procedures: p.procedures,
        names: [],
        codes: [],
      }),
  );
  const t = performance.now();
  for (let i = 0; i < os.length; i += 8) await Promise.all(os.slice(i, i + 8).map((o) => o.signIn(PASSWORD)));
  for (let i = 0; i < cs.length; i += 8)
    await Promise.all(cs.slice(i, i + 8).map((o) => o.signIn(CITIZEN_PASSWORD)));
  for (const o of os) {
    const res = await o.request('GET', '/api/dossiers/counts');
    o.profile.lists = (JSON.parse(res.body.toString()) as { lists: { list: string }[] }).lists.map(
      (l) => l.list,
    );
  }
  log(
    `\n${os.length} officials and ${cs.length} citizens signed in over HTTP in ${f1((performance.now() - t) / 1000)} s.`,
  );
  return { officials: os, citizens: cs };
}

/** Each main flow alone, closed loop at CONCURRENCY, users spread over the servers. */
async function measureFlows(servers: Started[], cs: Official[]): Promise<LoadResult[]> {
  const base = (i: number) => servers[i % servers.length]?.url ?? '';
  const rand = rng(SEED + 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const trackers = Array.from({ length: CONCURRENCY }, (_, i) => new Tracker(base(i)));
  const readers = Array.from({ length: CONCURRENCY }, (_, i) => anonymous(base(i), addressOf(5, i)));
  const opts = { concurrency: CONCURRENCY, durationMs: FLOW_SECONDS * 1000 };
  const ok = (status: number) => (r: { status: number }) => r.status === status;
  try {
    const results = [
      await runLoad('tracking (API, code + phone)', opts, async (w) => {
        const d = pick(publicData.tracked);
        return ok(200)(
          await (trackers[w] as Tracker).get(
            `/api/public/dossiers/${encodeURIComponent(d.code)}?phone=${d.phone}`,
          ),
        );
      }),
      await runLoad('catalog search (API)', opts, async (w) =>
        ok(200)(
          await (readers[w] as Official).request(
            'GET',
            `/api/public/procedures?q=${encodeURIComponent(pick(TERMS))}`,
          ),
        ),
      ),
      await runLoad('catalog search page (HTML)', opts, async (w) =>
        ok(200)(
          await (readers[w] as Official).request(
            'GET',
            `/thu-tuc-hanh-chinh?q=${encodeURIComponent(pick(TERMS))}`,
            undefined,
            'text/html',
          ),
        ),
      ),
      await runLoad('procedure page (HTML)', opts, async (w) =>
        ok(200)(
          await (readers[w] as Official).request(
            'GET',
            `/thu-tuc-hanh-chinh/${popular(rand, slugs)}`,
            undefined,
            'text/html',
          ),
        ),
      ),
      await runLoad('online submission (API, no upload)', opts, async (w) => {
        const c = cs[w % cs.length] as Official;
        const p = citizens[w % citizens.length];
        if (!p) return false;
        return ok(201)(await c.request('POST', '/api/portal/dossiers', submissionBody(p, rand)));
      }),
    ];
    for (const r of results) failures += r.errors;
    return results;
  } finally {
    for (const t of trackers) t.close();
    for (const r of readers) r.close();
  }
}

/** The mix at CONNECTIONS connections, ACTIVE of them active users. */
async function runMix(
  servers: Started[],
  s: { officials: Official[]; citizens: Official[] },
): Promise<MixResult> {
  const base = (i: number) => servers[i % servers.length]?.url ?? '';
  const orec = new Recorder();
  const rec = new MixRecorder();
  const until = performance.now() + (WARMUP + SECONDS) * 1000;
  const idle = Array.from({ length: nIdle }, (_, i) => anonymous(base(i), addressOf(3, i)));
  const anon = Array.from({ length: nAnonymous }, (_, i) => anonymous(base(i), addressOf(4, i)));
  const trackers = [...anon, ...s.citizens].map((_, i) => new Tracker(base(i)));
  const leaders = s.officials.filter((o) => o.profile.role === 'lanh_dao_don_vi');
  const reportPaths = reportQueries();
  const measured = measureWindow({
    url,
    appPids: () => servers.map((sv) => sv.child.pid ?? 0),
    opensAt: performance.now() + WARMUP * 1000,
    closesAt: until,
    onOpen: () => {
      orec.measuring = true;
      rec.measuring = true;
    },
  });
  const before = loadavg();
  const tcp = tcpSince();
  const acceptQueue = sampleAcceptQueue(servers.map((sv) => Number(new URL(sv.url).port)));
  const ctx = (i: number) => {
    const r = rng(SEED + 1000 + i);
    return { rec, rand: r, until, think: () => r() * 2 * THINK_MS };
  };
  try {
    await Promise.all([
      ...idle.map((o, i) => idleLoop(o, publicData, ctx(i), WARMUP * 1000, 40_000)),
      ...anon.map((o, i) => anonymousLoop(o, trackers[i] as Tracker, publicData, ctx(10_000 + i))),
      ...s.citizens.map((o, i) => {
        const p = citizens[i];
        return p
          ? citizenLoop(o, trackers[nAnonymous + i] as Tracker, p, ctx(20_000 + i), SUBMIT_EVERY)
          : Promise.resolve();
      }),
      ...s.officials.map((o, i) => {
        const r = rng(SEED + 30_000 + i);
        return officialLoop(o, orec, r, until, () => r() * 2 * THINK_MS);
      }),
      ...leaders
        .slice(0, Math.max(1, Math.round(leaders.length / 4)))
        .map((o, i) => reportLoop(o, reportPaths, ctx(40_000 + i))),
    ]);
  } finally {
    measured.cancel();
    for (const o of [...idle, ...anon, ...trackers]) o.close();
  }
  const { openedAt, cpu, connections, statements } = await measured.done;
  for (const r of [orec, rec] as { errors: Map<string, number> }[])
    for (const e of r.errors.values()) failures += e;
  return {
    seconds: (until - openedAt) / 1000,
    officials: orec,
    others: rec,
    cpu,
    connections,
    statements,
    tcp: tcp(),
    acceptQueue: acceptQueue(),
    before,
    after: loadavg(),
  };
}
