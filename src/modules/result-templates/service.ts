import { formatDate } from '../../domain/datetime.ts';
import { availablePlaceholders, templateProblems } from '../../domain/result-template.ts';
import type { Placeholder, ResultTemplate } from '../../domain/result-template.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import type { Executor } from '../../db/tx.ts';
import type { DraftResult } from '../dossiers/context.ts';
import type { DossierDetail } from '../dossiers/schema.ts';
import type { DossiersService } from '../dossiers/service.ts';
import type { EformsService } from '../eforms/service.ts';
import { printedValue } from '../printing/eform-pdf.ts';
import { resultDocument } from '../printing/result-pdf.ts';
import { catalogNames } from '../printing/service.ts';
import type { PdfFile, PrintingService } from '../printing/service.ts';
import { assertCatalogReader } from '../procedures/store.ts';
import { assertEditor, findProcedure, lockProcedure } from '../processes/store.ts';
import { sampleValues } from './sample.ts';
import type { ResultTemplateView } from './schema.ts';

type Deps = ModuleDeps & { dossiers: DossiersService; eforms: EformsService; printing: PrintingService };

const safeName = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '_');
const day = (iso: string | null) => (iso ? formatDate(iso) : '');

/** The template an editor starts from before any is saved: a generic certificate, to adapt. */
export const STARTER: ResultTemplate = {
  title: 'Giấy chứng nhận',
  body: [
    'Căn cứ hồ sơ số {{hoSo.ma}} về thủ tục {{thuTuc.ten}}, tiếp nhận ngày {{hoSo.ngayTiepNhan}};',
    '',
    '{{coQuan.ten}} chứng nhận:',
    '- Họ và tên: {{nguoiNop.hoTen}}',
    '- Số giấy tờ tùy thân: {{nguoiNop.soGiayTo}}',
    '- Địa chỉ: {{nguoiNop.diaChi}}',
  ].join('\n'),
  signerTitle: 'Thủ trưởng cơ quan',
  signerName: '',
};

/**
 * Result templates of procedures (mẫu kết quả, II.2.5 c): the current version (or the starter until an
 * editor saves one), saving a new version (`procedures.edit` at the top level, as for the e-form; every
 * placeholder checked against the procedure's current e-form; audited), a preview with sample data or
 * a dossier's, and the draft result of a dossier for the officials who may read it. Printing reads
 * and changes nothing, so it is not audited.
 */
export class ResultTemplatesService {
  private readonly deps: Deps;

  constructor(deps: Deps) {
    this.deps = deps;
    // The finish step may take this service's draft as the result; the dossiers come first, so the
    // draft is handed to them here rather than at their construction.
    deps.dossiers.bindDraftResults((trx, d) => this.resultFor(trx, d));
  }

  private get db() {
    return this.deps.database.db;
  }

  async current(auth: AuthContext | undefined, procedureCode: string): Promise<ResultTemplateView> {
    assertCatalogReader(auth);
    return this.currentOf(procedureCode);
  }

