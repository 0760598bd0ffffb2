import { redirect } from 'react-router';
import { DEFAULT_MINUTES_PER_WORKING_DAY } from '../../../../src/domain/process-budget.ts';
import { ActionBody } from '../../../../src/modules/dossiers/schema.ts';
import type { AvailableAction } from '../../../../src/modules/dossiers/schema.ts';
import { translator } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { asAppError, errorMessage, fieldMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { callerOf } from './access.server.ts';
import type { DossierOfficial } from './access.server.ts';
import { ACTION_FIELDS, actionKey } from './action-fields.ts';
import type { ActionValues } from './action-fields.ts';
import { keptUploads, uploadPosted } from './files.server.ts';
import type { UploadedFile } from './receipt-fields.ts';

/** What the dossier page shows after a post that did not go through. */
export interface DossierActionData {
  /** The form it came from. */
  key: string;
  nonce: string;
  values: ActionValues;
  uploads: UploadedFile[];
  errors: FieldErrors;
  formError?: string | undefined;
  /** Someone changed the dossier first (409): the page shows the fresh dossier with this message. */
  conflict?: boolean | undefined;
}

const opt = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);
const num = (s: string | undefined) => (s && s.trim() !== '' ? Number(s.trim().replace(/[.\s]/g, '')) : null);
const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function extensionMinutes(v: ActionValues): number | null {
  const n = num(v.extValue?.replace(',', '.'));
  if (n === null) return null;
  return Math.round(v.extUnit === 'hours' ? n * 60 : n * DEFAULT_MINUTES_PER_WORKING_DAY);
}

/** The body of `a` from the form's values; ActionBody then checks it. */
export function actionInput(
  a: AvailableAction,
  v: ActionValues,
  rowVersion: number,
  fileIds: string[],
): unknown {
  const base = { action: a.action, rowVersion };
  switch (a.action) {
    case 'refuse':
    case 'stop':
    case 'not_returned':
    case 'withdraw':
      return { ...base, reason: v.reason ?? '' };
    case 'request_supplement':
      return {
        ...base,
        reason: v.reason ?? '',
        missingItems: lines(v.missingItems),
        transitionId: a.transitionId,
      };
    case 'supplement':
      return { ...base, channel: v.channel, note: opt(v.note), fileIds };
    case 'pay':
      return { ...base, receipt: opt(v.receipt) };
    case 'assign':
      return { ...base, assigneeId: v.assigneeId ?? '', reason: opt(v.reason) };
    case 'recall':
      return { ...base, reason: opt(v.reason) };
    case 'return_result': {
      const named = opt(v.rName) !== null || opt(v.rIdNumber) !== null;
      return {
        ...base,
        recipient: named
          ? {
              relation: v.relation === 'proxy' ? 'proxy' : 'self',
              name: v.rName ?? '',
              idNumber: (v.rIdNumber ?? '').trim().toUpperCase(),
              authorisation: opt(v.rAuth),
            }
          : null,
        feeReceipt: opt(v.receipt),
      };
    }
    case 'comment':
      return { action: 'comment', text: v.text ?? '', fileIds };
    case 'move':
      return {
        ...base,
        transitionId: a.transitionId,
        assigneeId: opt(v.assigneeId),
        reason: opt(v.reason),
        extensionMinutes: a.needs.includes('extension') ? extensionMinutes(v) : null,
        amount: a.needs.includes('amount') ? num(v.amount) : null,
        missingItems: a.needs.includes('missingItems') ? lines(v.missingItems) : null,
        fileIds,
        ...(a.needs.includes('result') && v.useDraftResult === 'on' ? { useDraftResult: true } : {}),
      };
    default:
      return base;
  }
}

const FIELD_OF: Record<string, string> = {
  extensionMinutes: 'extValue',
  feeReceipt: 'receipt',
  fileIds: 'files',
  file: 'files',
  fileName: 'files',
  transitionId: 'form',
  rowVersion: 'form',
  action: 'form',
};
const RECIPIENT_FIELD: Record<string, string> = {
  relation: 'relation',
  name: 'rName',
  idNumber: 'rIdNumber',
  authorisation: 'rAuth',
};

function fieldOf(path: readonly PropertyKey[]): string {
  const [head, second] = path.map(String);
  if (head === 'recipient') return RECIPIENT_FIELD[second ?? ''] ?? 'rName';
  if (head === 'postal') return 'form';
  return FIELD_OF[head ?? ''] ?? head ?? 'form';
}

function toErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], lang: 'vi' | 'en') {
  const errors: FieldErrors = {};
  let formError: string | undefined;
  for (const i of issues) {
    const f = fieldOf(i.path);
    if (f === 'form') formError ??= i.message;
    else errors[f] ??= fieldMessage(f, i.message, lang);
  }
  return { errors, formError };
}

/**
 * One action on the dossier from its page: the form says which (`key`, checked against what the
 * dossier offers now) and the version it was shown (`rowVersion`). Success goes back to the dossier;
 * a refusal keeps what was typed; a conflict (409) says so over the fresh dossier.
 */
export async function dossierAction(
  w: DossierOfficial,
  request: Request,
  id: string,
): Promise<Response | { status: number; body: DossierActionData }> {
  const t = translator(w.lang);
  const form = await request.formData();
  const { key, intent } = textFields(form, ['key', 'intent']);
  const values: ActionValues = textFields(form, ACTION_FIELDS);
  const kept = keptUploads(form, intent.startsWith('remove:') ? intent.slice('remove:'.length) : null);
  const posted = await uploadPosted(w, form, 'files', w.lang);
  const uploads = [...kept, ...posted.uploaded];
  const answer = (status: number, extra: Partial<DossierActionData> = {}) => ({
    status,
    body: {
      key,
      nonce: crypto.randomUUID(),
      values,
      uploads,
      errors: posted.error ? { files: posted.error } : {},
      ...extra,
    },
  });
  if (intent !== 'do') return answer(posted.error ? 400 : 200);
  if (posted.error) return answer(400);

  const d = await orErrorPage(w.services.dossiers.detail(w.auth, id));
  const a = d.actions.find((x) => actionKey(x) === key);
  if (!a) return answer(409, { conflict: true, formError: t('ds.act.gone') });
  const rowVersion = Number(form.get('rowVersion'));
  if (rowVersion !== d.rowVersion && a.action !== 'comment')
    return answer(409, { conflict: true, formError: t('ds.act.stale') });
  const parsed = ActionBody.safeParse(
    actionInput(
      a,
      values,
      rowVersion,
      uploads.map((u) => u.id),
    ),
  );
  if (!parsed.success) return answer(400, toErrors(parsed.error.issues, w.lang));
  try {
    await w.services.dossiers.act(callerOf(w), id, parsed.data);
    return redirect(`/mot-cua/ho-so/${id}?tb=done`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.code === 'validation_failed' && e.fields?.length)
      return answer(
        400,
        toErrors(
          e.fields.map((f) => ({ path: f.field.replace(/^body\./, '').split('.'), message: f.message })),
          w.lang,
        ),
      );
    if (e.status === 409) return answer(409, { conflict: true, formError: errorMessage(e, w.lang) });
    if (e.status === 403 || e.status === 404 || e.code === 'validation_failed')
      return answer(e.status, { formError: errorMessage(e, w.lang) });
    throw err;
  }
}
