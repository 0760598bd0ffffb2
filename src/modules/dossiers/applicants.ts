import { sql } from 'kysely';
import type { Tx } from '../../db/tx.ts';
import { ValidationError } from '../../errors.ts';
import type { ApplicantInput } from './schema.ts';

/**
 * What a receipt keeps beyond the dossier itself: the applicant as the platform knows them (II.5.7
 * contact information, II.5.9 reuse at the next receipt) and the files uploaded before the decision.
 */

/** The applicant as the system knows them (II.5.7, II.5.9): created or updated with what was given. */
export async function upsertApplicant(
  trx: Tx,
  a: ApplicantInput,
): Promise<{ id: string; accountId: string | null }> {
  // The applicant's account, if they have one, found in the same statement (one round trip less).
  const account = trx
    .selectFrom('accounts')
    .select('id')
    .where(a.kind === 'organisation' ? 'tax_code' : 'id_number', '=', a.idNumber)
    .where('kind', '=', a.kind)
    .limit(1);
  const row = await trx
    .insertInto('applicants')
    .values({
      kind: a.kind,
      id_number: a.idNumber,
      full_name: a.fullName,
      org_name: a.orgName ?? null,
      phone: a.phone ?? null,
      email: a.email ?? null,
      address: a.address ?? null,
      commune_code: a.communeCode ?? null,
      account_id: account,
    })
    .onConflict((oc) =>
      oc.columns(['kind', 'id_number']).doUpdateSet((eb) => ({
        full_name: eb.ref('excluded.full_name'),
        org_name: sql`coalesce(excluded.org_name, applicants.org_name)`,
        phone: sql`coalesce(excluded.phone, applicants.phone)`,
        email: sql`coalesce(excluded.email, applicants.email)`,
        address: sql`coalesce(excluded.address, applicants.address)`,
        commune_code: sql`coalesce(excluded.commune_code, applicants.commune_code)`,
        account_id: sql`coalesce(applicants.account_id, excluded.account_id)`,
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'account_id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, accountId: row.account_id };
}

/** Attaches files uploaded by the caller and not yet attached; anything else is refused, naming it. */
export async function attachFiles(
  trx: Tx,
  dossierId: string,
  uploaderId: string | null,
  fileIds: readonly string[],
  kind: 'component' | 'supplement' | 'result' | 'other',
): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await trx
    .updateTable('dossier_files')
    .set({ dossier_id: dossierId, kind })
    .where('id', 'in', [...fileIds])
    .where('dossier_id', 'is', null)
    .where('uploaded_by', uploaderId === null ? 'is' : '=', uploaderId)
    .returning('id')
    .execute();
  if (rows.length !== new Set(fileIds).size) {
    throw new ValidationError([
      {
        field: 'fileIds',
        message: 'Có tệp đính kèm (fileIds) không tồn tại, đã được đính kèm hoặc không do bạn tải lên',
      },
    ]);
  }
  return rows.map((r) => r.id);
}

/**
 * Postal delivery details (II.11.2, III.15.2): the province and commune must be real units of the
 * shared catalog, the commune inside the province; the error names the field.
 */
export async function assertPostal(
  trx: Tx,
  postal: { provinceCode: string; communeCode: string } | null | undefined,
  field = 'postal',
): Promise<void> {
  if (!postal) return;
  const rows = await trx
    .selectFrom('catalog_items')
    .select(['catalog', 'code', 'parent_code'])
    .where((eb) =>
      eb.or([
        eb.and([eb('catalog', '=', 'province'), eb('code', '=', postal.provinceCode)]),
        eb.and([eb('catalog', '=', 'commune'), eb('code', '=', postal.communeCode)]),
      ]),
    )
    .where('active', '=', true)
    .execute();
  const province = rows.find((r) => r.catalog === 'province');
  const commune = rows.find((r) => r.catalog === 'commune');
  const problems = [];
  if (!province)
    problems.push({
      field: `${field}.provinceCode`,
      message: `Tỉnh, thành phố (${field}.provinceCode) không có trong danh mục`,
    });
  if (!commune)
    problems.push({
      field: `${field}.communeCode`,
      message: `Xã, phường (${field}.communeCode) không có trong danh mục`,
    });
  else if (province && commune.parent_code !== province.code) {
    problems.push({
      field: `${field}.communeCode`,
      message: `Xã, phường (${field}.communeCode) không thuộc tỉnh, thành phố đã chọn`,
    });
  }
  if (problems.length) throw new ValidationError(problems);
}
