import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';

export type DatabaseKind = 'postgres' | 'pglite';

/** One handle for the whole process: the Kysely instance and the pg.Pool under it (real or PGlite-backed). */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  /**
   * For the one tiny read nearly every request makes (the catalog generation under the caches): a
   * pool of its own with one connection on PostgreSQL, so that a cached page never queues behind the
   * transactions holding the main pool (issue 8: 20 busy, up to 249 waiting). The main handle on PGlite.
   */
  readonly side: Kysely<DB>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (int8) and numeric as strings; we keep counts in int8 and want numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface OpenOptions {
  /** postgres://… for a real server; undefined → embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /** How long a statement waits for a free connection before pg-pool gives up (see busy.ts). */
  poolWaitMs?: number;
}

/**
 * JIT off on the platform's connections: its statements are short, and the planner's estimate of a
 * worklist count over a province (the sum of every list's) passed jit_above_cost, so compiling it
 * took 50 ms to run 5 ms. Set per connection, not per statement, to save a transaction's round trips.
 */
function withoutJit(databaseUrl: string): string {
  // As a startup option in the connection string: pg takes its query parameters as settings, and an
  // `options` field next to a connection string would be dropped.
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c jit=off`.trim());
  return url.toString();
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const connectionString = withoutJit(opts.databaseUrl);
    const pool = new pg.Pool({
      connectionString,
      max: opts.poolSize ?? 20,
      connectionTimeoutMillis: opts.poolWaitMs ?? 5_000,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const sidePool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 5_000 });
    sidePool.on('error', () => undefined);
    const side = new Kysely<DB>({ dialect: new PostgresDialect({ pool: sidePool }) });
    return {
      kind: 'postgres',
      db,
      pool,
      side,
      close: async () => {
        await Promise.all([db.destroy(), side.destroy()]);
      },
    };
  }
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const [{ unaccent }, { pg_trgm }, { citext }, { btree_gin }, { pgcrypto }] = await Promise.all([
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/citext'),
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
  ]);
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = join(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create(location, {
    extensions: { unaccent, pg_trgm, citext, btree_gin, pgcrypto },
  });
  // PGlite is a single session: poolSize 1 makes pool checkout serialise every transaction.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    pool,
    side: db,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
