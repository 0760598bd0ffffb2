import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Tx } from '../db/tx.ts';
import type { AccountsTable } from '../db/types.ts';
import { hashPassword } from '../modules/accounts/password.ts';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import type { Services } from '../services.ts';
import {
  DEMO_CITIZENS,
  DEMO_GROUPS,
  DEMO_OFFICIALS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  demoAgencyName,
} from './demo-accounts.ts';
import { upsertDemoTree } from './demo-org.ts';
import type { AgencyRef, DemoTree } from './demo-org.ts';

/**
 * Demonstration data for Tỉnh Thanh Hóa, in one transaction and idempotent (agencies upserted by code,
 * departments by (agency, code), accounts by username): the agency tree with all 166 communes, 30
 * officials covering every role, 2 user groups, 5 citizens and 2 organisations. Every account signs
 * in with DEMO_PASSWORD (Demo@2025); see DEMO_ACCOUNTS in ./demo-accounts.ts.
 */
export async function seedDemo(services: Services, log: (msg: string) => void): Promise<void> {
  const started = Date.now();
  // One hash for every demo account: argon2id is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.database.db.transaction().execute(async (trx) => {
    log('Nạp dữ liệu mẫu tỉnh Thanh Hóa…');
    const tree = await upsertDemoTree(trx, log);
    const officials = await seedOfficials(trx, tree, passwordHash);
    log(
      `Cán bộ, công chức: ${officials.size} tài khoản, đủ ${new Set(DEMO_OFFICIALS.map((o) => o.role)).size} vai trò.`,
    );
    await seedGroups(trx, tree, officials);
    log(`Nhóm người dùng: ${DEMO_GROUPS.length}.`);
    const applicants = await seedApplicants(trx, passwordHash);
    log(
      `Công dân: ${DEMO_CITIZENS.length}; tổ chức, doanh nghiệp: ${DEMO_ORGANISATIONS.length} (${applicants} tài khoản).`,
    );
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'demo.seed',
      entityType: 'agency',
      entityId: tree.province.id,
      agencyId: tree.province.id,
      details: {
        communes: tree.communeCount,
        departments: tree.departments.size,
        officials: officials.size,
        applicants,
      },
    });
  });
  log(
    `Đã nạp dữ liệu mẫu trong ${Date.now() - started} ms. Mật khẩu của mọi tài khoản mẫu: ${DEMO_PASSWORD}`,
  );
}

function agencyOf(tree: DemoTree, key: string): AgencyRef {
  const agency = tree.agencies.get(key);
  if (!agency) throw new Error(`Không tìm thấy cơ quan mẫu "${demoAgencyName(key)}" (${key}) trong danh mục`);
  return agency;
}

const ACCOUNT_UPDATE_COLUMNS = [
  'kind',
  'email',
  'phone',
  'password_hash',
  'status',
  'full_name',
  'id_type',
  'id_number',
  'birth_date',
  'gender',
  'address',
  'commune_code',
  'org_name',
  'tax_code',
  'email_verified_at',
] as const;

