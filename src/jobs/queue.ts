import { PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../integrations/mail/mailer.ts';
import { renderMail } from '../integrations/mail/templates.ts';
import type { OutboxTopics } from './outbox.ts';
import { storeNotice } from '../modules/dossiers/notices.ts';

export const QUEUES = ['mail.send', 'dossier.notice', 'export.run'] as const;

/**
 * pg-boss over the application's own pool (not a second connection): on PGlite this is the only safe
 * way, because PGlite is a single session (see node24-notes.md finding 3).
 */
export async function startQueue(
  database: Database,
  deps: { mailer: Mailer; work: boolean },
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values) },
    ...(database.kind === 'pglite' ? { backend: 'pglite' as const } : {}),
    schema: 'pgboss',
    supervise: deps.work,
    schedule: deps.work,
  });
  boss.on('error', () => undefined);
  await boss.start();
  for (const q of QUEUES) await boss.createQueue(q, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  if (deps.work) {
    await boss.work<OutboxTopics['mail.send']>('mail.send', { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs)
        await deps.mailer.send(renderMail(job.data.to, job.data.template, job.data.vars));
    });
    // The applicant's notices in the portal (III.5.2 a); e-mail, SMS and Zalo delivery read the same rows later.
    await boss.work<OutboxTopics['dossier.notice']>(
      'dossier.notice',
      { pollingIntervalSeconds: 1 },
      async (jobs) => {
        for (const job of jobs) await storeNotice(database.db, job.data);
      },
    );
  }
  return boss;
}
