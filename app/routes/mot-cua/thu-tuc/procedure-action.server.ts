import { redirect } from 'react-router';
import { translator } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import type { CatalogOfficial } from './access.server.ts';
import { withAnchors } from './editor-paths.ts';

export interface ProcedureActionData {
  intent: 'publish' | 'withdraw';
  errors: FieldErrors;
  formError?: string | undefined;
  /** What is missing before publication, each with its field in the editor. */
  missing?: { field: string; message: string; anchor: string }[] | undefined;
  conflict?: boolean | undefined;
  values: { publishNote: string; withdrawNote: string };
}

/** Publish (công bố) or withdraw the procedure `code`, for a reviewer; problems come back to the page. */
export async function publishOrWithdraw(
  w: CatalogOfficial,
  request: Request,
  code: string,
): Promise<Response | { status: number; body: ProcedureActionData }> {
  const t = translator(w.lang);
  const v = textFields(await request.formData(), ['intent', 'version', 'publishNote', 'withdrawNote']);
  if (v.intent !== 'publish' && v.intent !== 'withdraw') failWith(400);
  const intent = v.intent;
  const values = { publishNote: v.publishNote, withdrawNote: v.withdrawNote };
  const version = Number(v.version);
  if (!Number.isInteger(version) || version < 1) failWith(400);
  const note = (intent === 'publish' ? v.publishNote : v.withdrawNote).trim().slice(0, 500) || null;
  if (intent === 'withdraw' && !note)
    return { status: 400, body: { intent, values, errors: { withdrawNote: t('pa.err.withdrawNote') } } };
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(code)}`;
  try {
    if (intent === 'publish') await w.services.procedures.publish(w.auth, w.actor, code, { version, note });
    else await w.services.procedures.withdraw(w.auth, w.actor, code, { version, note });
    return redirect(`${self}?tb=${intent === 'publish' ? 'published' : 'withdrawn'}`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.code === 'validation_failed' && e.fields) {
      if (intent === 'withdraw')
        return {
          status: 400,
          body: { intent, values, errors: { withdrawNote: e.fields[0]?.message ?? e.message } },
        };
      const p = await w.services.procedures.get(w.auth, code);
      const missing = withAnchors(p.content, e.fields);
      return {
        status: 400,
        body: { intent, values, errors: {}, formError: errorMessage(e, w.lang), missing },
      };
    }
    if (
      ['version_conflict', 'nothing_to_publish', 'not_published', 'forbidden', 'not_found'].includes(e.code)
    )
      return {
        status: e.status,
        body: {
          intent,
          values,
          errors: {},
          formError: errorMessage(e, w.lang),
          conflict: e.code === 'version_conflict',
        },
      };
    throw err;
  }
}