/** Upserts accounts by username, resetting the demo password and unlocking them; returns ids by username. */
async function upsertAccounts(trx: Tx, rows: Insertable<AccountsTable>[]): Promise<Map<string, string>> {
  const saved = await trx
    .insertInto('accounts')
    .values(rows)
    .onConflict((oc) =>
      oc.column('username').doUpdateSet((eb) => ({
        ...Object.fromEntries(ACCOUNT_UPDATE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
        failed_logins: 0,
        locked_until: null,
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(['id', 'username'])
    .execute();
  return new Map(saved.map((a) => [a.username, a.id]));
}

const NO_PERSONAL_DATA = {
  id_type: null,
  id_number: null,
  birth_date: null,
  address: null,
  commune_code: null,
  org_name: null,
  tax_code: null,
} as const;

async function seedOfficials(trx: Tx, tree: DemoTree, passwordHash: string): Promise<Map<string, string>> {
  const verifiedAt = new Date('2025-07-01T08:00:00+07:00');
  const ids = await upsertAccounts(
    trx,
    DEMO_OFFICIALS.map((o) => ({
      ...NO_PERSONAL_DATA,
      kind: 'official' as const,
      username: o.username,
      email: `${o.username}@thanhhoa.example.vn`,
      phone: null,
      password_hash: passwordHash,
      status: 'active' as const,
      full_name: o.fullName,
      gender: o.gender,
      email_verified_at: verifiedAt,
    })),
  );
  const idOf = (username: string) => {
    const id = ids.get(username);
    if (!id) throw new Error(`account ${username} not saved`);
    return id;
  };

  await trx
    .insertInto('officials')
    .values(
      DEMO_OFFICIALS.map((o) => {
        const agency = agencyOf(tree, o.agency);
        const department = o.department ? tree.departments.get(`${agency.id}:${o.department}`) : undefined;
        if (o.department && !department) throw new Error(`department ${o.department} missing in ${o.agency}`);
        return {
          account_id: idOf(o.username),
          agency_id: agency.id,
          department_id: department ?? null,
          position_code: o.position,
          title: o.title,
        };
      }),
    )
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet((eb) => ({
        agency_id: eb.ref('excluded.agency_id'),
        department_id: eb.ref('excluded.department_id'),
        position_code: eb.ref('excluded.position_code'),
        title: eb.ref('excluded.title'),
      })),
    )
    .execute();

  // Exactly the listed grants: anything else a demo official held is removed.
  const grants = DEMO_OFFICIALS.map((o) => ({
    account_id: idOf(o.username),
    role_code: o.role,
    agency_id: agencyOf(tree, o.grantAgency ?? o.agency).id,
    include_subtree: o.includeSubtree ?? false,
  }));
  await trx
    .insertInto('role_assignments')
    .values(grants)
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'role_code', 'agency_id'])
        .doUpdateSet((eb) => ({ include_subtree: eb.ref('excluded.include_subtree') })),
    )
    .execute();
  await trx
    .deleteFrom('role_assignments')
    .where('account_id', 'in', [...ids.values()])
    .where(
      sql<boolean>`(account_id, role_code, agency_id) not in (${sql.join(grants.map((g) => sql`(${g.account_id}::uuid, ${g.role_code}, ${g.agency_id}::uuid)`))})`,
    )
    .execute();
  return ids;
}

async function seedGroups(trx: Tx, tree: DemoTree, officials: Map<string, string>): Promise<void> {
  for (const g of DEMO_GROUPS) {
    const group = await trx
      .insertInto('user_groups')
      .values({
        agency_id: agencyOf(tree, g.agency).id,
        name: g.name,
        description: g.description,
        role_codes: g.roles,
      })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'name'])
          .doUpdateSet((eb) => ({
            description: eb.ref('excluded.description'),
            role_codes: eb.ref('excluded.role_codes'),
          })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = g.members.map((username) => {
      const id = officials.get(username);
      if (!id) throw new Error(`group member ${username} is not a demo official`);
      return { group_id: group.id, account_id: id };
    });
    await trx
      .insertInto('user_group_members')
      .values(members)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

async function seedApplicants(trx: Tx, passwordHash: string): Promise<number> {
  const verifiedAt = new Date('2025-07-01T08:00:00+07:00');
  const citizens = DEMO_CITIZENS.map((c) => ({
    ...NO_PERSONAL_DATA,
    kind: 'citizen' as const,
    username: c.idNumber,
    email: c.email,
    phone: c.phone,
    password_hash: passwordHash,
    status: 'active' as const,
    full_name: c.fullName,
    id_type: 'CCCD',
    id_number: c.idNumber,
    birth_date: c.birthDate,
    gender: c.gender,
    address: c.address,
    commune_code: c.communeCode,
    email_verified_at: verifiedAt,
  }));
  const organisations = DEMO_ORGANISATIONS.map((o) => ({
    ...NO_PERSONAL_DATA,
    kind: 'organisation' as const,
    username: o.taxCode,
    email: o.email,
    phone: o.phone,
    password_hash: passwordHash,
    status: 'active' as const,
    full_name: o.fullName,
    gender: null,
    address: o.address,
    commune_code: o.communeCode,
    org_name: o.orgName,
    tax_code: o.taxCode,
    email_verified_at: verifiedAt,
  }));
  return (await upsertAccounts(trx, [...citizens, ...organisations])).size;
}
