import type { PgBoss } from 'pg-boss';
import type { Services } from '../services.ts';

/** Folds the dossier statistics deltas into the daily table every minute (reports also fold first). */
export const STATS_FOLD = { queue: 'stats.fold', cron: '* * * * *' } as const;

/**
 * Schedules and works the fold (only in a process that runs workers). pg-boss keeps one schedule per
 * name, so every process may call this; folds take a lock in the database and run one at a time.
 */
export async function startStatsFold(boss: PgBoss, services: Pick<Services, 'reports'>): Promise<void> {
  await boss.createQueue(STATS_FOLD.queue, { retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(STATS_FOLD.queue, STATS_FOLD.cron);
  await boss.work(STATS_FOLD.queue, { pollingIntervalSeconds: 10 }, async () => {
    await services.reports.fold();
  });
}
