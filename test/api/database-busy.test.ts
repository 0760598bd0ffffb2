import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * When every connection of the pool stays busy longer than DB_POOL_WAIT_MS (an overload), a request
 * is told so and may retry: 503 database_busy with Retry-After, not a 500 "internal error".
 */
let rt: TestRuntime;

before(async () => {
  rt = await startTestRuntime(
    { DB_POOL_SIZE: '2', DB_POOL_WAIT_MS: '200' },
    { web: { buildDir: fileURLToPath(new URL('../../build', import.meta.url)) } },
  );
});
after(async () => rt.stop());

const track = () =>
  rt.app.inject({ method: 'GET', url: '/api/public/dossiers/000.00.00.H56-261206-0001?phone=0912345678' });
const trackPage = (lang = 'vi') =>
  rt.app.inject({
    method: 'GET',
    url: '/tra-cuu-ho-so?ma=000.00.00.H56-261206-0001&sdt=0912345678',
    cookies: { lang },
  });

/** Holds every connection of the pool (size 2) while `during` runs. */
async function withPoolHeld(during: () => Promise<void>): Promise<void> {
  const held: pg.PoolClient[] = [await rt.database.pool.connect(), await rt.database.pool.connect()];
  try {
    await during();
  } finally {
    for (const c of held) c.release();
  }
}

describe('database busy', () => {
  it('answers 503 database_busy with Retry-After while no pool connection frees, then serves again', async (t) => {
    if (rt.database.kind !== 'postgres') return t.skip('PGlite is one session without a pool wait');
    assert.equal((await track()).statusCode, 404);
    await withPoolHeld(async () => {
      const res = await track();
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.headers['retry-after'], '5');
      const body = res.json<{ code: string; detail: string }>();
      assert.equal(body.code, 'database_busy');
      assert.equal(body.detail, 'Hệ thống đang bận, vui lòng thử lại sau ít giây');
    });
    assert.equal((await track()).statusCode, 404);
  });

  it('shows a web page a short 503 page asking to retry, in the interface language, then the page again', async (t) => {
    if (rt.database.kind !== 'postgres') return t.skip('PGlite is one session without a pool wait');
    const before = await trackPage();
    assert.equal(before.statusCode, 404, before.body);
    assert.match(before.body, /<form/);
    await withPoolHeld(async () => {
      const res = await trackPage();
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.headers['retry-after'], '5');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.body, /<html lang="vi">/);
      assert.match(res.body, /<h1>Hệ thống đang bận<\/h1>/);
      assert.match(res.body, /vui lòng thử lại sau ít giây/);
      assert.doesNotMatch(res.body, /<script/);
      const en = await trackPage('en');
      assert.equal(en.statusCode, 503);
      assert.match(en.body, /<h1>The system is busy<\/h1>/);
      // A client-side navigation's data request: the same answer (the browser then shows its error boundary).
      const data = await rt.app.inject({
        method: 'GET',
        url: '/tra-cuu-ho-so.data?ma=000.00.00.H56-261206-0001&sdt=0912345678',
      });
      assert.equal(data.statusCode, 503);
    });
    const again = await trackPage();
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /<form/);
  });
});
