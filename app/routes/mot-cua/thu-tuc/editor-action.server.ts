import { redirect } from 'react-router';
import type { Lang } from '../../../context.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { CatalogOfficial } from './access.server.ts';
import { readEditor } from './editor-input.server.ts';
import { fieldFor } from './editor-paths.ts';
import type { Origin } from './editor-paths.ts';
import type { EditorValues } from './editor-values.ts';

/** What a refused editor form shows: the values as typed, the problems by field, or a whole-form message. */
export interface EditorActionData {
  values: EditorValues;
  errors: FieldErrors;
  formError?: string | undefined;
  /** Someone else saved since this form was opened (the form offers to reload). */
  conflict?: boolean | undefined;
}

/** A service's refusal as form problems; anything unexpected is rethrown. */
function serviceProblems(err: unknown, origin: Origin, lang: Lang): Omit<EditorActionData, 'values'> {
  const e = asAppError(err);
  if (e?.code === 'validation_failed' && e.fields) {
    const errors: FieldErrors = {};
    for (const f of e.fields) {
      const [head, ...rest] = f.field.replace(/^body\./, '').split('.');
      const path = rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const field = head === 'content' ? fieldFor(path, origin) : (head ?? 'name');
      errors[field] ??= f.message;
    }
    return { errors };
  }
  if (e?.code === 'procedure_exists') return { errors: { code: e.message } };
  if (e?.code === 'version_conflict') return { errors: {}, formError: errorMessage(e, lang), conflict: true };
  if (e?.code === 'forbidden' || e?.code === 'not_found')
    return { errors: {}, formError: errorMessage(e, lang) };
  throw err;
}

/**
 * Saves the editor form: creates the procedure (`code` undefined) or replaces the working draft of
 * `code`, then goes to the procedure's page; a refused form comes back with everything as typed.
 */
export async function saveEditor(
  w: CatalogOfficial,
  request: Request,
  code: string | undefined,
): Promise<Response | { status: number; body: EditorActionData }> {
  const form = await request.formData();
  const read = readEditor(form, code === undefined ? 'create' : 'edit', w.lang);
  if (!read.ok) return { status: 400, body: { values: read.values, errors: read.errors } };
  // The published name of a form follows its template: look it up when the code was changed.
  for (const group of read.content.components)
    for (const item of group.items)
      if (item.formCode && item.formName === null)
        item.formName = await w.services.formTemplates.get(item.formCode).then(
          (f) => f.name,
          () => null,
        );
  try {
    if (code === undefined) {
      await w.services.procedures.create(w.auth, w.actor, { code: read.code, content: read.content });
      return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(read.code)}?tb=created`);
    }
    await w.services.procedures.update(w.auth, w.actor, code, {
      version: read.version,
      content: read.content,
      note: read.note,
    });
    return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(code)}?tb=saved`);
  } catch (err) {
    const problems = serviceProblems(err, read.origin, w.lang);
    return { status: problems.conflict ? 409 : 400, body: { values: read.values, ...problems } };
  }
}
