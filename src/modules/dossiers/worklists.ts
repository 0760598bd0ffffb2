import { sql } from 'kysely';
import type { SelectQueryBuilder, SqlBool } from 'kysely';
import { dueState } from '../../domain/dossier-flow.ts';
import type { Task } from '../../domain/dossier-flow.ts';
import { STATUS_INFO } from '../../domain/dossier-status.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import { foldVietnamese } from '../../domain/text.ts';
import type { DB } from '../../db/types.ts';
import type { Executor } from '../../db/tx.ts';
import { UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { decodeCursor, encodeCursor } from '../procedures/cursor.ts';
import type { DossierPage, DossierRow, ListQuery, Worklist, WorklistCounts } from './schema.ts';
import type { Cond } from './worklist-specs.ts';
import { all, countCapOf, LISTS, listBranches, listsFor, status } from './worklist-specs.ts';
import type { OfficialPlace } from './store.ts';

/**
 * Worklists and counts per role exactly as II.22.1–22.4 list them, and search by any combination of
 * criteria (II.23): one SQL condition per list, every one served by an index, keyset pages, counts
 * capped so that a province-wide list never counts a million rows per request.
 */

/** The search criteria of the query (II.23), on top of the list's own condition. */
function criteria(q: ListQuery): Cond[] {
  const conds: Cond[] = [];
  if (q.code)
    conds.push((eb) => eb('dossiers.code', 'like', `${q.code?.toUpperCase().replace(/[%_\\]/g, '')}%`));
  if (q.status) conds.push(status(q.status));
  if (q.procedureCode) conds.push((eb) => eb('dossiers.procedure_code', '=', q.procedureCode ?? ''));
  if (q.fieldCode) conds.push((eb) => eb('dossiers.field_code', '=', q.fieldCode ?? ''));
  if (q.agencyId) conds.push((eb) => eb('dossiers.agency_id', '=', q.agencyId ?? ''));
  if (q.channel) conds.push((eb) => eb('dossiers.channel', '=', q.channel ?? 'counter'));
  if (q.receivedFrom)
    conds.push((eb) =>
      eb(
        'dossiers.received_at',
        '>=',
        sql<Date>`(${q.receivedFrom}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`,
      ),
    );
  if (q.receivedTo)
    conds.push((eb) =>
      eb(
        'dossiers.received_at',
        '<',
        sql<Date>`((${q.receivedTo}::date) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`,
      ),
    );
  if (q.q) {
    const words = foldVietnamese(q.q)
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .slice(0, 8);
    for (const w of words) conds.push((eb) => eb('dossiers.search', 'like', `%${w.replace(/[%_\\]/g, '')}%`));
  }
  if (q.due) {
    const col = sql.ref(`dossiers.${LISTS[q.list].due}`);
    const near = new Date(Date.now() + 24 * 3_600_000);
    conds.push((eb) =>
      q.due === 'overdue'
        ? eb(col, '<', new Date())
        : q.due === 'near_due'
          ? eb.and([eb(col, '>=', new Date()), eb(col, '<=', near)])
          : eb.or([eb(col, 'is', null), eb(col, '>', near)]),
    );
  }
  return conds;
}

/** Worklists order by urgency; "all" and search by newest submission. */
const byDue = (list: Worklist) =>
  list !== 'tat_ca' && list !== 'tham_gia' && list !== 'tu_choi' && list !== 'da_ky_duyet';
const FAR = '9999-12-31T00:00:00.000Z';

/**
 * Up to `limit` rows of a query over dossiers (a select of `id` and its sort key, or of `id` and `due`)
 * from each of disjoint branches, merged: the branches' first rows hold the first rows of their union.
 */
function merged<T>(parts: SelectQueryBuilder<DB, 'dossiers', T>[]) {
  return sql<T>`(${sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union all `,
  )})`;
}

export async function listDossiers(
  db: Executor,
  auth: AuthContext | undefined,
  place: OfficialPlace,
  q: ListQuery,
): Promise<DossierPage> {
  if (!auth) throw new UnauthenticatedError();
  const me = { auth, place };
  const due = byDue(q.list);
  const dir = due ? 'asc' : 'desc';
  const dueCol = LISTS[q.list].due;
  const sortExpr = due
    ? sql<Date>`coalesce(dossiers.${sql.ref(dueCol)}, ${FAR}::timestamptz)`
    : sql<Date>`dossiers.submitted_at`;
  const conds = criteria(q);
  if (q.cursor) {
    const [key, id] = decodeCursor(q.cursor, ['string', 'string'] as const);
    if (Number.isNaN(Date.parse(key)))
      throw new ValidationError([{ field: 'cursor', message: 'Con trỏ trang (cursor) không hợp lệ' }]);
    conds.push(() =>
      due
        ? sql<SqlBool>`(${sortExpr}, dossiers.id) > (${key}::timestamptz, ${id}::uuid)`
        : sql<SqlBool>`(${sortExpr}, dossiers.id) < (${key}::timestamptz, ${id}::uuid)`,
    );
  }
  // The page's ids first (from the indexes alone where they cover the conditions), then their rows.
  // With a closed receipt period, the same order written so that no index provides it: PostgreSQL
  // would otherwise walk the submission index from the newest dossier down to the period (0.3 s for a
  // province-wide month two years back) rather than read the period and sort it.
  const orderExpr =
    !due && q.receivedFrom && q.receivedTo
      ? sql<Date>`dossiers.submitted_at + interval '0 seconds'`
      : sortExpr;
  const parts = listBranches(me, q.list).map((branch) =>
    db
      .selectFrom('dossiers')
      .select(['dossiers.id', sortExpr.as('sort_key')])
      .where(all(branch, ...conds))
      .orderBy(orderExpr, dir)
      .orderBy('dossiers.id', dir)
      .limit(q.limit + 1),
  );
  const rows = await db
    .selectFrom(merged(parts).as('p'))
    .innerJoin('dossiers', 'dossiers.id', 'p.id')
    .leftJoin('accounts as h', 'h.id', 'dossiers.holder_id')
    .leftJoin('process_definitions as pd', 'pd.id', 'dossiers.process_id')
    .select([
      'dossiers.id',
      'dossiers.code',
      'dossiers.procedure_code',
      'dossiers.procedure_name',
      'dossiers.applicant_name',
      'dossiers.applicant_org',
      'dossiers.summary',
      'dossiers.channel',
      'dossiers.status',
      'dossiers.task',
      'dossiers.step_id',
      'dossiers.submitted_at',
      'dossiers.received_at',
      'dossiers.appointment_at',
      'dossiers.step_due_at',
      'dossiers.row_version',
      'h.full_name as holder_name',
      sql<string>`(select s->>'name' from jsonb_array_elements(pd.definition->'steps') s where s->>'id' = dossiers.step_id limit 1)`.as(
        'step_name',
      ),
      'p.sort_key',
    ])
    .orderBy('p.sort_key', dir)
    .orderBy('dossiers.id', dir)
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const now = new Date();
  const items: DossierRow[] = page.map((r) => ({
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: r.applicant_name,
    applicantOrg: r.applicant_org,
    summary: r.summary,
    channel: r.channel,
    status: r.status as DossierStatus,
    statusLabel: STATUS_INFO[r.status as DossierStatus].label,
    task: r.task as Task,
    stepName: r.step_name ?? r.step_id,
    holderName: r.holder_name,
    submittedAt: r.submitted_at.toISOString(),
    receivedAt: r.received_at?.toISOString() ?? null,
    appointmentAt: r.appointment_at?.toISOString() ?? null,
    stepDueAt: r.step_due_at?.toISOString() ?? null,
    due: dueState(dueCol === 'step_due_at' ? (r.step_due_at ?? r.appointment_at) : r.appointment_at, now),
    rowVersion: r.row_version,
  }));
  return {
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([new Date(last.sort_key).toISOString(), last.id]) : null,
  };
}

/**
 * The caller's lists with their counts: total, overdue and near due (II.22.1–22.5), all in one
 * statement (one subquery a list).
 */
export async function countLists(
  db: Executor,
  auth: AuthContext | undefined,
  place: OfficialPlace,
): Promise<WorklistCounts> {
  if (!auth) throw new UnauthenticatedError();
  const me = { auth, place };
  const now = new Date();
  const near = new Date(now.getTime() + 24 * 3_600_000);
  const lists = listsFor(auth);
  if (lists.length === 0) return { lists: [] };
  const counted = lists.map((list, i) => {
    const spec = LISTS[list];
    const cap = countCapOf(list);
    const parts = listBranches(me, list).map((branch) =>
      db
        .selectFrom('dossiers')
        .select(['dossiers.id', `dossiers.${spec.due} as due`])
        .where(branch)
        .limit(cap),
    );
    const [only] = parts;
    const capped =
      parts.length === 1 && only
        ? only
        : db.selectFrom(merged(parts).as('u')).select(['u.id', 'u.due']).limit(cap);
    return sql<
      [number, number, number]
    >`(select json_build_array(count(*), count(*) filter (where c.due < ${now}),
      count(*) filter (where c.due >= ${now} and c.due <= ${near})) from (${capped}) as c)`.as(`l${i}`);
  });
  // One statement, no transaction: JIT is off on the platform's connections (src/db/client.ts).
  const row: Record<string, [number, number, number]> = await db
    .selectNoFrom(counted)
    .executeTakeFirstOrThrow();
  return {
    lists: lists.map((list, i) => {
      const [total, overdue, nearDue] = row[`l${i}`] ?? [0, 0, 0];
      return {
        list,
        label: LISTS[list].label,
        criterion: LISTS[list].criterion,
        count: { total, overdue, nearDue, capped: total >= countCapOf(list) },
      };
    }),
  };
}
