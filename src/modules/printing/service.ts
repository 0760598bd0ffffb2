import { sql } from 'kysely';
import type { EformDefinition } from '../../domain/eform.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { ModuleDeps } from '../deps.ts';
import type { DossiersService } from '../dossiers/service.ts';
import type { EformsService } from '../eforms/service.ts';
import { catalogCodes, catalogKey, eformDocument } from './eform-pdf.ts';
import { dossierFormPdf, formsOf, registerPdf } from './forms/print.ts';
import type { FormLink, FormsContext } from './forms/print.ts';
import { registerAgencies } from './forms/register.ts';
import type { RegisterQuery } from './forms/register.ts';
import type { DossierDetail } from '../dossiers/schema.ts';
import { checkFonts, notoSansFiles } from './fonts.ts';
import type { FontFiles } from './fonts.ts';
import { PdfRenderer } from './render.ts';
import type { PdfDocument } from './render.ts';

/** A rendered file to send. */
export interface PdfFile {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Names of the catalog items the form data refers to: one query for all of them. */
export async function catalogNames(db: Executor, def: EformDefinition, data: Record<string, unknown>) {
  const wanted = catalogCodes(def, data);
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('catalog_items')
    .select(['catalog', 'code', 'name'])
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('catalog', '=', w.catalog), eb('code', '=', w.code)]))))
    .execute();
  return new Map(rows.map((r) => [catalogKey(r.catalog, r.code), r.name]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const safeName = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '_');

/**
 * Printing (III.1.3, II.12.2): PDFs rendered in process with fonts checked when the platform starts.
 * The filled e-form of a dossier for whoever may read the dossier (the dossier service decides), and
 * the form a signed-in applicant is filling in, before submitting it. Reading changes nothing, so
 * nothing is audited here.
 */
export class PrintingService {
  private readonly deps: ModuleDeps & { dossiers: DossiersService; eforms: EformsService };
  private readonly renderer: PdfRenderer;

  constructor(
    deps: ModuleDeps & { dossiers: DossiersService; eforms: EformsService; fonts?: FontFiles | undefined },
  ) {
    this.deps = deps;
    this.renderer = new PdfRenderer(checkFonts(deps.fonts ?? notoSansFiles()));
  }

  private get db() {
    return this.deps.database.db;
  }

  private get forms(): FormsContext {
    return {
      db: this.db,
      dossiers: this.deps.dossiers,
      portalUrl: this.deps.config.publicUrl,
      render: (doc) => this.renderPdf(doc),
    };
  }

  /** The standard forms (TT 01/2018 Mẫu 01–05) that have arisen for a dossier the caller has read: its page's links. */
  standardFormsOf(dossier: DossierDetail): Promise<FormLink[]> {
    return formsOf(this.forms, dossier);
  }

  /**
   * Standard form `number` of a dossier (II.12.1), for officials who may read it; 404 when it has not
   * arisen. `lan`: the Nth supplement request (Mẫu 02) or refusal (Mẫu 03), 1-based; null: the latest.
   */
  standardForm(
    auth: AuthContext | undefined,
    dossierId: string,
    number: string,
    lan: number | null = null,
  ): Promise<PdfFile> {
    return dossierFormPdf(this.forms, auth, dossierId, number, lan);
  }

  /** Mẫu 06, Sổ theo dõi hồ sơ, of an agency in the official's partition over a period. */
  register(auth: AuthContext | undefined, q: RegisterQuery): Promise<PdfFile> {
    return registerPdf(this.forms, auth, q);
  }

  /** The agencies whose register the official may print (the register form's choice). */
  registerAgencies(auth: AuthContext) {
    return registerAgencies(this.db, auth);
  }

  /** Any document built from the shared blocks (blocks.ts), as PDF bytes. */
  renderPdf(doc: PdfDocument): Promise<Uint8Array<ArrayBuffer>> {
    return this.renderer.render(doc);
  }

  /**
   * The dossier's e-form as filled in, with the form version it was filled with: for whoever may read the
   * dossier (officials outside its partition: 403); an applicant's other dossiers are 404.
   */
  async dossierForm(auth: AuthContext | undefined, dossierId: string): Promise<PdfFile> {
    const d = await this.deps.dossiers.detail(auth, dossierId).catch((err: unknown) => {
      // Applicants learn nothing of other people's dossiers: not theirs is the same 404 as none.
      if (auth?.account.kind !== 'official' && err instanceof ForbiddenError)
        throw new NotFoundError('Không tìm thấy hồ sơ');
      throw err;
    });
    const row = await this.db
      .selectFrom('dossiers')
      .select('eform_version')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    // A dossier received at the counter has no e-form version: print the current form, to fill by hand.
    const form =
      row.eform_version === null
        ? await this.deps.eforms.current(d.procedureCode)
        : await this.deps.eforms.version(d.procedureCode, row.eform_version);
    const data = d.formData;
    const doc = eformDocument({
      definition: form.definition,
      data,
      facts: {
        code: d.code,
        procedureName: d.procedureName,
        agencyName: d.agencyName,
        submittedAt: d.submittedAt,
        applicant: d.applicantOrg ?? d.applicantName,
      },
      names: {
        catalog: await catalogNames(this.db, form.definition, data),
        files: new Map(d.files.map((f) => [f.id, f.fileName])),
      },
      signedAt: new Date(d.submittedAt),
      signer: d.applicantName,
    });
    return { fileName: `to-khai-${safeName(d.code)}.pdf`, bytes: await this.renderPdf(doc) };
  }

  /**
   * The procedure's current e-form with what a signed-in applicant has filled in so far, unchecked
   * (a draft may be incomplete), to print or keep before submitting (III.1.3). `fileNames`: the
   * uploads the form holds, by id. Only published procedures; the agency only if it takes it online.
   */
  async draftForm(
    auth: AuthContext | undefined,
    procedureCode: string,
    input: {
      data: Record<string, unknown>;
      agencyId?: string | null;
      fileNames?: ReadonlyMap<string, string>;
    },
  ): Promise<PdfFile> {
    if (!auth) throw new UnauthenticatedError();
    if (auth.account.kind === 'official') throw new ForbiddenError('Chức năng dành cho người nộp hồ sơ');
    const procedure = await this.db
      .selectFrom('procedures')
      .select(['id', 'code', 'name', 'pub_name', 'status'])
      .where('code', '=', procedureCode)
      .executeTakeFirst();
    if (procedure?.status !== 'published') throw new NotFoundError(`Không có thủ tục mã "${procedureCode}"`);
    const agency =
      input.agencyId && UUID.test(input.agencyId)
        ? await this.db
            .selectFrom('procedure_agencies as pa')
            .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
            .select('a.name')
            .where('pa.procedure_id', '=', procedure.id)
            .where('a.id', '=', input.agencyId)
            .where(sql<boolean>`'online' = any(pa.channels)`)
            .executeTakeFirst()
        : undefined;
    const form = await this.deps.eforms.current(procedure.code);
    const doc = eformDocument({
      definition: form.definition,
      data: input.data,
      facts: { procedureName: procedure.pub_name ?? procedure.name, agencyName: agency?.name ?? null },
      names: {
        catalog: await catalogNames(this.db, form.definition, input.data),
        files: input.fileNames ?? new Map(),
      },
      signedAt: null,
    });
    return { fileName: `to-khai-${safeName(procedure.code)}.pdf`, bytes: await this.renderPdf(doc) };
  }
}
