import { sql } from 'kysely';
import type { Tx } from '../../db/tx.ts';

/**
 * Filling the citizen's document store from dossier actions (V.8): called inside the transaction of
 * the action that makes it true, so a document exists exactly when the receipt or the result does.
 * One document per account and content (the unique index): running again adds nothing, and an own
 * upload of the same bytes becomes the verified or issued document.
 */

interface DossierFacts {
  id: string;
  code: string;
  procedure_name: string;
  agency_id: string;
  applicant_account_id: string | null;
}

/**
 * The dossier's files of the given kinds become documents of the applicant's account: `verified`
 * (components the receiving agency accepted) or `result` (the e-results it issued). Nothing when the
 * applicant has no account.
 */
export async function storeDossierFiles(
  trx: Tx,
  dossier: DossierFacts,
  source: 'verified' | 'result',
  at: Date,
): Promise<number> {
  const accountId = dossier.applicant_account_id;
  if (!accountId) return 0;
  const kinds = source === 'result' ? (['result'] as const) : (['component', 'supplement'] as const);
  const files = await trx
    .selectFrom('dossier_files')
    .select(['blob_sha256', 'file_name', 'media_type', 'size', 'component'])
    .where('dossier_id', '=', dossier.id)
    .where('kind', 'in', kinds)
    .orderBy('created_at')
    .execute();
  const seen = new Set<string>();
  const rows = files
    .filter((f) => !seen.has(f.blob_sha256) && Boolean(seen.add(f.blob_sha256)))
    .map((f) => ({
      account_id: accountId,
      blob_sha256: f.blob_sha256,
      file_name: f.file_name,
      media_type: f.media_type,
      size: f.size,
      title: (source === 'result'
        ? `Kết quả: ${dossier.procedure_name}`
        : (f.component ?? f.file_name.replace(/\.[^.]+$/, ''))
      ).slice(0, 300),
      source,
      agency_id: dossier.agency_id,
      verified_at: at,
      dossier_id: dossier.id,
    }));
  if (rows.length === 0) return 0;
  const written = await trx
    .insertInto('citizen_documents')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'blob_sha256'])
        .doUpdateSet((eb) => ({
          source: eb.ref('excluded.source'),
          title: eb.ref('excluded.title'),
          agency_id: eb.ref('excluded.agency_id'),
          verified_at: eb.ref('excluded.verified_at'),
          dossier_id: eb.ref('excluded.dossier_id'),
        }))
        // Only an unverified own upload is upgraded; what an agency already vouched for, or what
        // the owner deleted, stays as it is.
        .where(sql.ref('citizen_documents.source'), '=', 'own')
        .where(sql.ref('citizen_documents.deleted_at'), 'is', null),
    )
    .returning('id')
    .execute();
  return written.length;
}
