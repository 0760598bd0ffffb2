import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Arbitrary constant: serialises migration runs of several app processes on one server.
const ADVISORY_LOCK_KEY = 872_301_554;

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}

/**
 * Applies pending migrations in order, each in its own transaction, each once. A failing migration
 * rolls back and throws with its file name; nothing after it runs.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const client = await database.pool.connect();
  const applied: string[] = [];
  try {
    if (database.kind === 'postgres') await client.query(`select pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
    await client.query(
      `create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await client.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await client.query('begin');
        // No parameters → the simple-query protocol, so a file may hold many statements.
        await client.query(m.sql);
        await client.query('insert into schema_migrations (version) values ($1)', [m.version]);
        await client.query('commit');
        applied.push(m.version);
      } catch (err) {
        await client.query('rollback');
        throw new Error(`Migration ${m.version} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    if (database.kind === 'postgres') {
      await client.query(`select pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => undefined);
    }
    client.release();
  }
  return applied;
}

/** The versions not yet applied (empty when the schema is current). Used by /api/ready. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const all = listMigrations();
  // A missing table means nothing was applied; any other error (server unreachable) propagates.
  const { rows } = await database.pool
    .query<{ version: string }>('select version from schema_migrations')
    .catch((err: unknown) => {
      if ((err as { code?: string }).code === '42P01') return { rows: [] as { version: string }[] };
      throw err;
    });
  const done = new Set(rows.map((r) => r.version));
  return all.map((m) => m.version).filter((v) => !done.has(v));
}
