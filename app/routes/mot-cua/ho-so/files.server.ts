import {
  DOSSIER_FILE_EXTENSIONS,
  DOSSIER_FILE_LIMITS,
  DOSSIER_FILE_MAX_BYTES,
} from '../../../../src/modules/dossiers/files.ts';
import type { Lang } from '../../../context.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { decodeUpload } from './receipt-fields.ts';
import type { FileLimits, UploadedFile } from './receipt-fields.ts';

/** What every file input shows and checks before sending: the service's own limits. */
export function fileLimits(): FileLimits {
  return {
    text: DOSSIER_FILE_LIMITS,
    maxBytes: DOSSIER_FILE_MAX_BYTES,
    maxMb: DOSSIER_FILE_MAX_BYTES / 1024 / 1024,
    extensions: DOSSIER_FILE_EXTENSIONS,
  };
}

/**
 * Files posted with a form (the no-JavaScript path, and any file still in the input when a form is
 * sent): each goes through the dossier service's upload, which checks type, content and size. With
 * JavaScript the form uploads each file as soon as it is chosen and only sends the kept list.
 */
export async function uploadPosted(
  w: SignedIn,
  form: FormData,
  field: string,
  lang: Lang,
): Promise<{ uploaded: UploadedFile[]; error: string | undefined }> {
  const uploaded: UploadedFile[] = [];
  const problems: string[] = [];
  for (const entry of form.getAll(field)) {
    if (!(entry instanceof File) || entry.size === 0 || !entry.name) continue;
    try {
      uploaded.push(
        await w.services.dossiers.upload(w.auth, {
          name: entry.name,
          bytes: new Uint8Array(await entry.arrayBuffer()),
        }),
      );
    } catch (err) {
      const e = asAppError(err);
      if (e?.code !== 'validation_failed') throw err;
      problems.push(`${entry.name}: ${e.fields?.[0]?.message ?? errorMessage(e, lang)}`);
    }
  }
  return { uploaded, error: problems.length ? problems.join('; ') : undefined };
}

/** The uploads a form already holds (hidden `upload` fields), without those the official removed. */
export function keptUploads(form: FormData, removed: string | null): UploadedFile[] {
  const out: UploadedFile[] = [];
  for (const v of form.getAll('upload')) {
    const f = typeof v === 'string' ? decodeUpload(v) : null;
    if (f && f.id !== removed && !out.some((o) => o.id === f.id)) out.push(f);
  }
  return out.slice(0, 50);
}
