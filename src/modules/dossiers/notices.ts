import type { Executor } from '../../db/tx.ts';
import type { OutboxTopics } from '../../jobs/outbox.ts';

/**
 * The `dossier.notice` job: keeps the applicant's notice for the portal (III.5.2 a, shown when they
 * sign in). A job retried after a crash writes it once (`outbox_key` is unique). E-mail, SMS and Zalo
 * delivery read the same notices when those channels are connected.
 */
export async function storeNotice(db: Executor, n: OutboxTopics['dossier.notice']): Promise<void> {
  await db
    .insertInto('notices')
    .values({
      account_id: n.accountId,
      dossier_id: n.dossierId,
      kind: n.kind,
      title: n.title,
      body: n.text,
      outbox_key: n.key,
    })
    .onConflict((oc) => oc.column('outbox_key').doNothing())
    .execute();
}
