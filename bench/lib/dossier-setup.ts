import pg from 'pg';
import { hashPassword } from '../../src/modules/accounts/password.ts';
import { generateDossiers } from './dossier-data.ts';
import type { DossierScale } from './dossier-data.ts';
import { generateOrg } from './dossier-org.ts';
import type { OrgScale } from './dossier-org.ts';

/** A named size of the generated province (the dossier benchmark's is the default). */
export interface Scale {
  name: string;
  org?: OrgScale;
  dossiers?: DossierScale;
}

/**
 * The benchmark's database: created once on the server of DATABASE_URL and kept (the generation takes
 * minutes), marked as generated in bench.meta so that later runs reuse it. The generation is one
 * transaction: the secondary indexes of the dossier tables are dropped first and built again at the
 * end (as a bulk load does; the definitions are read from the catalog, so they are those of the
 * migrations, 0013 included), foreign-key triggers are off for it (session_replication_role =
 * replica; every reference is built consistent), then VACUUM ANALYZE.
 */

export const PASSWORD = 'MatKhau123';
const VERSION = 3;

export interface Meta {
  version: number;
  /** The scale's name; absent in markers of the dossier benchmark (its default size). */
  scale?: string;
  dossiers: number;
  /** Seconds per step, in order (an object in markers written before: JSONB reorders its keys). */
  seconds: [string, number][] | Record<string, number>;
  generatedAt: string;
}

/** The URL of database `name` on the server of `base`, created if it does not exist. */
export async function ensureDatabase(base: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function readMeta(pool: pg.Pool): Promise<Meta | null> {
  const r = await pool
    .query<{ value: Meta }>(
      `select value from bench.meta where key = 'generated' and to_regclass('bench.meta') is not null`,
    )
    .catch(() => ({ rows: [] as { value: Meta }[] }));
  return r.rows[0]?.value ?? null;
}

const TABLES = ['dossiers', 'dossier_events', 'dossier_participants', 'applicants', 'dossier_files'];

/** Generates everything, or returns the marker of an earlier generation of the same size. */
export async function generateOnce(
  pool: pg.Pool,
  count: number,
  log: (m: string) => void,
  scale: Scale = { name: 'dossiers' },
): Promise<Meta> {
  const meta = await readMeta(pool);
  if (meta) {
    if (meta.dossiers !== count || meta.version !== VERSION || (meta.scale ?? 'dossiers') !== scale.name)
      throw new Error(
        `bench database holds ${meta.dossiers} dossiers (generator v${meta.version}); use another BENCH_DB`,
      );
    log(`Reusing the data generated ${meta.generatedAt} (${meta.dossiers} dossiers).`);
    return meta;
  }
  const leftover = await pool.query(`select to_regnamespace('bench') as s`);
  if (leftover.rows[0]?.s)
    throw new Error('schema bench exists without its marker: drop the bench database and run again');
  const seconds: [string, number][] = [];
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    const took = Math.round((now - t) / 100) / 10;
    seconds.push([name, took]);
    log(`  ${name}: ${took} s`);
    t = now;
  };
  const passwordHash = await hashPassword(PASSWORD);
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `set local session_replication_role = replica; set local maintenance_work_mem = '1GB'; set local work_mem = '256MB'; set local jit = off`,
    );
    const defs = await c.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
       where i.schemaname = 'public' and i.tablename = any($1)
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
      [TABLES],
    );
    for (const d of defs.rows) await c.query(`drop index ${d.name}`);
    await generateOrg(c, passwordHash, scale.org);
    lap('province, officials, procedures, processes');
    await generateDossiers(c, count, lap, scale.dossiers, scale.org);
    for (const d of defs.rows) await c.query(d.def);
    lap(`${defs.rows.length} secondary indexes built again`);
    const done: Meta = {
      version: VERSION,
      ...(scale.name === 'dossiers' ? {} : { scale: scale.name }),
      dossiers: count,
      seconds,
      generatedAt: new Date().toISOString(),
    };
    await c.query(`create table bench.meta (key text primary key, value jsonb not null)`);
    await c.query(`insert into bench.meta values ('generated', $1)`, [JSON.stringify(done)]);
    await c.query('commit');
    lap('commit');
    await c.query(`vacuum (analyze) ${TABLES.join(', ')}`);
    await c.query('analyze');
    lap('vacuum analyze');
    await c.query(`update bench.meta set value = $1 where key = 'generated'`, [JSON.stringify(done)]);
    return done;
  } catch (err) {
    await c.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** The generation's steps and their seconds, in order. */
export const steps = (meta: Meta): [string, number][] =>
  Array.isArray(meta.seconds) ? meta.seconds : Object.entries(meta.seconds);

/** Rows and on-disk size (table + indexes) of the tables the benchmark is about. */
export async function sizes(pool: pg.Pool): Promise<{ table: string; rows: number; size: string }[]> {
  const r = await pool.query<{ table: string; rows: number; size: string }>(
    `select c.relname as table, c.reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
     from pg_class c where c.relname = any($1) and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
    [
      [
        ...TABLES,
        'agencies',
        'accounts',
        'officials',
        'role_assignments',
        'procedures',
        'procedure_agencies',
        'process_definitions',
      ],
    ],
  );
  return r.rows;
}
