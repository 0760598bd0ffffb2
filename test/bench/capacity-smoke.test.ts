import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The capacity benchmark's smoke mode (issue 8), so the harness never rots: small generated data in its
 * own database, the ceiling, every flow alone and the mix, for half a minute; it exits 1 when any
 * request failed. PostgreSQL only (the benchmark's processes share the database).
 */
const base = process.env.DATABASE_URL;

describe('capacity benchmark, smoke mode', { skip: !base && 'needs DATABASE_URL (PostgreSQL)' }, () => {
  it('generates, measures every flow and the mix without a failed request', () => {
    const script = fileURLToPath(new URL('../../bench/capacity.ts', import.meta.url));
    const run = spawnSync(process.execPath, [script], {
      env: { ...process.env, BENCH_MODE: 'smoke', BENCH_DB: 'dvc_bench_capacity_ci' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    const out = run.stdout;
    // The report's tables, each flow with requests and no error (req, errors are columns 2 and 3).
    for (const flow of [
      'ceiling: one indexed lookup',
      'ceiling: one-INSERT transaction',
      'tracking (API, code + phone)',
      'procedure page (HTML)',
      'online submission (API, no upload)',
      'official: worklist, first page',
      'anonymous: catalog search page',
      'citizen: online submission with the upload',
    ]) {
      const row = out.split('\n').find((l) => l.startsWith(`| ${flow} |`));
      assert.ok(row, `no row for ${flow}`);
      const [, requests, errors] = row
        .split('|')
        .map((c) => c.trim())
        .slice(1);
      assert.ok(Number(requests) > 0, `${flow}: no request measured`);
      assert.equal(Number(errors), 0, `${flow}: errors`);
    }
    assert.match(out, /\| `\/api\/reports\/processing\?[^`]+` \| 200 \|/);
  });
});
