/**
 * The raw ceiling of this machine, measured in the same run as the platform (issue 8): a bare Fastify
 * server with the platform's pool size, one route doing one indexed PostgreSQL lookup (a dossier by its
 * code, the unique index tracking uses) and one doing a bare one-INSERT transaction (begin, insert
 * into an indexed table, commit, as durable as the platform's). No sessions, no validation, no
 * logging: what any web application on this machine could at best do per request.
 *
 *   DATABASE_URL=… PORT=… [DB_POOL_SIZE=20] node bench/lib/ceiling-server.ts
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 20),
});
await pool.query(
  `create table if not exists bench.ceiling (id bigserial primary key, code text not null, at timestamptz not null default now());
   create index if not exists ceiling_code on bench.ceiling (code)`,
);
const app = Fastify({ logger: false });

app.get<{ Params: { code: string } }>('/lookup/:code', async (req, reply) => {
  const r = await pool.query('select id, code, status, appointment_at from dossiers where code = $1', [
    req.params.code,
  ]);
  if (r.rowCount === 0) return reply.code(404).send({ error: 'not found' });
  return r.rows[0] as object;
});

app.post('/insert', async () => {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const r = await c.query<{ id: string }>('insert into bench.ceiling (code) values ($1) returning id', [
      `C-${Date.now()}`,
    ]);
    await c.query('commit');
    return { id: r.rows[0]?.id };
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
});

app.get('/ready', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
