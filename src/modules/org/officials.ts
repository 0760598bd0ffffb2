import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../../domain/org-tree.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DB } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { hashPassword } from '../accounts/password.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { revokeAllSessions } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertAgencyReadable, pathInScopes, requireAuthed, scopesForAny } from './access.ts';
import { selectAssignments } from './roles.ts';
import type { OfficialCreate, OfficialDetail, OfficialListQuery, OfficialPage, OfficialUpdate } from './schema.ts';
import { assignmentView, isUniqueViolation, officialView } from './views.ts';
import { escapeLike } from '../../domain/text.ts';

/** Officials (cán bộ, công chức): accounts of kind `official` with their agency, department, position and title. */

function selectOfficials(db: Executor) {
  return db
    .selectFrom('officials as o')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .innerJoin('agencies as ag', 'ag.id', 'o.agency_id')
    .leftJoin('departments as d', 'd.id', 'o.department_id')
    .select([
      'a.id',
      'a.username',
      'a.full_name',
      'a.email',
      'a.phone',
      'a.status',
      'o.agency_id',
      'ag.name as agency_name',
      'o.department_id',
      'd.name as department_name',
      'o.position_code',
      'o.title',
      'a.last_login_at',
      'a.created_at',
    ])
    .where('a.kind', '=', 'official');
}

/**
 * Officials the caller manages, ordered by (full name, id) with keyset pagination: pass the
 * `nextCursor` of a page as `after` to get the next one. `q` matches name, username, e-mail or phone
 * without diacritics.
 */
