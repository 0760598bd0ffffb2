import { redirect } from 'react-router';
import type { ApplicantView } from '../../../../src/modules/dossiers/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { callerOf } from './access.server.ts';
import type { DossierOfficial } from './access.server.ts';
import { keptUploads, uploadPosted } from './files.server.ts';
import { communesOf } from './receipt-data.server.ts';
import type { Place } from './receipt-data.server.ts';
import type { ReceiptValues, UploadedFile } from './receipt-fields.ts';
import { parseReceive, readValues, receiptErrors, receiveInput } from './receipt-input.server.ts';

/** What the receipt form shows again after a post that did not create the dossier. */
export interface ReceiptActionData {
  /** Changes on every answer, so the form re-renders with these values (see ReceiptForm). */
  nonce: string;
  values: ReceiptValues;
  uploads: UploadedFile[];
  errors: FieldErrors;
  formError?: string | undefined;
  /** Applicants found by the look-up (II.5.9), when it was asked for. */
  candidates?: ApplicantView[] | undefined;
  communes: Place[];
}

const DECISIONS = ['accept', 'request_supplement', 'refuse'] as const;
type Decision = (typeof DECISIONS)[number];
const isDecision = (s: string): s is Decision => (DECISIONS as readonly string[]).includes(s);

function fillApplicant(values: ReceiptValues, a: ApplicantView): void {
  Object.assign(values, {
    kind: a.kind,
    idNumber: a.idNumber,
    fullName: a.fullName,
    orgName: a.orgName ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    address: a.address ?? '',
    communeCode: a.communeCode ?? '',
  });
}

/** A refusal or a supplement request says why; a supplement request names what is missing. */
function decisionErrors(values: ReceiptValues, decision: Decision, lang: Lang): FieldErrors {
  const t = translator(lang);
  const out: FieldErrors = {};
  if (decision !== 'accept' && !(values.reason ?? '').trim()) out.reason = t('ds.r.err.reason');
  if (decision === 'request_supplement' && !(values.missingItems ?? '').trim())
    out.missingItems = t('ds.r.err.missingItems');
  return out;
}

/**
 * The receipt form's posts. `intent` says what was pressed: look up an applicant, use one of those
 * found, load the communes of a province, upload or remove a file, or decide (accept, ask for a
 * supplement, refuse), which creates the dossier and opens it. Every answer but the last keeps all
 * that was typed and uploaded.
 */
export async function receiptAction(
  w: DossierOfficial,
  request: Request,
): Promise<Response | { status: number; body: ReceiptActionData }> {
  const form = await request.formData();
  const { intent } = textFields(form, ['intent']);
  const { values, componentCount } = readValues(form);
  const kept = keptUploads(form, intent.startsWith('remove:') ? intent.slice('remove:'.length) : null);
  const posted = await uploadPosted(w, form, 'files', w.lang);
  const uploads = [...kept, ...posted.uploaded];
  const errors: FieldErrors = posted.error ? { files: posted.error } : {};
  const answer = async (status: number, extra: Partial<ReceiptActionData> = {}) => ({
    status,
    body: {
      nonce: crypto.randomUUID(),
      values,
      uploads,
      errors,
      communes: await communesOf(w.services, values.pProvince ?? ''),
      ...extra,
    },
  });

  if (intent === 'lookup' || intent.startsWith('use:')) {
    const q = (values.lookup || values.idNumber || values.fullName || '').trim();
    const candidates = q ? await w.services.dossiers.applicants(w.auth, q) : [];
    if (intent === 'lookup') return answer(200, { candidates });
    const chosen = candidates[Number(intent.slice('use:'.length))];
    if (chosen) fillApplicant(values, chosen);
    return answer(200);
  }
  if (!isDecision(intent)) return answer(posted.error ? 400 : 200);
  if (posted.error) return answer(400);

  const parsed = parseReceive(receiveInput(values, componentCount, uploads, intent));
  // What the decision itself needs is checked with the rest, so every problem shows at once.
  const needs = decisionErrors(values, intent, w.lang);
  if (!parsed.success || Object.keys(needs).length) {
    const found = parsed.success
      ? { errors: {}, formError: undefined }
      : receiptErrors(parsed.error.issues, w.lang);
    return answer(400, { errors: { ...found.errors, ...needs }, formError: found.formError });
  }
  try {
    const id = await w.services.dossiers.receive(callerOf(w), parsed.data);
    return redirect(`/mot-cua/ho-so/${id}?tb=${intent}`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.code === 'validation_failed' && e.fields?.length) {
      const found = receiptErrors(
        e.fields.map((f) => ({ path: f.field.replace(/^body\./, '').split('.'), message: f.message })),
        w.lang,
      );
      return answer(400, { errors: found.errors, formError: found.formError });
    }
    if (e.status === 403 || e.status === 404 || e.status === 409 || e.code === 'validation_failed')
      return answer(e.status, { formError: errorMessage(e, w.lang) });
    throw err;
  }
}
