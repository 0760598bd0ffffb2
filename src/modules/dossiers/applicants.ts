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
  const account = await trx
    .selectFrom('accounts')
    .select('id')
    .where(a.kind === 'organisation' ? 'tax_code' : 'id_number', '=', a.idNumber)
    .where('kind', '=', a.kind)
    .executeTakeFirst();
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
      account_id: account?.id ?? null,
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
