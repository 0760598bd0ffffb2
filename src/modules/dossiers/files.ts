import { createHash } from 'node:crypto';
import { DOCUMENT_TYPES, extensionOf, IMAGE_TYPES } from '../../domain/file-types.ts';
import type { FileType } from '../../domain/file-types.ts';
import { toNfc } from '../../domain/text.ts';
import type { Executor } from '../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { readableStanding } from './rules.ts';
import { findDossier, officialPlace } from './store.ts';

/**
 * Dossier attachments (II.5.2, V.24): scanned components, supplements, drafts and results. Type is
 * checked by extension and content, size by DOSSIER_FILE_MAX_BYTES, before anything is stored; the
 * content goes to the content-addressed blob store. An upload stays the uploader's until an action
 * attaches it to a dossier in its own transaction.
 */

export const DOSSIER_FILE_MAX_BYTES = 10 * 1024 * 1024;
const TYPES: Readonly<Record<string, FileType>> = { ...DOCUMENT_TYPES, ...IMAGE_TYPES };
export const DOSSIER_FILE_EXTENSIONS = Object.keys(TYPES);
/** Shown next to every file input. */
export const DOSSIER_FILE_LIMITS = `Tối đa ${DOSSIER_FILE_MAX_BYTES / 1024 / 1024} MB mỗi tệp; định dạng ${DOSSIER_FILE_EXTENSIONS.join(', ')}`;

export function fileTooLarge(): ValidationError {
  return new ValidationError([
    { field: 'file', message: `Tệp đính kèm (file) vượt quá ${DOSSIER_FILE_MAX_BYTES / 1024 / 1024} MB` },
  ]);
}

export interface UploadedFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/**
 * The checks every upload passes (name, extension, size, type by content), shared with the citizen's
 * document store; returns the cleaned name, the media type and the content hash.
 */
export function inspectUpload(file: { name: string; bytes: Uint8Array }): {
  name: string;
  mediaType: string;
  sha256: string;
} {
  const name = toNfc(file.name.trim()).replace(/[\\/]/g, '_').slice(0, 200);
  const ext = extensionOf(name);
  const type = TYPES[ext];
  if (!type) {
    throw new ValidationError([
      {
        field: 'fileName',
        message: `Định dạng tệp (fileName) không được chấp nhận; chỉ nhận ${DOSSIER_FILE_EXTENSIONS.join(', ')}`,
      },
    ]);
  }
  if (file.bytes.length === 0)
    throw new ValidationError([{ field: 'file', message: 'Tệp đính kèm (file) rỗng' }]);
  if (file.bytes.length > DOSSIER_FILE_MAX_BYTES) throw fileTooLarge();
  if (!type.magic(file.bytes)) {
    throw new ValidationError([
      { field: 'file', message: `Nội dung tệp (file) không phải là tệp .${ext} hợp lệ` },
    ]);
  }
  return { name, mediaType: type.media, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

export async function uploadFile(
  db: Executor,
  auth: AuthContext | undefined,
  file: { name: string; bytes: Uint8Array; component?: string | null | undefined },
): Promise<UploadedFile> {
  if (!auth) throw new UnauthenticatedError();
  const { name, sha256, mediaType } = inspectUpload(file);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('blobs')
      .values({ sha256, media_type: mediaType, size: file.bytes.length, content: file.bytes })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const row = await trx
      .insertInto('dossier_files')
      .values({
        kind: 'component',
        component: file.component ?? null,
        file_name: name,
        blob_sha256: sha256,
        media_type: mediaType,
        size: file.bytes.length,
        uploaded_by: auth.account.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, fileName: name, mediaType: mediaType, size: file.bytes.length };
  });
}

/**
 * A document the platform made itself (the result drawn from a template), stored like an upload and
 * attached to the dossier in the caller's transaction; returns its id.
 */
export async function storeMadeFile(
  trx: Executor,
  file: { dossierId: string; kind: 'result'; fileName: string; bytes: Uint8Array; madeBy: string },
): Promise<string> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await trx
    .insertInto('blobs')
    .values({ sha256, media_type: 'application/pdf', size: file.bytes.length, content: file.bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const row = await trx
    .insertInto('dossier_files')
    .values({
      dossier_id: file.dossierId,
      kind: file.kind,
      file_name: file.fileName,
      blob_sha256: sha256,
      media_type: 'application/pdf',
      size: file.bytes.length,
      uploaded_by: file.madeBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A file's content for whoever may read its dossier (or uploaded it and has not attached it yet). */
export async function readFile(
  db: Executor,
  auth: AuthContext | undefined,
  fileId: string,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  if (!auth) throw new UnauthenticatedError();
  const row = await db
    .selectFrom('dossier_files as f')
    .innerJoin('blobs as b', 'b.sha256', 'f.blob_sha256')
    .select(['f.dossier_id', 'f.uploaded_by', 'f.file_name', 'f.media_type', 'b.content'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Không tìm thấy tệp');
  if (row.dossier_id) {
    const dossier = await findDossier(db, row.dossier_id);
    const place = auth.account.kind === 'official' ? await officialPlace(db, auth) : null;
    await readableStanding(db, auth, place, dossier);
  } else if (row.uploaded_by !== auth.account.id) {
    throw new ForbiddenError('Tệp không thuộc hồ sơ bạn được xem');
  }
  return { fileName: row.file_name, mediaType: row.media_type, bytes: row.content };
}
