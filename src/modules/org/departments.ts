import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DB } from '../../db/types.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit, redactForAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertAgencyReadable, requireAuthed, scopesForAny } from './access.ts';
import type { DepartmentCreate, DepartmentUpdate, DepartmentView } from './schema.ts';
import { departmentView, isUniqueViolation } from './views.ts';

/** Departments (phòng ban) of an agency; `is_one_stop` marks the one-stop section (bộ phận một cửa). */

function selectDepartments(db: Executor) {
  return db
    .selectFrom('departments as d')
    .selectAll('d')
    .select(
      sql<number>`(select count(*) from officials o join accounts ac on ac.id = o.account_id where o.department_id = d.id and ac.status <> 'disabled')`.as(
        'official_count',
      ),
    );
}

async function viewOf(db: Executor, id: string): Promise<DepartmentView> {
  return departmentView(await selectDepartments(db).where('d.id', '=', id).executeTakeFirstOrThrow());
}

export async function listDepartments(
  db: Executor,
  auth: AuthContext | undefined,
  agencyId: string,
  opts: { includeInactive?: boolean | undefined } = {},
): Promise<DepartmentView[]> {
  await assertAgencyReadable(db, auth, agencyId);
  let q = selectDepartments(db).where('d.agency_id', '=', agencyId);
  if (opts.includeInactive !== true) q = q.where('d.active', '=', true);
  return (await q.orderBy('d.is_one_stop', 'desc').orderBy('d.name').orderBy('d.id').execute()).map(departmentView);
}

async function assertCodeFree(trx: Tx, agencyId: string, code: string, exceptId?: string): Promise<void> {
  let q = trx.selectFrom('departments').select('id').where('agency_id', '=', agencyId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw duplicate(code);
}

const duplicate = (code: string) => new ConflictError(`Mã phòng ban ${code} đã có trong cơ quan này`, 'duplicate_department_code');

function mapUnique(err: unknown, code: string | undefined): unknown {
  return isUniqueViolation(err, 'departments_agency_id_code_key') ? duplicate(code ?? '') : err;
}

async function lockDepartment(trx: Tx, auth: AuthContext | undefined, id: string) {
  scopesForAny(auth, ['org.manage']);
  const row = await trx.selectFrom('departments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy phòng ban');
  await assertAgencyPermission(trx, auth, 'org.manage', row.agency_id);
  return row;
}

export async function createDepartment(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  agencyId: string,
  input: DepartmentCreate,
  actor: Actor,
): Promise<DepartmentView> {
  requireAuthed(auth);
  try {
    return await db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, auth, 'org.manage', agencyId);
      const agency = await trx.selectFrom('agencies').select(['id', 'active']).where('id', '=', agencyId).forShare().executeTakeFirstOrThrow();
      if (!agency.active) throw new ConflictError('Cơ quan đã ngừng hoạt động', 'agency_inactive');
      await assertCodeFree(trx, agencyId, input.code);
      const row = await trx
        .insertInto('departments')
        .values({ agency_id: agencyId, code: input.code, name: input.name, is_one_stop: input.isOneStop ?? false })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = await viewOf(trx, row.id);
      await appendAudit(trx, actor, { action: 'department.create', entityType: 'department', entityId: row.id, agencyId, after: redactForAudit(row) });
      return view;
    });
  } catch (err) {
    throw mapUnique(err, input.code);
  }
}

export async function updateDepartment(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  input: DepartmentUpdate,
  actor: Actor,
): Promise<DepartmentView> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await lockDepartment(trx, auth, id);
      if (input.code !== undefined && input.code !== before.code) await assertCodeFree(trx, before.agency_id, input.code, id);
      const after = await trx
        .updateTable('departments')
        .set({
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.isOneStop !== undefined ? { is_one_stop: input.isOneStop } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = await viewOf(trx, id);
      await appendAudit(trx, actor, {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        agencyId: before.agency_id,
        before: redactForAudit(before),
        after: redactForAudit(after),
      });
      return view;
    });
  } catch (err) {
    throw mapUnique(err, input.code);
  }
}

/** Deactivation is refused while officials (not disabled) still belong to the department. */
export async function setDepartmentActive(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  active: boolean,
  actor: Actor,
): Promise<DepartmentView> {
  return db.transaction().execute(async (trx) => {
    const before = await lockDepartment(trx, auth, id);
    if (before.active === active) return viewOf(trx, id);
    if (!active) {
      const member = await trx
        .selectFrom('officials as o')
        .innerJoin('accounts as ac', 'ac.id', 'o.account_id')
        .select('o.account_id')
        .where('o.department_id', '=', id)
        .where('ac.status', '<>', 'disabled')
        .limit(1)
        .executeTakeFirst();
      if (member) {
        throw new ConflictError('Phòng ban còn cán bộ đang làm việc: hãy chuyển cán bộ sang phòng ban khác trước', 'department_has_officials');
      }
    } else {
      const agency = await trx.selectFrom('agencies').select('active').where('id', '=', before.agency_id).executeTakeFirstOrThrow();
      if (!agency.active) throw new ConflictError('Cơ quan đã ngừng hoạt động', 'agency_inactive');
    }
    await trx.updateTable('departments').set({ active, updated_at: new Date() }).where('id', '=', id).execute();
    const view = await viewOf(trx, id);
    await appendAudit(trx, actor, {
      action: active ? 'department.activate' : 'department.deactivate',
      entityType: 'department',
      entityId: id,
      agencyId: before.agency_id,
      before: { active: before.active },
      after: { active },
    });
    return view;
  });
}