export async function listOfficials(db: Executor, auth: AuthContext | undefined, query: OfficialListQuery = {}): Promise<OfficialPage> {
  const scopes = scopesForAny(auth, ['users.manage']);
  const limit = query.limit ?? 50;
  let q = selectOfficials(db).where(pathInScopes('ag.path', scopes));
  if (query.agencyId) {
    const agency = await assertAgencyReadable(db, auth, query.agencyId, ['users.manage']);
    q = query.subtree === true ? q.where('ag.path', 'like', `${agency.path}%`) : q.where('o.agency_id', '=', agency.id);
  }
  if (query.departmentId) q = q.where('o.department_id', '=', query.departmentId);
  if (query.status) q = q.where('a.status', '=', query.status);
  const term = query.q?.normalize('NFC').trim();
  if (term) q = q.where(sql<boolean>`a.search like vn_fold(${`%${escapeLike(term)}%`})`);
  if (query.after) {
    const cursor = decodeCursor(query.after);
    if (!cursor) throw new ValidationError([{ field: 'querystring.after', message: 'Con trỏ phân trang không hợp lệ' }]);
    q = q.where(sql<boolean>`(a.full_name, a.id) > (${cursor.key}, ${cursor.id}::uuid)`);
  }
  const rows = await q.orderBy('a.full_name').orderBy('a.id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(officialView), nextCursor: rows.length > limit && last ? encodeCursor(last.full_name, last.id) : null };
}

async function detail(db: Executor, id: string): Promise<OfficialDetail | undefined> {
  const row = await selectOfficials(db)
    .select([sql<string | null>`to_char(a.birth_date, 'YYYY-MM-DD')`.as('birth_date'), 'a.gender', 'a.id_number', 'a.address'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const roles = await selectAssignments(db).where('ra.account_id', '=', id).orderBy('ra.role_code').orderBy('ra.id').execute();
  const groups = await db
    .selectFrom('user_group_members as m')
    .innerJoin('user_groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.name', 'g.agency_id', 'g.role_codes'])
    .where('m.account_id', '=', id)
    .orderBy('g.name')
    .execute();
  return {
    ...officialView(row),
    birthDate: row.birth_date,
    gender: row.gender,
    idNumber: row.id_number,
    address: row.address,
    roles: roles.map(assignmentView),
    groups: groups.map((g) => ({ id: g.id, name: g.name, agencyId: g.agency_id, roleCodes: g.role_codes })),
  };
}

/** One official with personal details, role assignments and groups (for those who manage their agency). */
export async function getOfficial(db: Executor, auth: AuthContext | undefined, id: string): Promise<OfficialDetail> {
  scopesForAny(auth, ['users.manage']);
  const home = await db.selectFrom('officials').select('agency_id').where('account_id', '=', id).executeTakeFirst();
  if (!home) throw new NotFoundError('Không tìm thấy cán bộ, công chức');
  await assertAgencyPermission(db, auth, 'users.manage', home.agency_id);
  const d = await detail(db, id);
  if (!d) throw new NotFoundError('Không tìm thấy cán bộ, công chức');
  return d;
}

async function assertAgencyUsable(trx: Tx, agencyId: string): Promise<void> {
  const agency = await trx.selectFrom('agencies').select('active').where('id', '=', agencyId).forShare().executeTakeFirstOrThrow();
  if (!agency.active) throw new ValidationError([{ field: 'body.agencyId', message: 'Cơ quan, đơn vị đã ngừng hoạt động' }]);
}

async function assertDepartmentOf(trx: Tx, departmentId: string, agencyId: string): Promise<void> {
  const dep = await trx.selectFrom('departments').select(['agency_id', 'active']).where('id', '=', departmentId).executeTakeFirst();
  if (dep?.agency_id !== agencyId) {
    throw new ValidationError([{ field: 'body.departmentId', message: 'Phòng ban không thuộc cơ quan, đơn vị đã chọn' }]);
  }
  if (!dep.active) throw new ValidationError([{ field: 'body.departmentId', message: 'Phòng ban đã ngừng hoạt động' }]);
}

async function assertUnique(trx: Tx, fields: { username?: string; email?: string | null; idNumber?: string | null }, exceptId?: string): Promise<void> {
  const checks: [keyof typeof fields, string, string][] = [];
  if (fields.username) checks.push(['username', 'Tên đăng nhập đã được sử dụng', 'duplicate_username']);
  if (fields.email) checks.push(['email', 'Thư điện tử đã được dùng cho tài khoản khác', 'duplicate_email']);
  if (fields.idNumber) checks.push(['idNumber', 'Số định danh cá nhân đã được dùng cho tài khoản khác', 'duplicate_id_number']);
  for (const [key, message, code] of checks) {
    let q = trx.selectFrom('accounts').select('id');
    if (key === 'username') q = q.where('username', '=', fields.username ?? '');
    else if (key === 'email') q = q.where('email', '=', fields.email ?? '');
    else q = q.where('id_type', '=', 'CCCD').where('id_number', '=', fields.idNumber ?? '');
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw new ConflictError(message, code);
  }
}

function mapUnique(err: unknown): unknown {
  if (!isUniqueViolation(err)) return err;
  const c = (err as { constraint?: string }).constraint ?? '';
  if (c.includes('username')) return new ConflictError('Tên đăng nhập đã được sử dụng', 'duplicate_username');
  if (c.includes('email')) return new ConflictError('Thư điện tử đã được dùng cho tài khoản khác', 'duplicate_email');
  if (c.includes('id_number')) return new ConflictError('Số định danh cá nhân đã được dùng cho tài khoản khác', 'duplicate_id_number');
  return new ConflictError('Dữ liệu trùng với một tài khoản khác');
}

/** Creates an active official account in an agency the caller manages (users.manage). */
export async function createOfficial(db: Kysely<DB>, auth: AuthContext | undefined, input: OfficialCreate, actor: Actor): Promise<OfficialDetail> {
  requireAuthed(auth);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, auth, 'users.manage', input.agencyId);
      await assertAgencyUsable(trx, input.agencyId);
      if (input.departmentId) await assertDepartmentOf(trx, input.departmentId, input.agencyId);
      await assertUnique(trx, { username: input.username, email: input.email ?? null, idNumber: input.idNumber ?? null });
      const acc = await trx
        .insertInto('accounts')
        .values({
          kind: 'official',
          username: input.username,
          email: input.email ?? null,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          status: 'active',
          full_name: input.fullName,
          id_type: input.idNumber ? 'CCCD' : null,
          id_number: input.idNumber ?? null,
          birth_date: input.birthDate ?? null,
          gender: input.gender ?? null,
          address: input.address ?? null,
          commune_code: null,
          org_name: null,
          tax_code: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('officials')
        .values({
          account_id: acc.id,
          agency_id: input.agencyId,
          department_id: input.departmentId ?? null,
          position_code: input.positionCode ?? null,
          title: input.title ?? null,
        })
        .execute();
      const view = await detail(trx, acc.id);
      if (!view) throw new Error('official just created is missing');
      await appendAudit(trx, actor, {
        action: 'official.create',
        entityType: 'account',
        entityId: acc.id,
        agencyId: input.agencyId,
        after: snapshot(view),
      });
      return view;
    });
  } catch (err) {
    throw mapUnique(err);
  }
}

