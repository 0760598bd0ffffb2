/**
 * A small, bounded load generator for loopback benchmarks: `concurrency` workers issue requests for
 * at most `durationMs` (and at most `maxRequests`), then stop by themselves. Latencies in ms.
 */
export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  durationMs: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function runLoad(
  name: string,
  opts: { concurrency: number; durationMs: number; maxRequests?: number },
  request: (worker: number, i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const max = opts.maxRequests ?? Number.POSITIVE_INFINITY;
  const start = performance.now();
  const deadline = start + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, worker) => {
      while (performance.now() < deadline && issued < max) {
        const i = issued++;
        const t = performance.now();
        let ok: boolean;
        try {
          ok = await request(worker, i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const durationMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    name,
    requests: latencies.length,
    errors,
    durationMs,
    throughput: latencies.length / (durationMs / 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

export function formatRow(r: LoadResult): string {
  const f = (n: number) => n.toFixed(1);
  return `| ${r.name} | ${r.requests} | ${r.errors} | ${f(r.throughput)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} |`;
}

export const TABLE_HEADER =
  '| flow | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|';

/**
 * Latencies and errors per flow of a scenario, of the requests sent while `measuring` (after the
 * warm-up): a request sent during the warm-up and answered later belongs to the warm-up (its cold
 * caches and its crowd of first connections), not to the measured window.
 */
export class FlowRecorder<F extends string> {
  readonly latencies: Map<F, number[]>;
  readonly errors = new Map<F, number>();
  readonly failures: string[] = [];
  private since = Number.POSITIVE_INFINITY;

  constructor(flows: readonly F[]) {
    this.latencies = new Map(flows.map((f) => [f, []]));
  }

  get measuring(): boolean {
    return this.since !== Number.POSITIVE_INFINITY;
  }

  set measuring(on: boolean) {
    this.since = on ? performance.now() : Number.POSITIVE_INFINITY;
  }

  /** `ms` after the request was sent (so it was sent at now − ms). */
  record(flow: F, ms: number, ok: boolean, detail: string): void {
    if (performance.now() - ms < this.since) return;
    this.latencies.get(flow)?.push(ms);
    if (!ok) {
      this.errors.set(flow, (this.errors.get(flow) ?? 0) + 1);
      if (this.failures.length < 8) this.failures.push(`${flow}: ${detail}`);
    }
  }
}