  private async currentOf(procedureCode: string, db: Executor = this.db): Promise<ResultTemplateView> {
    const procedure = await findProcedure(db, procedureCode);
    const row = await db
      .selectFrom('result_templates')
      .selectAll()
      .where('procedure_id', '=', procedure.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const placeholders = await this.placeholders(procedure.code, db);
    if (!row)
      return { procedureCode: procedure.code, version: 0, template: STARTER, updatedAt: null, placeholders };
    return {
      procedureCode: procedure.code,
      version: row.version,
      template: {
        title: row.title,
        body: row.body,
        signerTitle: row.signer_title,
        signerName: row.signer_name,
      },
      updatedAt: row.created_at.toISOString(),
      placeholders,
    };
  }

  /** What a template of the procedure may use, with the procedure's current e-form. */
  async placeholders(procedureCode: string, db: Executor = this.db): Promise<Placeholder[]> {
    return availablePlaceholders((await this.deps.eforms.current(procedureCode, db)).definition);
  }

  private async check(procedureCode: string, template: ResultTemplate) {
    const known = new Set((await this.placeholders(procedureCode)).map((p) => p.name));
    const problems = templateProblems(template, known);
    if (problems.length) throw new ValidationError(problems, 'Mẫu kết quả còn lỗi');
  }

  /** Saves a new version; `baseVersion`: the version the editor started from (409 when stale). */
  async save(
    c: { auth: AuthContext | undefined; actor: Actor },
    procedureCode: string,
    input: { template: ResultTemplate; baseVersion: number },
  ): Promise<ResultTemplateView> {
    await assertEditor(this.db, c.auth, null);
    await this.check(procedureCode, input.template);
    const t = input.template;
    await this.db.transaction().execute(async (trx) => {
      const procedure = await lockProcedure(trx, procedureCode);
      const last = await trx
        .selectFrom('result_templates')
        .select('version')
        .where('procedure_id', '=', procedure.id)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const current = last?.version ?? 0;
      if (current !== input.baseVersion)
        throw new ConflictError(
          'Mẫu kết quả vừa được người khác sửa; vui lòng tải lại',
          'stale_result_template',
        );
      const version = current + 1;
      await trx
        .insertInto('result_templates')
        .values({
          procedure_id: procedure.id,
          version,
          title: t.title.trim(),
          body: t.body,
          signer_title: t.signerTitle.trim(),
          signer_name: t.signerName.trim(),
          created_by: c.actor.accountId,
        })
        .execute();
      await appendAudit(trx, c.actor, {
        action: 'result_template.save',
        entityType: 'procedure',
        entityId: procedure.id,
        details: { code: procedure.code, version },
      });
    });
    return this.currentOf(procedureCode);
  }

  /** The values of a dossier's placeholders: its facts and its e-form's values as printed. */
  private async dossierValues(
    d: DossierDetail,
    t: ResultTemplate,
    db: Executor = this.db,
  ): Promise<Map<string, string>> {
    const row = await db
      .selectFrom('dossiers')
      .select('eform_version')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const form =
      row.eform_version === null
        ? await this.deps.eforms.current(d.procedureCode, db)
        : await this.deps.eforms.version(d.procedureCode, row.eform_version, db);
    const names = {
      catalog: await catalogNames(db, form.definition, d.formData),
      files: new Map(d.files.map((f) => [f.id, f.fileName])),
    };
    const values = new Map<string, string>([
      ['hoSo.ma', d.code],
      ['nguoiNop.hoTen', d.applicantOrg ?? d.applicantName],
      ['nguoiNop.soGiayTo', d.applicant.idNumber],
      ['nguoiNop.diaChi', d.applicant.address ?? ''],
      ['thuTuc.ten', d.procedureName],
      ['coQuan.ten', d.agencyName],
      ['hoSo.ngayTiepNhan', day(d.receivedAt)],
      ['hoSo.ngayHenTra', day(d.appointmentAt)],
      ['hoSo.ngayHoanThanh', day(d.completedAt)],
      ['nguoiKy.chucDanh', t.signerTitle],
    ]);
    for (const s of form.definition.sections)
      for (const f of s.fields)
        if (f.type !== 'group') values.set(`form.${f.key}`, printedValue(f, d.formData[f.key], names));
    return values;
  }

  /** A dossier the official may read (403 outside the partition), found by its code. */
  private async readable(auth: AuthContext | undefined, by: { id?: string; code?: string }) {
    if (!auth) throw new UnauthenticatedError();
    if (auth.account.kind !== 'official') throw new ForbiddenError('Chức năng dành cho cán bộ, công chức');
    const row = by.id
      ? { id: by.id }
      : await this.db
          .selectFrom('dossiers')
          .select('id')
          .where('code', '=', by.code ?? '')
          .executeTakeFirst();
    if (!row) throw new NotFoundError(`Không có hồ sơ mã "${by.code}"`);
    return this.deps.dossiers.detail(auth, row.id);
  }

  private async pdf(template: ResultTemplate, values: Map<string, string>, d: DossierDetail | null) {
    const doc = resultDocument({
      template,
      values,
      agencyName: d?.agencyName ?? values.get('coQuan.ten') ?? null,
      date: d ? new Date() : null,
      reference: d?.code ?? '(mẫu)',
    });
    return this.deps.printing.renderPdf(doc);
  }

  /**
   * The template as typed (unsaved), checked, filled with sample data or with the dossier `dossierCode`
   * (one the editor may read), as PDF: editors only.
   */
  async preview(
    auth: AuthContext | undefined,
    procedureCode: string,
    input: { template: ResultTemplate; dossierCode?: string | null | undefined },
  ): Promise<PdfFile> {
    await assertEditor(this.db, auth, null);
    const procedure = await findProcedure(this.db, procedureCode);
    await this.check(procedure.code, input.template);
    const code = input.dossierCode?.trim();
    if (!code) {
      const values = sampleValues(await this.placeholders(procedure.code), procedure.name, input.template);
      const bytes = await this.pdf(input.template, values, null);
      return { fileName: `mau-ket-qua-${safeName(procedure.code)}.pdf`, bytes };
    }
    const d = await this.readable(auth, { code });
    if (d.procedureCode !== procedure.code)
      throw new ValidationError(
        [{ field: 'dossierCode', message: `Mã hồ sơ (dossierCode): hồ sơ ${code} không thuộc thủ tục này` }],
        'Hồ sơ không thuộc thủ tục',
      );
    const bytes = await this.pdf(input.template, await this.dossierValues(d, input.template), d);
    return { fileName: `du-thao-ket-qua-${safeName(d.code)}.pdf`, bytes };
  }

  /** Whether the procedure has a saved template (the dossier page offers the draft only then). */
  async hasTemplate(procedureCode: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('result_templates as r')
      .innerJoin('procedures as p', 'p.id', 'r.procedure_id')
      .select('r.version')
      .where('p.code', '=', procedureCode)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The draft result of a dossier from its procedure's saved template: officials who may read it. */
  async draft(auth: AuthContext | undefined, dossierId: string): Promise<PdfFile> {
    const d = await this.readable(auth, { id: dossierId });
    const current = await this.currentOf(d.procedureCode);
    if (current.version === 0)
      throw new NotFoundError(
        `Thủ tục ${d.procedureCode} chưa có mẫu kết quả; biên tập viên cần soạn mẫu trước`,
      );
    const bytes = await this.pdf(current.template, await this.dossierValues(d, current.template), d);
    return { fileName: `du-thao-ket-qua-${safeName(d.code)}.pdf`, bytes };
  }

  /**
   * The same document as `draft`, as the dossier's result at the finish step (DossiersService binds
   * this): read inside the action's transaction `trx`, for a dossier the action has already read with
   * the caller's rights; null while the procedure has no template.
   */
  async resultFor(trx: Executor, d: DossierDetail): Promise<DraftResult | null> {
    const current = await this.currentOf(d.procedureCode, trx);
    if (current.version === 0) return null;
    const bytes = await this.pdf(current.template, await this.dossierValues(d, current.template, trx), d);
    return { fileName: `ket-qua-${safeName(d.code)}.pdf`, bytes, templateVersion: current.version };
  }
}
