import type { PgBoss } from 'pg-boss';
import type { Services } from '../services.ts';
import type { OutboxTopics } from './outbox.ts';

/**
 * Works the export queue (only in a process that runs workers): one export at a time per process,
 * so a large export takes one share of the pool and leaves the rest to requests.
 */
export async function startExportWorker(boss: PgBoss, services: Pick<Services, 'exports'>): Promise<void> {
  await boss.work<OutboxTopics['export.run']>(
    'export.run',
    { pollingIntervalSeconds: 1, batchSize: 1 },
    async (jobs) => {
      for (const job of jobs) await services.exports.run(job.data.exportId);
    },
  );
}
