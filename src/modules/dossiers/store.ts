import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { canonicalJson, GENESIS_HASH } from '../../domain/audit-chain.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { ProcessDefinition } from '../../domain/process.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import { deepFreeze } from '../procedures/public-cache.ts';
import type { DossiersTable } from '../../db/types.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { Actor } from '../audit/audit.ts';
import { insertOutbox } from '../../jobs/outbox.ts';
import type { OutboxMessage, OutboxTopics } from '../../jobs/outbox.ts';
import { noticeFor } from '../../domain/dossier-notices.ts';
import type { NoticeFacts, NoticeKind } from '../../domain/dossier-notices.ts';

/** Row access shared by the dossier use cases: lock, history append, who holds the dossier. */

export type DossierRecord = Selectable<DossiersTable>;

/** Who calls: the session's grants and the identity written into the history. */
export interface DossierCaller {
  auth: AuthContext | undefined;
  actor: Actor;
}

/** The dossier row, locked for the rest of the transaction (one action at a time per dossier). */
export async function lockDossier(trx: Tx, id: string): Promise<DossierRecord> {
  const row = await trx
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy hồ sơ');
  return row;
}

export async function findDossier(db: Executor, id: string): Promise<DossierRecord> {
  const row = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy hồ sơ');
  return row;
}

/** 409 when the official acted on a version of the dossier someone else has changed since. */
export function assertFresh(row: DossierRecord, rowVersion: number): void {
  if (row.row_version !== rowVersion) {
    throw new ConflictError(
      'Hồ sơ vừa được người khác xử lý hoặc cập nhật; vui lòng tải lại hồ sơ để xem trạng thái mới nhất',
      'stale_dossier',
    );
  }
}

export interface DossierEventInput {
  action: string;
  toStatus: DossierStatus;
  toStep: string;
  toHolder: string | null;
  reason?: string | null;
  files?: string[];
  details?: Record<string, unknown>;
}

