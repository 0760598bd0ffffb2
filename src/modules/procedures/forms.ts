import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DOCUMENT_TYPES } from '../../domain/file-types.ts';
import { escapeLike } from '../../domain/text.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { assertCatalogReader, assertEditor } from './store.ts';

/** Largest form template accepted (shown next to the file input). */
export const FORM_MAX_BYTES = 10 * 1024 * 1024;

/** The answer to a form file over FORM_MAX_BYTES, whether the service or the body parser sees it first. */
export function formTooLarge(): ValidationError {
  return new ValidationError([
    { field: 'file', message: `Tệp biểu mẫu (file) vượt quá ${FORM_MAX_BYTES / 1024 / 1024} MB` },
  ]);
}

/**
 * Form templates must be documents a citizen can open, fill and print like the paper form (II.2.1):
 * word-processor, spreadsheet and PDF files. The first bytes are checked, not only the name.
 */
const FORM_TYPES = DOCUMENT_TYPES;
export const FORM_EXTENSIONS = Object.keys(FORM_TYPES);

export interface FormTemplateView {
  code: string;
  name: string;
  legalBasis: string | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  updatedAt: string;
}

/** Form templates (biểu mẫu, II.2.5 a–b): metadata with legal basis, and the downloadable file. */
export class FormTemplates {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  async list(
    auth: AuthContext | undefined,
    opts: { q?: string | undefined; after?: string | undefined; limit: number },
  ): Promise<{ items: FormTemplateView[]; next: string | null }> {
    assertCatalogReader(auth);
    let q = this.db.selectFrom('form_templates').selectAll();
    for (const w of (opts.q ?? '').split(/\s+/).filter(Boolean).slice(0, 6))
      q = q.where(sql<boolean>`vn_fold(code || ' ' || name) like '%' || vn_fold(${escapeLike(w)}) || '%'`);
    if (opts.after) q = q.where('code', '>', opts.after);
    const rows = await q
      .orderBy('code')
      .limit(opts.limit + 1)
      .execute();
    const page = rows.slice(0, opts.limit);
    return { items: page.map(view), next: rows.length > opts.limit ? (page.at(-1)?.code ?? null) : null };
  }

  async get(code: string): Promise<FormTemplateView> {
    const row = await this.db
      .selectFrom('form_templates')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`Không có biểu mẫu mã "${code}"`);
    return view(row);
  }

  /** Creates or renames a template and sets its legal basis. */
  async save(
    auth: AuthContext | undefined,
    actor: Actor,
    input: { code: string; name: string; legalBasis: string | null },
  ): Promise<FormTemplateView> {
    assertEditor(auth);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(input.code))
      throw new ValidationError([
        {
          field: 'body.code',
          message: 'Mã biểu mẫu (code) gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang',
        },
      ]);
    const row = await this.db.transaction().execute(async (trx) => {
      const saved = await trx
        .insertInto('form_templates')
        .values({
          code: input.code,
          name: input.name,
          legal_basis: input.legalBasis,
          updated_by: actor.accountId,
        })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({
            name: input.name,
            legal_basis: input.legalBasis,
            updated_at: new Date(),
            updated_by: actor.accountId,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'form_template.save',
        entityType: 'form_template',
        entityId: input.code,
        after: { name: input.name, legalBasis: input.legalBasis },
      });
      return saved;
    });
    return view(row);
  }

  /** Attaches the file of a template: type checked by extension and content, size by FORM_MAX_BYTES. */
  async upload(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    file: { name: string; bytes: Uint8Array },
  ): Promise<FormTemplateView> {
    assertEditor(auth);
    const fileName = file.name.normalize('NFC').replace(/[/\\]/g, '_').trim().slice(-200);
    const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
    const type = FORM_TYPES[ext];
    if (!type)
      throw new ValidationError([
        {
          field: 'file',
          message: `Tệp biểu mẫu (file) phải là ${FORM_EXTENSIONS.map((e) => `.${e}`).join(', ')}`,
        },
      ]);
    if (file.bytes.length === 0)
      throw new ValidationError([{ field: 'file', message: 'Tệp biểu mẫu (file) rỗng' }]);
    if (file.bytes.length > FORM_MAX_BYTES) throw formTooLarge();
    if (!type.magic(file.bytes))
      throw new ValidationError([
        { field: 'file', message: `Nội dung tệp (file) không phải tệp .${ext} hợp lệ` },
      ]);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('form_templates')
        .select(['code', 'blob_sha256'])
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError(`Không có biểu mẫu mã "${code}"`);
      await trx
        .insertInto('blobs')
        .values({ sha256, media_type: type.media, size: file.bytes.length, content: file.bytes })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const saved = await trx
        .updateTable('form_templates')
        .set({
          file_name: fileName,
          blob_sha256: sha256,
          media_type: type.media,
          size: file.bytes.length,
          updated_at: new Date(),
          updated_by: actor.accountId,
        })
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'form_template.upload',
        entityType: 'form_template',
        entityId: code,
        before: { sha256: before.blob_sha256 },
        after: { sha256, fileName, size: file.bytes.length },
      });
      return saved;
    });
    return view(row);
  }

  /** The file of a template, for download by anyone (forms are public). */
  async file(
    code: string,
  ): Promise<{ fileName: string; mediaType: string; sha256: string; bytes: Uint8Array }> {
    const row = await this.db
      .selectFrom('form_templates as t')
      .innerJoin('blobs as b', 'b.sha256', 't.blob_sha256')
      .select(['t.file_name', 'b.media_type', 'b.sha256', 'b.content'])
      .where('t.code', '=', code)
      .executeTakeFirst();
    if (!row || !row.file_name) throw new NotFoundError(`Biểu mẫu "${code}" chưa có tệp để tải về`);
    return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, bytes: row.content };
  }
}

function view(r: {
  code: string;
  name: string;
  legal_basis: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  blob_sha256: string | null;
  updated_at: Date;
}): FormTemplateView {
  return {
    code: r.code,
    name: r.name,
    legalBasis: r.legal_basis,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.blob_sha256,
    updatedAt: r.updated_at.toISOString(),
  };
}
