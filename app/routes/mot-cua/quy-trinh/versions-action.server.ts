import { redirect } from 'react-router';
import { translator } from '../../../i18n/index.ts';
import { isUuid } from '../../../lib/backoffice.server.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import type { ProcessOfficial } from './access.server.ts';

/** What a refused "create draft" or "import" form shows. */
export interface VersionsActionData {
  intent: 'create' | 'import';
  errors: FieldErrors;
  formError?: string | undefined;
  /** Every shape error of a refused file, with its path. */
  problems?: { field: string; message: string }[] | undefined;
}

const MAX_FILE = 1024 * 1024;

/** The service's refusals a person can act on; anything else is a crash (rethrown). */
function refusal(err: unknown, intent: VersionsActionData['intent'], w: ProcessOfficial) {
  const e = asAppError(err);
  if (!e) throw err;
  if (e.code === 'validation_failed' && e.fields)
    return {
      status: 400,
      body: { intent, errors: {}, formError: errorMessage(e, w.lang), problems: e.fields },
    };
  if (['process_draft_exists', 'forbidden', 'not_found', 'agency_inactive', 'conflict'].includes(e.code))
    return { status: e.status, body: { intent, errors: {}, formError: errorMessage(e, w.lang) } };
  throw err;
}

/**
 * Creates a draft (blank, a copy of a version, or of the version in force) or imports a JSON file as
 * a draft, for the procedure `code`, then opens the designer on it.
 */
export async function versionsAction(
  w: ProcessOfficial,
  request: Request,
  code: string,
): Promise<Response | { status: number; body: VersionsActionData }> {
  const t = translator(w.lang);
  const form = await request.formData();
  const intent = form.get('intent');
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  if (intent === 'create') {
    const agency = text('agency');
    const from = text('from');
    if ((agency && !isUuid(agency)) || (from && !isUuid(from))) failWith(400);
    try {
      const id = await w.services.processes.createDraft(w, code, {
        agencyId: agency || null,
        ...(from ? { fromId: from } : {}),
      });
      return redirect(`/mot-cua/quy-trinh/${id}?tb=created`);
    } catch (err) {
      return refusal(err, intent, w);
    }
  }
  if (intent !== 'import') failWith(400);
  const agency = text('importAgency');
  if (agency && !isUuid(agency)) failWith(400);
  const file = form.get('file');
  const refuse = (message: string) => ({
    status: 400,
    body: { intent: 'import' as const, errors: { file: message } },
  });
  if (!(file instanceof File) || file.size === 0) return refuse(t('pr.err.fileMissing'));
  if (file.size > MAX_FILE) return refuse(t('pr.err.tooBig'));
  if (!/\.json$/i.test(file.name) && !/json/.test(file.type)) return refuse(t('pr.err.notJson'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text()) as unknown;
  } catch {
    return refuse(t('pr.err.badJson'));
  }
  try {
    const id = await w.services.processes.importJson(w, code, parsed, { agencyId: agency || null });
    return redirect(`/mot-cua/quy-trinh/${id}?tb=imported`);
  } catch (err) {
    return refusal(err, intent, w);
  }
}
