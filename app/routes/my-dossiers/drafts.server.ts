import { redirect } from 'react-router';
import { formatDateTime } from '../../../src/domain/datetime.ts';
import type { SignedIn } from '../../lib/auth.server.ts';
import { asAppError } from '../../lib/errors.ts';

/** The drafts part of "Hồ sơ của tôi" (III.1.3): the list, and deleting one after confirmation. */

export async function myDrafts(w: SignedIn) {
  const drafts = await w.services.drafts.list(w.auth);
  return drafts.map((d) => ({
    id: d.id,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    updatedAt: formatDateTime(d.updatedAt),
  }));
}

/**
 * `intent=delete-draft` with `id`: deletes the caller's draft and shows the list again (a draft
 * already gone counts as deleted). Any other post is not ours: null.
 */
export async function deleteDraft(w: SignedIn, request: Request): Promise<Response | null> {
  const form = await request.clone().formData();
  if (form.get('intent') !== 'delete-draft') return null;
  const id = form.get('id');
  if (typeof id !== 'string') return redirect('/ho-so-cua-toi');
  try {
    await w.services.drafts.remove(w.auth, { ...w.actor, name: w.auth.account.fullName }, id);
  } catch (err) {
    if (asAppError(err)?.status !== 404) throw err;
  }
  return redirect('/ho-so-cua-toi?tb=draft-deleted');
}
