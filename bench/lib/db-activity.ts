import pg from 'pg';

/**
 * What the database's connections are doing during a run, sampled from pg_stat_activity every
 * `everyMs` on a connection of its own: the mean and the largest number of connections of the
 * benchmark's database in each state. It tells a pool held by the application ("idle in
 * transaction": waiting for the next statement) from one held by the database (running, waiting on
 * I/O or on a lock).
 */
export interface ActivityClass {
  what: string;
  mean: number;
  max: number;
}

const CLASS_OF = `
  case
    when state = 'idle' then 'idle (in the pool)'
    when state like 'idle in transaction%' then 'idle in transaction (waiting for the application)'
    when wait_event_type is null then 'running'
    when wait_event_type = 'Client' then 'active, waiting for the client'
    else 'active, waiting: ' || wait_event_type || '/' || wait_event
  end`;

export function sampleActivity(url: string, everyMs = 1000) {
  const client = new pg.Client({ connectionString: url });
  const totals = new Map<string, { sum: number; max: number }>();
  let samples = 0;
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ what: string; n: number }>(
        `select ${CLASS_OF} as what, count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          group by 1`,
      );
      samples++;
      for (const r of rows) {
        const t = totals.get(r.what) ?? { sum: 0, max: 0 };
        t.sum += r.n;
        t.max = Math.max(t.max, r.n);
        totals.set(r.what, t);
      }
    } catch {
      // a sample lost under load is not worth failing the run for
    } finally {
      busy = false;
    }
  };
  return {
    async start(): Promise<void> {
      await client.connect();
      timer = setInterval(() => void sample(), everyMs);
    },
    /** Stops sampling; the classes, busiest first. */
    async stop(): Promise<ActivityClass[]> {
      if (timer) clearInterval(timer);
      await client.end().catch(() => undefined);
      return [...totals]
        .map(([what, t]) => ({ what, mean: samples ? t.sum / samples : 0, max: t.max }))
        .sort((a, b) => b.mean - a.mean);
    },
  };
}
