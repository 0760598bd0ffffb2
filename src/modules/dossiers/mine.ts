import { sql } from 'kysely';
import { STATUS_INFO } from '../../domain/dossier-status.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { ProcessDefinition } from '../../domain/process.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';

/**
 * The applicant's own dossiers and notices on the portal (III.4.2, III.5.1 a, III.5.2 a): only a
 * signed-in citizen or organisation, only the dossiers linked to their account.
 */

export interface MyDossier {
  id: string;
  code: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  submittedAt: string;
  appointmentAt: string | null;
  /** The step the dossier is at now, and the agency holding it. */
  stepName: string;
  agencyName: string;
  cancelled: boolean;
}

export interface MyDossierPage {
  items: MyDossier[];
  /** The id of the last dossier shown; the next page starts after it. */
  nextCursor: string | null;
}

export interface MyNotice {
  id: number;
  dossierId: string;
  dossierCode: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The applicant's account id; 401 when not signed in, 403 for officials. */
export function applicantOf(auth: AuthContext | undefined): string {
  if (!auth) throw new UnauthenticatedError();
  if (auth.account.kind !== 'citizen' && auth.account.kind !== 'organisation')
    throw new ForbiddenError('Chỉ người nộp hồ sơ (công dân, tổ chức) có mục "Hồ sơ của tôi"');
  return auth.account.id;
}

/** The caller's dossiers, newest first, keyset on (submitted_at, id). */
export async function myDossiers(
  db: Executor,
  auth: AuthContext | undefined,
  q: { cursor?: string | null | undefined; limit?: number | undefined },
): Promise<MyDossierPage> {
  const accountId = applicantOf(auth);
  const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.holder_agency_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_name',
      'd.status',
      'd.submitted_at',
      'd.appointment_at',
      'd.process_id',
      'd.step_id',
      'd.cancelled_at',
      'a.name as agency_name',
    ])
    .where('d.applicant_account_id', '=', accountId);
  if (q.cursor && UUID.test(q.cursor)) {
    const cursor = q.cursor;
    query = query.where(
      sql<boolean>`(d.submitted_at, d.id) < (select c.submitted_at, c.id from dossiers c
        where c.id = ${cursor} and c.applicant_account_id = ${accountId})`,
    );
  }
  const rows = await query
    .orderBy('d.submitted_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const processIds = [...new Set(page.map((r) => r.process_id))];
  const defs = processIds.length
    ? new Map(
        (
          await db
            .selectFrom('process_definitions')
            .select(['id', 'definition'])
            .where('id', 'in', processIds)
            .execute()
        ).map((p) => [p.id, p.definition as unknown as ProcessDefinition]),
      )
    : new Map<string, ProcessDefinition>();
  const items = page.map((r) => {
    const status = r.status as DossierStatus;
    return {
      id: r.id,
      code: r.code,
      procedureName: r.procedure_name,
      status,
      statusLabel: STATUS_INFO[status].label,
      submittedAt: r.submitted_at.toISOString(),
      appointmentAt: r.appointment_at?.toISOString() ?? null,
      stepName: defs.get(r.process_id)?.steps.find((s) => s.id === r.step_id)?.name ?? r.step_id,
      agencyName: r.agency_name,
      cancelled: r.cancelled_at !== null,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

/** The caller's notices, newest first; `unread` keeps only those not marked read. */
export async function myNotices(
  db: Executor,
  auth: AuthContext | undefined,
  q: { limit?: number | undefined; unread?: boolean | undefined } = {},
): Promise<MyNotice[]> {
  const accountId = applicantOf(auth);
  let query = db
    .selectFrom('notices as n')
    .innerJoin('dossiers as d', 'd.id', 'n.dossier_id')
    .select(['n.id', 'n.dossier_id', 'd.code', 'n.kind', 'n.title', 'n.body', 'n.created_at', 'n.read_at'])
    .where('n.account_id', '=', accountId);
  if (q.unread) query = query.where('n.read_at', 'is', null);
  const rows = await query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(Math.min(Math.max(q.limit ?? 20, 1), 100))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.code,
    kind: r.kind,
    title: r.title,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  }));
}

/** Marks the caller's notices read (the given ids, or all); others' ids are ignored. Returns how many changed. */
export async function markNoticesRead(
  db: Executor,
  auth: AuthContext | undefined,
  ids: readonly number[] | 'all',
): Promise<number> {
  const accountId = applicantOf(auth);
  if (ids !== 'all' && ids.length === 0) return 0;
  let query = db
    .updateTable('notices')
    .set({ read_at: new Date() })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null);
  if (ids !== 'all')
    query = query.where(
      'id',
      'in',
      ids.filter((i) => Number.isSafeInteger(i)),
    );
  const res = await query.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
