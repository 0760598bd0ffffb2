import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * When every connection of the pool stays busy longer than DB_POOL_WAIT_MS (an overload), a request
 * is told so and may retry: 503 database_busy with Retry-After, not a 500 "internal error".
 */
let rt: TestRuntime;

before(async () => {
  rt = await startTestRuntime({ DB_POOL_SIZE: '2', DB_POOL_WAIT_MS: '200' });
});
after(async () => rt.stop());

const track = () =>
  rt.app.inject({ method: 'GET', url: '/api/public/dossiers/000.00.00.H56-261206-0001?phone=0912345678' });

describe('database busy', () => {
  it('answers 503 database_busy with Retry-After while no pool connection frees, then serves again', async (t) => {
    if (rt.database.kind !== 'postgres') return t.skip('PGlite is one session without a pool wait');
    assert.equal((await track()).statusCode, 404);
    const held: pg.PoolClient[] = [await rt.database.pool.connect(), await rt.database.pool.connect()];
    try {
      const res = await track();
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.headers['retry-after'], '5');
      const body = res.json<{ code: string; detail: string }>();
      assert.equal(body.code, 'database_busy');
      assert.equal(body.detail, 'Hệ thống đang bận, vui lòng thử lại sau ít giây');
    } finally {
      for (const c of held) c.release();
    }
    assert.equal((await track()).statusCode, 404);
  });
});
