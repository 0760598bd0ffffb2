import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import type { AccountKind, AgencyLevel } from '../../src/db/types.ts';
import { hashPassword } from '../../src/modules/accounts/password.ts';

/**
 * Test factories: each creates what it needs (parents included) with unique values, so tests never
 * depend on shared seeded data or on each other.
 */
const uniq = () => randomBytes(4).toString('hex');
let codeCounter = 0;

export const PASSWORD = 'MatKhau123';
let passwordHash: Promise<string> | undefined;

export async function createAgency(
  database: Database,
  over: { parentId?: string | null; name?: string; level?: AgencyLevel; code?: string } = {},
): Promise<{ id: string; code: string; path: string }> {
  const db = database.db;
  const parent = over.parentId ? await db.selectFrom('agencies').select(['path', 'depth']).where('id', '=', over.parentId).executeTakeFirstOrThrow() : undefined;
  codeCounter += 1;
  const letter = String.fromCharCode(65 + (codeCounter % 26));
  const code = over.code ?? `${String(codeCounter % 1000).padStart(3, '0')}.${String(Math.floor(Math.random() * 100)).padStart(2, '0')}.${String(Math.floor(Math.random() * 100)).padStart(2, '0')}.${letter}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
  const id = crypto.randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db
    .insertInto('agencies')
    .values({ id, parent_id: over.parentId ?? null, code, name: over.name ?? `Cơ quan ${uniq()}`, short_name: null, level: over.level ?? 'commune', admin_unit_code: null, address: null, phone: null, email: null, path, depth: (parent?.depth ?? -1) + 1 })
    .execute();
  return { id, code, path };
}

export async function createAccount(
  database: Database,
  over: { kind?: AccountKind; username?: string; email?: string; status?: 'pending' | 'active' | 'disabled'; fullName?: string } = {},
): Promise<{ id: string; username: string; password: string; email: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const username = over.username ?? `u${uniq()}`;
  const email = over.email ?? `${username}@example.vn`;
  const row = await database.db
    .insertInto('accounts')
    .values({ kind: over.kind ?? 'citizen', username, email, phone: null, password_hash: await passwordHash, status: over.status ?? 'active', full_name: over.fullName ?? `Nguyễn Văn ${uniq()}`, id_type: null, id_number: null, birth_date: null, gender: null, address: null, commune_code: null, org_name: null, tax_code: null, email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username, password: PASSWORD, email };
}

/** An official of `agencyId` holding `roles` there (or over the subtree). */
export async function createOfficial(
  database: Database,
  agencyId: string,
  roles: string[],
  opts: { includeSubtree?: boolean; username?: string } = {},
): Promise<{ id: string; username: string; password: string }> {
  const acc = await createAccount(database, { kind: 'official', ...(opts.username ? { username: opts.username } : {}) });
  await database.db.insertInto('officials').values({ account_id: acc.id, agency_id: agencyId, department_id: null, position_code: null, title: null }).execute();
  for (const role of roles) {
    await database.db.insertInto('role_assignments').values({ account_id: acc.id, role_code: role, agency_id: agencyId, include_subtree: opts.includeSubtree ?? false }).execute();
  }
  return acc;
}

/** A department (phòng ban) of `agencyId`. */
export async function createDepartment(
  database: Database,
  agencyId: string,
  over: { code?: string; name?: string; isOneStop?: boolean } = {},
): Promise<{ id: string; code: string }> {
  const code = over.code ?? `P${uniq().toUpperCase()}`;
  const row = await database.db
    .insertInto('departments')
    .values({ agency_id: agencyId, code, name: over.name ?? `Phòng ${uniq()}`, is_one_stop: over.isOneStop ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/** A user group of `agencyId` with `roleCodes` and `memberIds`. */
export async function createUserGroup(
  database: Database,
  agencyId: string,
  over: { name?: string; roleCodes?: string[]; memberIds?: string[] } = {},
): Promise<{ id: string; name: string }> {
  const name = over.name ?? `Nhóm ${uniq()}`;
  const row = await database.db
    .insertInto('user_groups')
    .values({ agency_id: agencyId, name, role_codes: over.roleCodes ?? [] })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const accountId of over.memberIds ?? []) {
    await database.db.insertInto('user_group_members').values({ group_id: row.id, account_id: accountId }).execute();
  }
  return { id: row.id, name };
}
