import { MIX_FLOWS } from './capacity-load.ts';
import type { MixRecorder } from './capacity-load.ts';
import { FLOWS as OFFICIAL_FLOWS } from './dossier-load.ts';
import type { Recorder } from './dossier-load.ts';
import type { LoadResult } from './load.ts';
import type { StatementCost } from './db-statements.ts';
import type { ActivityClass } from './db-activity.ts';

/** The capacity benchmark's report: Markdown tables for docs/performance.md. */

export interface MixResult {
  seconds: number;
  officials: Recorder;
  others: MixRecorder;
  cpu: { app: number; db: number; load: number };
  /** The benchmark database's connections by state, sampled every second of the measured window. */
  connections: ActivityClass[];
  /** Kernel TCP counters over the whole mix (warm-up included), as "name n, …". */
  tcp: string;
  /** The costliest statements of the window (pg_stat_statements), or null where it is not loaded. */
  statements: StatementCost[] | null;
  /** Connections waiting to be accepted by the application over the whole mix, every 250 ms. */
  acceptQueue: { mean: number; max: number };
  before: string;
  after: string;
}

export interface Ceiling {
  lookup: LoadResult;
  insert: LoadResult;
}

/** What the run was: for the headings. */
export interface RunShape {
  concurrency: number;
  flowSeconds: number;
  connections: number;
  active: number;
  officials: number;
  anonymous: number;
  citizens: number;
  idle: number;
  thinkMs: number;
  warmup: number;
}

const f1 = (n: number) => n.toFixed(1);

function pct(xs: number[], q: number): number {
  return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
}

function rowOf(name: string, xs: number[], errors: number, seconds: number): string {
  xs.sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return `| ${name} | ${xs.length} | ${errors} | ${f1(xs.length / seconds)} | ${f1(mean)} | ${f1(pct(xs, 0.5))} | ${f1(pct(xs, 0.95))} | ${f1(pct(xs, 0.99))} | ${f1(xs.at(-1) ?? 0)} |`;
}

export function ceilingSection(ceiling: Ceiling, shape: RunShape): string {
  const r = (x: LoadResult) =>
    `| ${x.name} | ${x.requests} | ${x.errors} | ${f1(x.throughput)} | ${f1(x.p50)} | ${f1(x.p95)} | ${f1(x.max)} |`;
  return [
    `\n## Ceiling of this machine (closed loop, ${shape.concurrency} connections, ${shape.flowSeconds} s each)\n`,
    '| ceiling | requests | errors | req/s | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    r(ceiling.lookup),
    r(ceiling.insert),
  ].join('\n');
}

export function processSection(
  n: number,
  shape: RunShape,
  ceiling: Ceiling,
  flows: LoadResult[],
  mix: MixResult,
  stats: { path: string; ms: number[]; status: number }[],
): string {
  const lines: string[] = [];
  lines.push(`\n## ${n} application process${n > 1 ? 'es' : ''}\n`);
  lines.push(
    `### Each flow alone (closed loop, ${shape.concurrency} connections, ${shape.flowSeconds} s), as a share of the ceiling\n`,
  );
  lines.push('| flow | requests | errors | req/s | p50 ms | p95 ms | max ms | ceiling | share |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const f of flows) {
    const write = f.name.startsWith('online submission');
    const c = write ? ceiling.insert : ceiling.lookup;
    lines.push(
      `| ${f.name} | ${f.requests} | ${f.errors} | ${f1(f.throughput)} | ${f1(f.p50)} | ${f1(f.p95)} | ${f1(f.max)} | ${write ? 'insert' : 'lookup'} ${f1(c.throughput)} | ${((f.throughput / c.throughput) * 100).toFixed(0)} % |`,
    );
  }
  lines.push(
    `\n### Mix: ${shape.connections.toLocaleString('en')} connections, ${shape.active} active users (${shape.officials} officials, ${shape.anonymous} anonymous, ${shape.citizens} citizens; wait 0–${(2 * shape.thinkMs) / 1000} s), ${shape.idle.toLocaleString('en')} idle visitors; ${shape.warmup} s warm-up, ${f1(mix.seconds)} s measured\n`,
  );
  lines.push(
    `Load average ${mix.before} → ${mix.after}; CPU over the measured window (1.0 = one core of 2): application ${f1(mix.cpu.app)}, database ${f1(mix.cpu.db)}, load generator ${f1(mix.cpu.load)}.\n`,
  );
  lines.push('| flow | requests | errors | req/s | mean ms | p50 ms | p95 ms | p99 ms | max ms |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  const all: number[] = [];
  let allErrors = 0;
  const groups: [Map<string, number[]>, Map<string, number>, readonly string[], string][] = [
    [mix.officials.latencies, mix.officials.errors, OFFICIAL_FLOWS, 'official: '],
    [mix.others.latencies, mix.others.errors, MIX_FLOWS, ''],
  ];
  for (const [latencies, errorsOf, names, prefix] of groups) {
    for (const name of names) {
      const xs = [...(latencies.get(name) ?? [])];
      const errors = errorsOf.get(name) ?? 0;
      if (!xs.length && !errors) continue;
      all.push(...xs);
      allErrors += errors;
      lines.push(rowOf(`${prefix}${name}`, xs, errors, mix.seconds));
    }
  }
  lines.push(rowOf('**all requests**', all, allErrors, mix.seconds));
  lines.push('\nDatabase connections by state (pg_stat_activity every second): mean, largest\n');
  lines.push('| state | mean | max |\n|---|---|---|');
  for (const c of mix.connections) lines.push(`| ${c.what} | ${f1(c.mean)} | ${c.max} |`);
  lines.push(`\nKernel TCP counters over the mix (warm-up included): ${mix.tcp}.`);
  lines.push(
    `Connections waiting in the application's accept queues (every 250 ms, warm-up included): mean ${f1(mix.acceptQueue.mean)}, largest ${mix.acceptQueue.max}.`,
  );
  if (mix.statements?.length) {
    lines.push(
      "\nThe database's costliest statements over the window (pg_stat_statements, planning + execution)\n",
    );
    lines.push('| statement | calls | ms a call | of which planning | total s |\n|---|---|---|---|---|');
    for (const st of mix.statements)
      lines.push(
        `| \`${st.query.slice(0, 140).replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${st.calls} | ${f1(st.meanMs)} | ${f1(st.planMs / Math.max(1, st.calls))} | ${f1(st.totalMs / 1000)} |`,
      );
  }
  for (const f of [...mix.officials.failures, ...mix.others.failures]) lines.push(`\nFailed: ${f}`);
  if (stats.length) {
    lines.push(`\n### Statistics report, alone (three times each, ms)\n`);
    lines.push('| query | status | first | second | third |\n|---|---|---|---|---|');
    for (const s of stats) lines.push(`| \`${s.path}\` | ${s.status} | ${s.ms.map(f1).join(' | ')} |`);
  }
  return lines.join('\n');
}
