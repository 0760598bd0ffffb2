import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The problems loadConfig reports for `env`, or [] when it accepts it. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems;
  }
}

describe('configuration', () => {
  it('needs nothing in development and fills defaults', () => {
    const c = loadConfig({});
    assert.equal(c.env, 'development');
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.ok(isAbsolute(c.dataDir));
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.workers, true);
    assert.ok(c.sessionSecret.length >= 32);
  });

  it('treats empty values as unset and keeps memory:// as it is', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', DATA_DIR: 'memory://', WORKERS: '0', PUBLIC_URL: 'https://dichvucong.example.vn/' });
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.dataDir, 'memory://');
    assert.equal(c.workers, false);
    assert.equal(c.publicUrl, 'https://dichvucong.example.vn');
  });

  it('names a bad PORT', () => {
    for (const port of ['abc', '0', '70000', '3.5']) {
      const p = problems({ PORT: port });
      assert.equal(p.length, 1, port);
      assert.match(p[0]!, /^PORT: /);
    }
  });

  it('names a bad DATABASE_URL', () => {
    for (const url of ['mysql://root@localhost/dvc', 'khong-phai-url']) {
      const p = problems({ DATABASE_URL: url });
      assert.equal(p.length, 1, url);
      assert.match(p[0]!, /^DATABASE_URL: /);
    }
    assert.deepEqual(problems({ DATABASE_URL: 'postgres://dvc@db.internal:5432/dvc' }), []);
    assert.deepEqual(problems({ DATABASE_URL: 'postgresql://dvc@db.internal/dvc' }), []);
  });

  // Numeric settings: each bad value named by its variable, the default, and a good value taken.
  const NUMBERS = [
    { name: 'DB_POOL_SIZE', bad: ['1', '501', 'nhieu', '2.5'], key: 'dbPoolSize', fallback: 20, good: ['60', 60] },
    {
      name: 'ACCEPT_SOCKETS',
      bad: ['0', '257', 'tam', '1.5'],
      key: 'acceptSockets',
      fallback: process.platform === 'linux' ? 64 : 1,
      good: ['1', 1],
    },
    { name: 'DB_POOL_WAIT_MS', bad: ['99', '60001', 'lau', '2.5'], key: 'dbPoolWaitMs', fallback: 5000, good: ['250', 250] },
  ] as const;
  for (const n of NUMBERS) {
    it(`names a bad ${n.name}, and takes a good one`, () => {
      for (const value of n.bad) {
        const p = problems({ [n.name]: value });
        assert.equal(p.length, 1, value);
        assert.match(p[0]!, new RegExp(`^${n.name}: `));
      }
      assert.equal(loadConfig({})[n.key], n.fallback);
      assert.equal(loadConfig({ [n.name]: n.good[0] })[n.key], n.good[1]);
    });
  }

  it('names every bad variable at once', () => {
    const p = problems({ PORT: 'x', SMTP_URL: 'http://mail', WORKERS: 'maybe', LOG_LEVEL: 'loud' });
    assert.deepEqual(p.map((x) => x.split(':')[0]).sort(), ['LOG_LEVEL', 'PORT', 'SMTP_URL', 'WORKERS']);
  });

  it('requires secrets and addresses in production', () => {
    const p = problems({ NODE_ENV: 'production' });
    assert.ok(p.some((x) => x.startsWith('SESSION_SECRET: ')), p.join('\n'));
    assert.ok(p.some((x) => x.startsWith('PUBLIC_URL: ')));
    assert.ok(p.some((x) => x.startsWith('SMTP_URL: ')));
    const full = { NODE_ENV: 'production', PUBLIC_URL: 'https://dvc.example.vn', SMTP_URL: 'smtp://mail.example.vn:587' };
    assert.deepEqual(problems(full).map((x) => x.split(':')[0]), ['SESSION_SECRET']);
    assert.deepEqual(problems({ ...full, SESSION_SECRET: 'ngan-qua' }).map((x) => x.split(':')[0]), ['SESSION_SECRET']);
    assert.equal(loadConfig({ ...full, SESSION_SECRET: 'x'.repeat(40) }).sessionSecret, 'x'.repeat(40));
  });

  it('makes the server exit non-zero, naming PORT, when PORT is bad', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: 'abc', DATA_DIR: 'memory://' }, timeout: 20_000 }, (_err, _stdout, stderr) =>
        resolve({ code: child.exitCode, stderr }),
      );
    });
    assert.notEqual(r.code, 0);
    assert.notEqual(r.code, null);
    assert.match(r.stderr, /PORT/);
    assert.match(r.stderr, /Cấu hình không hợp lệ/);
  });
});