/** Content the hash of a history row covers; changing any of it breaks the dossier's chain. */
export function eventHash(prevHash: string, content: Record<string, unknown>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export const FIRST_HASH = GENESIS_HASH;

type Patch = Partial<Record<keyof DossiersTable, unknown>>;

/** What a notice to the applicant says besides what the dossier row gives (code, procedure). */
export type NoticeArgs = Omit<NoticeFacts, 'code' | 'procedure' | 'agency'> & { agency: string };
/** A notice to the applicant that an action sends (after commit, through the outbox). */
export interface Notice {
  kind: NoticeKind;
  facts: NoticeArgs;
}

/** The outbox message of a notice about `row` at history row `seq`. */
function noticeMessage(row: DossierRecord, seq: number, n: Notice): OutboxTopics['dossier.notice'] {
  const notice = noticeFor(n.kind, { code: row.code, procedure: row.procedure_name, ...n.facts });
  return {
    key: `${row.id}:${seq}:${n.kind}`,
    dossierId: row.id,
    accountId: row.applicant_account_id,
    phone: row.applicant_phone,
    email: row.applicant_email,
    kind: n.kind,
    title: notice.title,
    text: notice.text,
  };
}

/**
 * Applies one action: the dossier's new state (`patch`) and one history row, chained to the previous
 * one, in the caller's transaction; the actor becomes a participant; the applicant's `notices` go to
 * the outbox. The row must have been locked.
 */
export async function commitChange(
  trx: Tx,
  actor: Actor,
  row: DossierRecord,
  patch: Patch,
  event: DossierEventInput,
  opts: { bump?: boolean; notices?: readonly Notice[] } = {},
): Promise<DossierRecord> {
  const seq = row.history_seq + 1;
  const at = new Date();
  const content = {
    dossierId: row.id,
    seq,
    at: at.toISOString(),
    actorId: actor.accountId,
    actorName: actor.name ?? 'hệ thống',
    action: event.action,
    fromStatus: row.history_seq === 0 ? null : row.status,
    toStatus: event.toStatus,
    fromStep: row.history_seq === 0 ? null : row.step_id,
    toStep: event.toStep,
    fromHolder: row.history_seq === 0 ? null : row.holder_id,
    toHolder: event.toHolder,
    reason: event.reason ?? null,
    files: event.files ?? [],
    details: event.details ?? {},
  };
  const hash = eventHash(row.history_hash, content);
  // One statement: the history row, the notices and the participant are written by data-modifying
  // CTEs of the dossier's update (four round trips were four turns of a busy event loop, issue 8).
  // The notices are of the row as updated: the patch never changes the applicant or the code.
  const messages = (opts.notices ?? []).map((n): OutboxMessage => ({
    topic: 'dossier.notice',
    payload: noticeMessage(row, seq, n),
  }));
  const withEvent = trx
    .with('ev', (db) =>
      db
        .insertInto('dossier_events')
        .values({
          dossier_id: row.id,
          seq,
          at,
          actor_id: content.actorId,
          actor_name: content.actorName,
          action: content.action,
          from_status: content.fromStatus,
          to_status: content.toStatus,
          from_step: content.fromStep,
          to_step: content.toStep,
          from_holder: content.fromHolder,
          to_holder: content.toHolder,
          reason: content.reason,
          files: JSON.stringify(content.files) as never,
          details: JSON.stringify(content.details) as never,
          prev_hash: row.history_hash,
          hash,
        })
        .returning('seq'),
    )
    .with('ob', (db) => insertOutbox(db, messages));
  const account = actor.accountId;
  const writes = account
    ? withEvent.with('pa', (db) =>
        db
          .insertInto('dossier_participants')
          .values({ account_id: account, dossier_id: row.id, last_at: at })
          .onConflict((oc) => oc.columns(['account_id', 'dossier_id']).doUpdateSet({ last_at: at }))
          .returning('dossier_id'),
      )
    : withEvent;
  const updated = await writes
    .updateTable('dossiers')
    .set({
      ...(patch as object),
      history_seq: seq,
      history_hash: hash,
      row_version: row.row_version + (opts.bump === false ? 0 : 1),
      updated_at: at,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return updated;
}

/** The official's place: agency, department and groups (pools are matched against them). */
export interface OfficialPlace {
  accountId: string;
  agencyId: string | null;
  departmentId: string | null;
  groupIds: string[];
}

/** The official's place: as read with the session, or from the database when the context has none. */
export async function officialPlace(db: Executor, auth: AuthContext): Promise<OfficialPlace> {
  const accountId = auth.account.id;
  if (auth.place) return { accountId, ...auth.place };
  const r = await sql<{ agency_id: string | null; department_id: string | null; group_ids: string[] }>`
    select o.agency_id, o.department_id,
           array(select group_id from user_group_members where account_id = ${accountId}) as group_ids
    from (values (1)) as one left join officials o on o.account_id = ${accountId}`.execute(db);
  const row = r.rows[0];
  return {
    accountId,
    agencyId: row?.agency_id ?? null,
    departmentId: row?.department_id ?? null,
    groupIds: row?.group_ids ?? [],
  };
}

/**
 * True when the caller holds the dossier's current step: it was handed to them by name, or it waits
 * in a pool they belong to (the step's role granted at the holding agency itself, its department,
 * its group). Subtree grants do not make a province official a member of every commune's pool.
 */
export function holds(auth: AuthContext, place: OfficialPlace, row: DossierRecord): boolean {
  if (row.holder_id) return row.holder_id === auth.account.id;
  if (row.task === 'done') return false;
  if (row.holder_group_id) return place.groupIds.includes(row.holder_group_id);
  const inDepartment = !row.holder_department_id || row.holder_department_id === place.departmentId;
  if (row.holder_role) {
    return (
      inDepartment &&
      auth.grants.some((g) => g.roleCode === row.holder_role && g.agencyId === row.holder_agency_id)
    );
  }
  return Boolean(row.holder_department_id) && inDepartment;
}

/** True when the account has acted on the dossier (dossier_participants). */
export async function tookPart(db: Executor, accountId: string, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_participants')
    .select('dossier_id')
    .where('account_id', '=', accountId)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The statuses of a dossier so far, oldest first (for the history-dependent rules of the chart). */
export async function statusHistory(db: Executor, dossierId: string): Promise<DossierStatus[]> {
  const rows = await db
    .selectFrom('dossier_events')
    .select('to_status')
    .where('dossier_id', '=', dossierId)
    .orderBy('seq')
    .execute();
  const out: DossierStatus[] = [];
  for (const r of rows) if (out.at(-1) !== r.to_status) out.push(r.to_status as DossierStatus);
  return out;
}

/**
 * Published process versions, by id: a version never changes once published (editing makes a new
 * draft), and every dossier action and tracking lookup reads one. Frozen: shared between requests.
 */
const publishedProcesses = new Map<string, ProcessDefinition>();
const PROCESS_CACHE_SIZE = 1000;

/** The process a dossier runs on (the version it started with). */
export async function processOf(db: Executor, processId: string): Promise<ProcessDefinition> {
  const cached = publishedProcesses.get(processId);
  if (cached) return cached;
  const row = await db
    .selectFrom('process_definitions')
    .select(['definition', 'status'])
    .where('id', '=', processId)
    .executeTakeFirstOrThrow();
  const def = row.definition as unknown as ProcessDefinition;
  if (row.status === 'draft') return def;
  if (publishedProcesses.size >= PROCESS_CACHE_SIZE) publishedProcesses.clear();
  publishedProcesses.set(processId, deepFreeze(def));
  return def;
}
