import { redirect } from 'react-router';
import { formatDateTime } from '../../../src/domain/datetime.ts';
import { ActionBody } from '../../../src/modules/dossiers/schema.ts';
import { web } from '../../context.ts';
import type { WebContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { orErrorPage } from '../../lib/backoffice.server.ts';
import type { SignedIn } from '../../lib/auth.server.ts';
import { asAppError, errorMessage } from '../../lib/errors.ts';
import { pathOf, textFields } from '../../lib/forms.ts';
import { dossierView } from '../mot-cua/ho-so/dossier-view.server.ts';
import { fileLimits, keptUploads, uploadPosted } from '../mot-cua/ho-so/files.server.ts';
import type { UploadedFile } from '../mot-cua/ho-so/receipt-fields.ts';
import { myDrafts } from './drafts.server.ts';
import { formSummary } from './form-summary.server.ts';

/** Loaders and actions of "Hồ sơ của tôi" (III.4.2, III.5.1 a, III.5.2 a). */

/** What the applicant may do from the portal, in display order. */
export const MY_ACTIONS = ['supplement', 'cancel', 'restore', 'withdraw'] as const;
export type MyAction = (typeof MY_ACTIONS)[number];
const isMyAction = (s: string): s is MyAction => (MY_ACTIONS as readonly string[]).includes(s);

type Gate = { ok: true; w: SignedIn } | { ok: false; signIn: string; official: boolean };

/** The signed-in citizen or organisation; otherwise where to sign in to come back here. */
export function applicantGate(w: WebContext, request: Request): Gate {
  if (w.auth && w.auth.account.kind !== 'official') return { ok: true, w: w as SignedIn };
  return {
    ok: false,
    signIn: `/dang-nhap?next=${encodeURIComponent(pathOf(request))}`,
    official: w.auth?.account.kind === 'official',
  };
}

const at = (s: string | null) => (s ? formatDateTime(s) : null);

export async function listData(w: SignedIn, request: Request) {
  const url = new URL(request.url);
  const cursor = url.searchParams.get('sau');
  const [page, notices, drafts] = await Promise.all([
    w.services.dossiers.mine(w.auth, { cursor, limit: 20 }),
    w.services.dossiers.notices(w.auth, { unread: true, limit: 10 }),
    myDrafts(w),
  ]);
  return {
    paged: Boolean(cursor),
    nextCursor: page.nextCursor,
    items: page.items.map((d) => ({
      ...d,
      submittedAt: formatDateTime(d.submittedAt),
      appointmentAt: at(d.appointmentAt),
    })),
    notices: notices.map((n) => ({ ...n, createdAt: formatDateTime(n.createdAt) })),
    drafts,
  };
}

/** Marks one notice (`id`) or all of them read, then shows the list again. */
export async function markRead(w: SignedIn, request: Request) {
  const { intent, id } = textFields(await request.formData(), ['intent', 'id']);
  await w.services.dossiers.readNotices(w.auth, intent === 'read-all' ? 'all' : [Number(id)]);
  return redirect('/ho-so-cua-toi?tb=read');
}

export async function detailData(w: SignedIn, id: string) {
  const d = await orErrorPage(w.services.dossiers.detail(w.auth, id));
  const v = dossierView(d);
  const t = translator(w.lang);
  const mine = await w.services.dossiers.amendForm(w.auth, id);
  return {
    form: await formSummary(w, mine.definition, mine.formData, {
      yes: t('sb.yes'),
      no: t('sb.no'),
      item: (label, n) => t('sb.item', { label, n }),
    }),
    ...v,
    statusLabel: d.statusLabel,
    results: v.files.filter((f) => f.kind === 'result'),
    actions: d.actions.map((a) => a.action).filter(isMyAction),
    // Changing the dossier before receipt happens on the submission page.
    amendUrl: d.actions.some((a) => a.action === 'amend')
      ? `/nop-ho-so/${encodeURIComponent(d.procedureCode)}?sua=${d.id}`
      : null,
    limits: fileLimits(),
  };
}

export interface MyActionData {
  action: string;
  reason: string;
  note: string;
  uploads: UploadedFile[];
  fileError?: string | undefined;
  formError?: string | undefined;
  conflict?: boolean | undefined;
}

/**
 * One action from the dossier page: `intent=do` with `key` (the action) and the `rowVersion` shown;
 * without JavaScript, `intent=upload` / `remove:<id>` only update the files of the supplement form.
 */
export async function myAction(w: SignedIn, request: Request, id: string) {
  const t = translator(w.lang);
  const form = await request.formData();
  const { key, intent, reason, note } = textFields(form, ['key', 'intent', 'reason', 'note']);
  const kept = keptUploads(form, intent.startsWith('remove:') ? intent.slice('remove:'.length) : null);
  const posted = await uploadPosted(w, form, 'files', w.lang);
  const answer = (status: number, extra: Partial<MyActionData> = {}) => ({
    status,
    body: {
      action: key,
      reason,
      note,
      uploads: [...kept, ...posted.uploaded],
      fileError: posted.error,
      ...extra,
    } satisfies MyActionData,
  });
  if (intent !== 'do' || posted.error) return answer(posted.error ? 400 : 200);
  const d = await orErrorPage(w.services.dossiers.detail(w.auth, id));
  const rowVersion = Number(form.get('rowVersion'));
  if (!isMyAction(key) || !d.actions.some((a) => a.action === key) || rowVersion !== d.rowVersion)
    return answer(409, { conflict: true, formError: t('my.conflict') });
  const base = { action: key, rowVersion };
  const body =
    key === 'supplement'
      ? {
          ...base,
          channel: 'online',
          note: note.trim() || null,
          fileIds: [...kept, ...posted.uploaded].map((u) => u.id),
        }
      : key === 'withdraw'
        ? { ...base, reason }
        : base;
  const parsed = ActionBody.safeParse(body);
  if (!parsed.success)
    return answer(400, { formError: t('my.error', { message: parsed.error.issues[0]?.message ?? '' }) });
  try {
    await w.services.dossiers.act(
      { auth: w.auth, actor: { ...w.actor, name: w.auth.account.fullName } },
      id,
      parsed.data,
    );
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.status === 409) return answer(409, { conflict: true, formError: t('my.conflict') });
    const message = e.fields?.[0]?.message ?? errorMessage(e, w.lang);
    return answer(e.status === 403 || e.status === 404 ? 409 : 400, {
      formError: t('my.error', { message }),
    });
  }
  return redirect(`/ho-so-cua-toi/${id}?tb=${key}`);
}

export { web };