/** What the audit keeps of an official: no password, no full personal record. */
function snapshot(d: OfficialDetail): Record<string, unknown> {
  return {
    username: d.username,
    fullName: d.fullName,
    email: d.email,
    phone: d.phone,
    status: d.status,
    agencyId: d.agencyId,
    departmentId: d.departmentId,
    positionCode: d.positionCode,
    title: d.title,
  };
}

async function lockOfficial(trx: Tx, auth: AuthContext | undefined, id: string) {
  scopesForAny(auth, ['users.manage']);
  const row = await trx
    .selectFrom('accounts as a')
    .innerJoin('officials as o', 'o.account_id', 'a.id')
    .select(['a.id', 'a.status', 'o.agency_id', 'o.department_id'])
    .where('a.id', '=', id)
    .where('a.kind', '=', 'official')
    .forUpdate(['a', 'o'])
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy cán bộ, công chức');
  await assertAgencyPermission(trx, auth, 'users.manage', row.agency_id);
  const before = await detail(trx, id);
  if (!before) throw new NotFoundError('Không tìm thấy cán bộ, công chức');
  return { row, before };
}

/**
 * Updates an official. Moving them to another agency needs users.manage there too (their department
 * is cleared unless a department of the new agency is given). A new password ends their sessions.
 */
export async function updateOfficial(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  input: OfficialUpdate,
  actor: Actor,
): Promise<OfficialDetail> {
  const a = requireAuthed(auth);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const { row, before } = await lockOfficial(trx, a, id);
      const agencyId = input.agencyId ?? row.agency_id;
      if (agencyId !== row.agency_id) {
        await assertAgencyPermission(trx, a, 'users.manage', agencyId);
        await assertAgencyUsable(trx, agencyId);
      }
      let departmentId = input.departmentId !== undefined ? input.departmentId : row.department_id;
      if (agencyId !== row.agency_id && input.departmentId === undefined) departmentId = null;
      if (departmentId && departmentId !== row.department_id) await assertDepartmentOf(trx, departmentId, agencyId);
      await assertUnique(
        trx,
        {
          ...(input.email ? { email: input.email } : {}),
          ...(input.idNumber ? { idNumber: input.idNumber } : {}),
        },
        id,
      );
      await trx
        .updateTable('accounts')
        .set({
          ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
          ...(input.gender !== undefined ? { gender: input.gender } : {}),
          ...(input.idNumber !== undefined ? { id_number: input.idNumber, id_type: input.idNumber ? 'CCCD' : null } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('officials')
        .set({
          agency_id: agencyId,
          department_id: departmentId,
          ...(input.positionCode !== undefined ? { position_code: input.positionCode } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
        })
        .where('account_id', '=', id)
        .execute();
      if (passwordHash) await revokeAllSessions(trx, id, 'password_set_by_admin');
      const after = await detail(trx, id);
      if (!after) throw new Error('official just updated is missing');
      await appendAudit(trx, actor, {
        action: 'official.update',
        entityType: 'account',
        entityId: id,
        agencyId,
        before: snapshot(before),
        after: snapshot(after),
        ...(passwordHash ? { details: { passwordSet: true } } : {}),
      });
      return after;
    });
  } catch (err) {
    throw mapUnique(err);
  }
}

/** Disables (ending every session) or re-enables an official; nobody disables themselves. */
export async function setOfficialEnabled(
  db: Kysely<DB>,
  auth: AuthContext | undefined,
  id: string,
  enabled: boolean,
  actor: Actor,
): Promise<OfficialDetail> {
  const a = requireAuthed(auth);
  return db.transaction().execute(async (trx) => {
    const { row, before } = await lockOfficial(trx, a, id);
    if (!enabled && id === a.account.id) throw new ConflictError('Bạn không thể tự khóa tài khoản của chính mình', 'cannot_disable_self');
    const status = enabled ? 'active' : 'disabled';
    if (row.status === status) return before;
    await trx
      .updateTable('accounts')
      .set({ status, updated_at: new Date(), ...(enabled ? { failed_logins: 0, locked_until: null } : {}) })
      .where('id', '=', id)
      .execute();
    if (!enabled) await revokeAllSessions(trx, id, 'disabled_by_admin');
    const after = await detail(trx, id);
    if (!after) throw new Error('official just updated is missing');
    await appendAudit(trx, actor, {
      action: enabled ? 'official.enable' : 'official.disable',
      entityType: 'account',
      entityId: id,
      agencyId: row.agency_id,
      before: { status: row.status },
      after: { status },
    });
    return after;
  });
}
