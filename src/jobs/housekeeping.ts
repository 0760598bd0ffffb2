import type { PgBoss } from 'pg-boss';
import type { Services } from '../services.ts';

/** Nightly clean-up, at 03:17 Vietnam time when nobody applies: drafts unused for 90 days are deleted, and
 * exports past their expiry with their files. */
export const HOUSEKEEPING = { queue: 'drafts.purge', cron: '17 3 * * *', tz: 'Asia/Ho_Chi_Minh' } as const;

/**
 * Schedules and works the housekeeping jobs (only in a process that runs workers). pg-boss keeps one
 * schedule per name, so every process may call this at start; a run missed while down is not repeated.
 */
export async function startHousekeeping(boss: PgBoss, services: Pick<Services, 'drafts' | 'exports'>): Promise<void> {
  await boss.createQueue(HOUSEKEEPING.queue, { retryLimit: 2, retryDelay: 300 });
  await boss.schedule(HOUSEKEEPING.queue, HOUSEKEEPING.cron, null, { tz: HOUSEKEEPING.tz });
  await boss.work(HOUSEKEEPING.queue, { pollingIntervalSeconds: 5 }, async () => {
    await services.drafts.purgeExpired();
    await services.exports.purgeExpired();
  });
}
