import type { Executor } from '../db/tx.ts';

/**
 * The transactional outbox: a service writes the event in the same transaction as its change, and the
 * relay (jobs/relay.ts) hands it to the job queue after commit. Nothing is sent for a rolled-back change.
 */
export interface OutboxTopics {
  'mail.send': { to: string; template: MailTemplate; vars: Record<string, string> };
  /** A notice to the applicant about their dossier (texts: domain/dossier-notices.ts). */
  'dossier.notice': {
    /** Unique per notice: a retried job writes it once. */
    key: string;
    dossierId: string;
    accountId: string | null;
    phone: string | null;
    email: string | null;
    kind: string;
    title: string;
    text: string;
  };
  /** An export to write in the background (modules/exports). */
  'export.run': { exportId: string };
}
export type MailTemplate = 'verify_email' | 'reset_password' | 'account_activated';
export type OutboxTopic = keyof OutboxTopics;

export async function enqueue<T extends OutboxTopic>(
  db: Executor,
  topic: T,
  payload: OutboxTopics[T],
): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
