/**
 * Dossier handling benchmark on PostgreSQL (issue 5): 1,000,000 dossiers; worklists and search p95
 * under 50 ms, receipt under 100 ms, at 100 concurrent officials on the 2-core machine.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dossiers
 *
 * Creates database BENCH_DB (dvc_bench_dossiers) on that server and keeps it: the first run applies the
 * migrations and generates the province, its officials and procedures and BENCH_DOSSIERS (1,000,000)
 * dossiers with their history (bench/lib/dossier-*.ts, minutes); later runs find the marker and reuse
 * them (new migrations are applied). Then it measures one receipt in process (statements sent, time in
 * the legal-time calendar loads), starts the platform as its own process (`node src/main.ts`,
 * production mode, no background workers) on 127.0.0.1, signs BENCH_OFFICIALS (100) officials in
 * over HTTP, each from its own loopback address, and runs their turns (bench/lib/dossier-load.ts) in
 * two scenarios, each BENCH_WARMUP (10) s of warm-up then BENCH_SECONDS (60) s measured:
 *   - paced: every official waits 0–2 s (mean BENCH_THINK_MS, 1,000 ms) before each request, about
 *     100 requests a second in all (a busy office clicks far less often);
 *   - closed: no wait at all, each official sends the next request when the answer arrives (the
 *     machine's capacity; latency is then mostly queueing).
 * Everything is bounded in time; the server is stopped at the end.
 */
import { loadConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { seedCalendar } from '../src/seed/calendar.ts';
import { FLOWS, Official, officialLoop, Recorder } from './lib/dossier-load.ts';
import { officialProfiles, ROLE_MIX } from './lib/official-profiles.ts';
import { probeReceipt } from './lib/dossier-probe.ts';
import { ensureDatabase, generateOnce, PASSWORD, sizes, steps } from './lib/dossier-setup.ts';
import { rng } from './lib/procedures.ts';
import { cpuSeconds, startServer } from './lib/server.ts';
import { loadavg } from './lib/machine.ts';

const BASE = process.env.DATABASE_URL;
if (!BASE) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
const DB_NAME = process.env.BENCH_DB ?? 'dvc_bench_dossiers';
const COUNT = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 100);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'paced,closed').split(',');
/** Mean wait before each request of the paced scenario (uniform from 0 to twice this). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);

const log = (m: string) => console.log(m);
const f1 = (n: number) => n.toFixed(1);

const url = await ensureDatabase(BASE, DB_NAME);
log(`Machine load before: ${loadavg()}`);
const setup = await startRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, WORKERS: 'false' }), {
  logger: false,
});
const pool = setup.database.pool;
const t0 = performance.now();
const meta = await generateOnce(pool, COUNT, log);
// The national working calendar (holidays 2025–2027) the legal-time service reads, as a deployment seeds it.
await seedCalendar(setup.services, () => undefined);
const generatedNow = performance.now() - t0 > 60_000;
const tables = await sizes(pool);

// The officials: a seeded draw per role; their procedures and search terms from their own agency.
const rand = rng(20261205);
const profiles = await officialProfiles(pool, OFFICIALS, rand);

const probe = await probeReceipt(setup, {
  username: profiles.find((p) => p.role === 'can_bo_mot_cua')?.username ?? '',
  password: PASSWORD,
  agencyId: profiles.find((p) => p.role === 'can_bo_mot_cua')?.agencyId ?? '',
  procedures: profiles.find((p) => p.role === 'can_bo_mot_cua')?.procedures ?? [],
});
await setup.close();

const server = await startServer({ DATABASE_URL: url, WORKERS: 'false' });
const officials = profiles.map((p, i) => new Official(server.url, `127.0.1.${i + 1}`, p));
try {
  const s0 = performance.now();
  for (let i = 0; i < officials.length; i += 10)
    await Promise.all(officials.slice(i, i + 10).map((o) => o.signIn(PASSWORD)));
  const signInMs = performance.now() - s0;
  for (const o of officials) {
    const res = await o.request('GET', '/api/dossiers/counts');
    o.profile.lists = (JSON.parse(res.body.toString()) as { lists: { list: string }[] }).lists.map(
      (l) => l.list,
    );
  }

  log(`\n## Data (${DB_NAME})\n`);
  log(
    `${meta.dossiers.toLocaleString('en')} dossiers, generated ${meta.generatedAt}${generatedNow ? ' (this run)' : ' (reused)'}; generation ${f1(steps(meta).reduce((a, [, b]) => a + b, 0))} s: ` +
      steps(meta)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', '),
  );
  log(`\n| table | rows (estimate) | size with indexes |\n|---|---|---|`);
  for (const t of tables) log(`| ${t.table} | ${t.rows.toLocaleString('en')} | ${t.size} |`);
  log(
    `\nOfficials: ${profiles.length} (${ROLE_MIX.map(([r, s, sh]) => `${Math.round(sh * OFFICIALS)} ${r}${s ? ' over the province' : ''}`).join(', ')}), signed in over HTTP in ${f1(signInMs / 1000)} s.`,
  );
  log(`\n## One receipt in process (sequential, ${probe.receipts} receipts + detail)\n`);
  log(
    `${f1(probe.receiptMs)} ms each, ${f1(probe.queriesPerReceipt)} SQL statements; ${f1(probe.calendarLoadsPerReceipt)} calendar loads taking ${f1(probe.calendarMsPerReceipt)} ms. ` +
      `calendarFor ${probe.calendarForMs.toFixed(2)} ms; appointment ${probe.appointmentMs.toFixed(2)} ms, with the calendar already loaded ${probe.appointmentPreloadedMs.toFixed(2)} ms.`,
  );

  for (const scenario of SCENARIOS) {
    const rec = new Recorder();
    const think = scenario === 'paced' ? () => rand() * 2 * THINK_MS : () => 0;
    const start = performance.now();
    const until = start + (WARMUP + SECONDS) * 1000;
    const warm = setTimeout(() => (rec.measuring = true), WARMUP * 1000);
    let c0 = 0;
    let l0 = process.cpuUsage();
    let m0 = 0;
    const mark = setTimeout(() => {
      c0 = cpuSeconds(server.child.pid ?? 0);
      l0 = process.cpuUsage();
      m0 = performance.now();
    }, WARMUP * 1000);
    const before = loadavg();
    await Promise.all(officials.map((o, i) => officialLoop(o, rec, rng(1000 + i), until, think)));
    clearTimeout(warm);
    clearTimeout(mark);
    const seconds = (performance.now() - m0) / 1000;
    const appCpu = (cpuSeconds(server.child.pid ?? 0) - c0) / seconds;
    const l = process.cpuUsage(l0);
    log(
      `\n## Scenario ${scenario}${scenario === 'paced' ? ` (mean wait ${THINK_MS} ms)` : ''}: ${officials.length} officials, ${WARMUP} s warm-up, ${f1(seconds)} s measured; load average ${before} → ${loadavg()}; ` +
        `app CPU ${(appCpu * 100).toFixed(0)} %, load generator CPU ${(((l.user + l.system) / 1e6 / seconds) * 100).toFixed(0)} %\n`,
    );
    log(
      `| flow | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|`,
    );
    const everything: number[] = [];
    for (const flow of FLOWS) {
      const xs = [...(rec.latencies.get(flow) ?? [])].sort((a, b) => a - b);
      everything.push(...xs);
      log(row(flow, xs, rec.errors.get(flow) ?? 0, seconds));
    }
    const errors = [...rec.errors.values()].reduce((a, b) => a + b, 0);
    log(
      row(
        'all requests',
        everything.sort((a, b) => a - b),
        errors,
        seconds,
      ),
    );
    for (const f of rec.failures) log(`\nFailed: ${f}`);
  }
} finally {
  for (const o of officials) o.close();
  await server.stop();
}

function row(name: string, xs: number[], errors: number, seconds: number): string {
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  return `| ${name} | ${xs.length} | ${errors} | ${f1(xs.length / seconds)} | ${f1(at(0.5))} | ${f1(at(0.95))} | ${f1(at(0.99))} | ${f1(xs.at(-1) ?? 0)} |`;
}
