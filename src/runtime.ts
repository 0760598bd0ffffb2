import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import type { Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { createMailer } from './integrations/mail/mailer.ts';
import type { Mailer } from './integrations/mail/mailer.ts';
import { startQueue } from './jobs/queue.ts';
import { startHousekeeping } from './jobs/housekeeping.ts';
import { startExportWorker } from './jobs/exports.ts';
import { startStatsFold } from './jobs/stats.ts';
import { createServices } from './services.ts';
import type { Services } from './services.ts';

export interface Runtime {
  app: FastifyInstance;
  services: Services;
  database: Database;
  boss: PgBoss;
  mailer: Mailer;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, starts the queue and builds the HTTP app. Used by main.ts
 * and by the integration tests, so both run exactly the same wiring.
 */
export async function startRuntime(
  config: Config,
  opts: { web?: { buildDir: string } | undefined; logger?: boolean; onDbWait?: (err: Error) => void } = {},
): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    poolWaitMs: config.dbPoolWaitMs,
  });
  await waitForDatabase(database, opts.onDbWait);
  await migrate(database);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  const boss = await startQueue(database, { mailer, work: config.workers });
  const services = createServices({ config, database, boss, mailer });
  const app = await buildApp({
    services,
    web: opts.web,
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
  });
  if (config.workers) {
    services.relay.start();
    await startHousekeeping(boss, services);
    await startExportWorker(boss, services);
    await startStatsFold(boss, services);
  }
  services.accessLog.start();
  return {
    app,
    services,
    database,
    boss,
    mailer,
    async close() {
      await app.close();
      await services.relay.stop();
      await services.accessLog.stop();
      await boss.stop({ graceful: true, timeout: 5000 });
      mailer.close();
      await database.close();
    },
  };
}

async function waitForDatabase(database: Database, onWait?: (err: Error) => void): Promise<void> {
  for (;;) {
    try {
      await database.pool.query('select 1');
      return;
    } catch (err) {
      if (!onWait) throw err;
      onWait(err as Error);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
