import pg from 'pg';

/**
 * Where the database spent its time during a window, from pg_stat_statements when the server loads
 * it (shared_preload_libraries; the full run's documented setup does, CI does not): the statements of
 * the benchmark's database with the most planning and execution time, with their calls and time per
 * call. Counters are reset when the window opens, so the figures are the window's alone.
 */
export interface StatementCost {
  query: string;
  calls: number;
  totalMs: number;
  planMs: number;
  meanMs: number;
}

async function available(client: pg.Client): Promise<boolean> {
  try {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select 1 from pg_stat_statements limit 1');
    return true;
  } catch {
    return false;
  }
}

export async function statementCosts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const on = await available(client);
  if (on) await client.query('select pg_stat_statements_reset()');
  return {
    /** The `n` costliest statements since the reset (none without pg_stat_statements); closes. */
    async top(n: number): Promise<StatementCost[] | null> {
      try {
        if (!on) return null;
        const planCols = await client.query<{ n: number }>(
          `select count(*)::int as n from pg_attribute
            where attrelid = 'pg_stat_statements'::regclass and attname = 'total_plan_time'`,
        );
        const plan = planCols.rows[0]?.n ? 'total_plan_time' : '0';
        const { rows } = await client.query<StatementCost>(
          `select regexp_replace(query, '\\s+', ' ', 'g') as query, calls::int as calls,
                  (${plan} + total_exec_time)::float8 as "totalMs", ${plan}::float8 as "planMs",
                  ((${plan} + total_exec_time) / nullif(calls, 0))::float8 as "meanMs"
             from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
            order by ${plan} + total_exec_time desc limit $1`,
          [n],
        );
        return rows;
      } finally {
        await client.end();
      }
    },
  };
}
