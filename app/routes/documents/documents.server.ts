import { redirect } from 'react-router';
import { formatDateTime } from '../../../src/domain/datetime.ts';
import { translator } from '../../i18n/index.ts';
import type { SignedIn } from '../../lib/auth.server.ts';
import { asAppError, errorMessage } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import { textFields } from '../../lib/forms.ts';
import { fileLimits } from '../mot-cua/ho-so/files.server.ts';

/** Loader and action of "Kho dữ liệu của tôi" (/kho-du-lieu; V.8, III.1.1). */

export async function documentsData(w: SignedIn) {
  const items = await w.services.documents.list(w.auth);
  return {
    limits: fileLimits(),
    items: items.map((d) => ({
      id: d.id,
      title: d.title,
      fileName: d.fileName,
      size: d.size,
      source: d.source,
      agencyName: d.agencyName,
      dossierCode: d.dossierCode,
      // Verified or issued: the agency's date; an own upload: when it was uploaded.
      date: formatDateTime(d.verifiedAt ?? d.createdAt),
    })),
  };
}

export interface DocumentsActionData {
  confirm?: { id: string; title: string } | undefined;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  title?: string | undefined;
}

/**
 * `upload` (title, file), `confirm` (id: asks before deleting, the same with or without JavaScript),
 * `delete` (id). Successes redirect, so a reload does not post again.
 */
export async function documentsAction(
  w: SignedIn,
  request: Request,
): Promise<DocumentsActionData | Response> {
  const t = translator(w.lang);
  const form = await request.formData();
  const { intent, id, title } = textFields(form, ['intent', 'id', 'title']);
  const c = { auth: w.auth, actor: { ...w.actor, name: w.auth.account.fullName } };
  if (intent === 'confirm') {
    const doc = (await w.services.documents.list(w.auth)).find((d) => d.id === id);
    return doc ? { confirm: { id: doc.id, title: doc.title } } : { formError: t('doc.gone') };
  }
  if (intent === 'delete') {
    try {
      await w.services.documents.remove(c, id);
    } catch (err) {
      if (asAppError(err)?.status === 404) return { formError: t('doc.gone') };
      throw err;
    }
    return redirect('/kho-du-lieu?tb=deleted');
  }
  if (intent !== 'upload') return {};
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0 || !file.name)
    return { errors: { file: t('doc.chooseFile') }, title };
  try {
    await w.services.documents.upload(c, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      title: title.trim() || undefined,
    });
  } catch (err) {
    const e = asAppError(err);
    if (e?.code !== 'validation_failed') throw err;
    const message = (e.fields?.[0]?.message ?? errorMessage(e, w.lang)).replace(/ \((file|fileName)\)/, '');
    return { errors: { file: `${file.name}: ${message}` }, title };
  }
  return redirect('/kho-du-lieu?tb=uploaded');
}
