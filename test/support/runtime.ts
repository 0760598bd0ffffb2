import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startRuntime } from '../../src/runtime.ts';
import type { Runtime } from '../../src/runtime.ts';
import { freshDatabaseUrl } from './db.ts';

export interface TestRuntime extends Runtime {
  dataDir: string;
  stop(): Promise<void>;
}

/** The real runtime (migrations, queue, services, HTTP app) on a fresh database and data folder. */
export async function startTestRuntime(
  env: Record<string, string> = {},
  opts: { web?: { buildDir: string } } = {},
): Promise<TestRuntime> {
  const db = await freshDatabaseUrl();
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: db.url ? dataDir : 'memory://',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    CAPTCHA_DIFFICULTY: '1000',
    WORKERS: 'false',
    ...env,
  });
  const runtime = await startRuntime(config, { logger: false, web: opts.web });
  return {
    ...runtime,
    dataDir,
    async stop() {
      await runtime.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
