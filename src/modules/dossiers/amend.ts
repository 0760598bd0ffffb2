import type { EformDefinition, EformField } from '../../domain/eform.ts';
import type { Executor } from '../../db/tx.ts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { defaultEform } from '../eforms/default.ts';
import { assertPostal, attachFiles, upsertApplicant } from './applicants.ts';
import type { DossierContext } from './context.ts';
import { checkOnlineForm } from './online-form.ts';
import { refuse } from './rules.ts';
import type { AmendBody } from './amend-schema.ts';
import type { DossierCaller, DossierRecord } from './store.ts';
import { assertFresh, commitChange, findDossier, lockDossier } from './store.ts';

/**
 * The applicant changes their online dossier before the counter receives it (issue 6, "change,
 * cancel and restore before receipt"): while it is "Mới đăng ký" and not cancelled, its form data,
 * result delivery, applicant details and component files are replaced, checked again against the
 * e-form version it was submitted with. One transaction: lock, owner, status, version, then the new
 * state and one history event (decision 0006: the dossier's chain is the audit trail of its actions).
 * The receiving agency stays: it issued the dossier's code.
 */

const notFound = () => new NotFoundError('Không tìm thấy hồ sơ');

/** The e-form version a dossier was filled in with (none or 0: the built-in default form). */
export async function dossierEform(
  db: Executor,
  row: Pick<DossierRecord, 'procedure_id' | 'procedure_name' | 'eform_version'>,
): Promise<EformDefinition> {
  if (!row.eform_version) return defaultEform(row.procedure_name);
  const v = await db
    .selectFrom('eform_versions')
    .select('definition')
    .where('procedure_id', '=', row.procedure_id)
    .where('version', '=', row.eform_version)
    .executeTakeFirst();
  return v ? (v.definition as unknown as EformDefinition) : defaultEform(row.procedure_name);
}

/** File ids the form data names in its file fields (groups included). */
function formFileIds(fields: readonly EformField[], data: Record<string, unknown>): string[] {
  return fields.flatMap((f) => {
    const v = data[f.key];
    if (!Array.isArray(v)) return [];
    if (f.type === 'file') return v.filter((x): x is string => typeof x === 'string');
    if (f.type === 'group')
      return v.flatMap((item) =>
        item && typeof item === 'object' ? formFileIds(f.fields, item as Record<string, unknown>) : [],
      );
    return [];
  });
}

/** 409 unless the dossier can still be changed by its applicant. */
function assertAmendable(row: DossierRecord): void {
  const what = 'sửa hồ sơ';
  if (row.channel !== 'online') refuse(row, what, 'chỉ hồ sơ nộp trực tuyến mới sửa được trên Cổng');
  if (row.status !== 'moi_dang_ky')
    refuse(row, what, 'Bộ phận một cửa đã tiếp nhận hoặc xử lý hồ sơ, không thể sửa nữa');
  if (row.cancelled_at) refuse(row, what, 'hồ sơ đã bị hủy; hãy khôi phục hồ sơ trước khi sửa');
}

const isOwner = (auth: AuthContext, row: DossierRecord) =>
  row.applicant_account_id !== null && row.applicant_account_id === auth.account.id;

/** What the submission page needs to show the dossier for change: its form, values and files. */
export async function amendForm(db: Executor, auth: AuthContext | undefined, id: string) {
  if (!auth) throw new UnauthenticatedError();
  const row = await findDossier(db, id);
  if (!isOwner(auth, row)) throw notFound();
  const agency = await db
    .selectFrom('agencies')
    .select('name')
    .where('id', '=', row.agency_id)
    .executeTakeFirstOrThrow();
  const files = await db
    .selectFrom('dossier_files')
    .select(['id', 'file_name'])
    .where('dossier_id', '=', row.id)
    .where('kind', '=', 'component')
    .execute();
  let open = true;
  try {
    assertAmendable(row);
  } catch {
    open = false;
  }
  return {
    id: row.id,
    code: row.code,
    open,
    rowVersion: row.row_version,
    procedureCode: row.procedure_code,
    agencyId: row.agency_id,
    agencyName: agency.name,
    definition: await dossierEform(db, row),
    formData: row.form_data,
    resultDelivery: row.result_delivery,
    postal: row.postal,
    fileNames: Object.fromEntries(files.map((f) => [f.id, f.file_name])),
  };
}

export async function amendOnline(
  ctx: DossierContext,
  c: DossierCaller,
  id: string,
  body: AmendBody,
): Promise<void> {
  if (!c.auth) throw new UnauthenticatedError();
  const auth = c.auth;
  if (body.resultDelivery === 'postal' && !body.postal) {
    throw new ValidationError([
      {
        field: 'postal',
        message: 'Thông tin nhận kết quả qua bưu chính (postal) là bắt buộc khi chọn nhận qua bưu chính',
      },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, id);
    // Someone else's dossier does not exist, as far as this caller can tell.
    if (!isOwner(auth, row)) throw notFound();
    assertAmendable(row);
    assertFresh(row, body.rowVersion);
    await assertPostal(trx, body.postal);
    const eform = await dossierEform(trx, row);
    const formData = await checkOnlineForm(trx, eform, body.formData, new Date());
    const attached = await trx
      .selectFrom('dossier_files')
      .select('id')
      .where('dossier_id', '=', row.id)
      .where('kind', '=', 'component')
      .execute();
    const wanted = new Set([
      ...body.fileIds,
      ...formFileIds(
        eform.sections.flatMap((x) => x.fields),
        formData,
      ),
    ]);
    const removed = attached.map((f) => f.id).filter((f) => !wanted.has(f));
    const added = [...wanted].filter((f) => !attached.some((a) => a.id === f));
    // Files taken out go back to the applicant's unattached uploads (kept in their blob store).
    if (removed.length)
      await trx.updateTable('dossier_files').set({ dossier_id: null }).where('id', 'in', removed).execute();
    const files = await attachFiles(trx, row.id, auth.account.id, added, 'component');
    const applicant = { ...body.applicant, kind: row.applicant_kind };
    const ref = await upsertApplicant(trx, applicant);
    const postal = body.resultDelivery === 'postal' ? (body.postal ?? null) : null;
    const changed = Object.keys({ ...row.form_data, ...formData }).filter(
      (k) => JSON.stringify(row.form_data[k] ?? null) !== JSON.stringify(formData[k] ?? null),
    );
    await commitChange(
      trx,
      c.actor,
      row,
      {
        form_data: JSON.stringify(formData),
        result_delivery: body.resultDelivery,
        postal: postal ? JSON.stringify(postal) : null,
        applicant_id: ref.id,
        applicant_name: applicant.fullName,
        applicant_org: applicant.orgName ?? null,
        applicant_id_number: applicant.idNumber,
        applicant_phone: applicant.phone ?? null,
        applicant_email: applicant.email ?? null,
        applicant_address: applicant.address ?? null,
      },
      {
        action: 'amend',
        toStatus: 'moi_dang_ky',
        toStep: row.step_id,
        toHolder: row.holder_id,
        files,
        // Which fields changed, never their values (the history is shown to officials and kept for good).
        details: {
          changedFields: changed,
          resultDelivery: body.resultDelivery,
          removedFiles: removed,
        },
      },
    );
  });
}
