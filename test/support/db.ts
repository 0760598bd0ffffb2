import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh database for one test file. With DATABASE_URL set (CI: the real PostgreSQL), a new database
 * named dvc_t_<random> is created on that server and dropped afterwards; otherwise embedded PGlite in memory.
 */
export async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: () => Promise.resolve() };
  const name = `dvc_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
