import { sql } from 'kysely';
import type { QueryCreator } from 'kysely';
import type { Executor } from '../db/tx.ts';
import type { DB } from '../db/types.ts';

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

/** A message for the outbox: a topic and its payload. */
export type OutboxMessage = { [T in OutboxTopic]: { topic: T; payload: OutboxTopics[T] } }[OutboxTopic];

/**
 * The insert of `messages` into the outbox (none when empty), to run alone or as a CTE of the change's
 * own statement (commitChange: the notices of an action cost no round trip of their own).
 */
export function insertOutbox(db: QueryCreator<DB>, messages: readonly OutboxMessage[]) {
  return db
    .insertInto('outbox')
    .columns(['topic', 'payload'])
    .expression(
      sql`select topic, payload from jsonb_to_recordset(${JSON.stringify(messages)}::jsonb) as m (topic text, payload jsonb)`,
    )
    .returning('id');
}

export async function enqueue<T extends OutboxTopic>(
  db: Executor,
  topic: T,
  payload: OutboxTopics[T],
): Promise<void> {
  await insertOutbox(db, [{ topic, payload } as OutboxMessage]).execute();
}
