import { extensionOf } from '../../domain/file-types.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { inspectUpload } from '../dossiers/files.ts';
import type { UploadedFile } from '../dossiers/files.ts';
import type { DocumentView, ReuseBody } from './schema.ts';

interface Caller {
  auth: AuthContext | undefined;
  actor: Actor;
}

const NOT_FOUND = 'Không tìm thấy giấy tờ trong kho dữ liệu của bạn';

function owner(auth: AuthContext | undefined): string {
  if (!auth) throw new UnauthenticatedError();
  if (auth.account.kind === 'official')
    throw new ForbiddenError('Kho dữ liệu dành cho tài khoản công dân, tổ chức');
  return auth.account.id;
}

const ext = (e: string) => e.toLowerCase().replace(/^\./, '');

/**
 * The citizen's document store (kho dữ liệu cá nhân; V.8, III.1.1 once-only): results issued and
 * components verified by agencies (filled by the dossier actions, see store.ts) and the owner's own
 * uploads, listed, downloaded, deleted by the owner and reused in a new dossier without uploading
 * again. Only the owner ever sees a document: anyone else gets the same 404 as for a missing one.
 */
export class DocumentsService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  async list(auth: AuthContext | undefined): Promise<DocumentView[]> {
    const accountId = owner(auth);
    const rows = await this.db
      .selectFrom('citizen_documents as d')
      .leftJoin('agencies as a', 'a.id', 'd.agency_id')
      .leftJoin('dossiers as x', 'x.id', 'd.dossier_id')
      .select([
        'd.id',
        'd.title',
        'd.file_name',
        'd.media_type',
        'd.size',
        'd.source',
        'a.name as agency_name',
        'd.verified_at',
        'x.code as dossier_code',
        'd.created_at',
      ])
      .where('d.account_id', '=', accountId)
      .where('d.deleted_at', 'is', null)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      fileName: r.file_name,
      mediaType: r.media_type,
      size: r.size,
      source: r.source,
      agencyName: r.agency_name,
      verifiedAt: r.verified_at?.toISOString() ?? null,
      dossierCode: r.dossier_code,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** An own upload, with the same checks as a dossier's (type by content, size). */
  async upload(c: Caller, file: { name: string; bytes: Uint8Array; title?: string | undefined }) {
    const accountId = owner(c.auth);
    const { name, mediaType, sha256 } = inspectUpload(file);
    const title = (file.title?.trim() || name.replace(/\.[^.]+$/, '')).slice(0, 300);
    const id = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('blobs')
        .values({ sha256, media_type: mediaType, size: file.bytes.length, content: file.bytes })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      // The same bytes again: the existing document (deleted or not) comes back under the new name;
      // a verified one stays verified, as its content is what the agency vouched for.
      const row = await trx
        .insertInto('citizen_documents')
        .values({
          account_id: accountId,
          blob_sha256: sha256,
          file_name: name,
          media_type: mediaType,
          size: file.bytes.length,
          title,
          source: 'own',
        })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'blob_sha256'])
            .doUpdateSet({ deleted_at: null, title, created_at: new Date() }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, c.actor, {
        action: 'document.upload',
        entityType: 'citizen_document',
        entityId: row.id,
        details: { fileName: name, size: file.bytes.length },
      });
      return row.id;
    });
    const item = (await this.list(c.auth)).find((d) => d.id === id);
    if (!item) throw new NotFoundError(NOT_FOUND);
    return item;
  }

  async remove(c: Caller, id: string): Promise<void> {
    const accountId = owner(c.auth);
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('citizen_documents')
        .set({ deleted_at: new Date() })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('deleted_at', 'is', null)
        .returning(['id', 'file_name'])
        .executeTakeFirst();
      if (!row) throw new NotFoundError(NOT_FOUND);
      await appendAudit(trx, c.actor, {
        action: 'document.delete',
        entityType: 'citizen_document',
        entityId: id,
        details: { fileName: row.file_name },
      });
    });
  }

  async read(auth: AuthContext | undefined, id: string) {
    const accountId = owner(auth);
    const row = await this.db
      .selectFrom('citizen_documents as d')
      .innerJoin('blobs as b', 'b.sha256', 'd.blob_sha256')
      .select(['d.file_name', 'd.media_type', 'b.content'])
      .where('d.id', '=', id)
      .where('d.account_id', '=', accountId)
      .where('d.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(NOT_FOUND);
    return { fileName: row.file_name, mediaType: row.media_type, bytes: row.content };
  }

  /**
   * Reuse in a new dossier (III.1.1): an upload of the caller made from the stored blob, not yet
   * attached, exactly as if the file had been uploaded again; checked against the form field's
   * formats and size when given (problems name `rules.field`, else `documentId`).
   */
  async reuse(c: Caller, id: string, rules: ReuseBody = {}): Promise<UploadedFile> {
    const accountId = owner(c.auth);
    return this.db.transaction().execute(async (trx) => {
      const doc = await trx
        .selectFrom('citizen_documents')
        .select(['id', 'title', 'file_name', 'media_type', 'size', 'blob_sha256'])
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!doc) throw new NotFoundError(NOT_FOUND);
      const field = rules.field ?? 'documentId';
      const allowed = rules.extensions?.map(ext);
      if (allowed && !allowed.includes(extensionOf(doc.file_name))) {
        throw new ValidationError([
          { field, message: `${doc.file_name} (${field}): chỉ nhận định dạng ${allowed.join(', ')}` },
        ]);
      }
      if (rules.maxBytes !== undefined && doc.size > rules.maxBytes) {
        throw new ValidationError([
          { field, message: `${doc.file_name} (${field}): vượt quá ${Math.round(rules.maxBytes / 1024)} KB` },
        ]);
      }
      const row = await trx
        .insertInto('dossier_files')
        .values({
          kind: 'component',
          component: doc.title,
          file_name: doc.file_name,
          blob_sha256: doc.blob_sha256,
          media_type: doc.media_type,
          size: doc.size,
          uploaded_by: accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, c.actor, {
        action: 'document.reuse',
        entityType: 'citizen_document',
        entityId: doc.id,
        details: { fileId: row.id },
      });
      return { id: row.id, fileName: doc.file_name, mediaType: doc.media_type, size: doc.size };
    });
  }
}
