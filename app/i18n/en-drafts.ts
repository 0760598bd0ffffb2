import type { viDrafts } from './vi-drafts.ts';

/** English text of drafts and of changing an online dossier before receipt; merged into en.ts. */
export const enDrafts: Record<keyof typeof viDrafts, string> = {
  'dr.save': 'Save draft',
  'dr.saveHint':
    'Not finished? Choose “Save draft” to keep what you entered and continue later from “My dossiers”.',
  'dr.saved': 'Draft saved at {at}',
  'dr.resumed': 'You are continuing the draft saved at {at}.',
  'dr.formChanged':
    'The procedure’s form has changed since you saved this draft: what still fits was kept; please check it and fill in the rest.',
  'dr.gone':
    'This draft was not found (submitted, deleted, or not saved for 90 days). You can fill in a new form.',
  'dr.limit':
    'You already have 20 drafts, the most that can be kept: submit or delete some in “My dossiers”, then save again.',
  'dr.stale':
    'This draft was just saved from another window or device; open the latest one from “My dossiers” and continue there.',
  'dr.form': 'What you declared in the form',
  'dr.list': 'Unsubmitted drafts',
  'dr.listIntro': 'Drafts are kept for 90 days after they were last saved.',
  'dr.savedAt': 'Last saved',
  'dr.continue': 'Continue',
  'dr.continueOf': 'Continue the draft: {name}',
  'dr.delete': 'Delete',
  'dr.deleteOf': 'Delete the draft: {name}',
  'dr.confirm': 'Delete the draft “{name}”? What you entered will be lost for good.',
  'dr.confirmYes': 'Delete the draft',
  'dr.confirmNo': 'Keep it',
  'dr.deleted': 'The draft was deleted.',
  'dr.amendTitle': 'Change dossier {code}',
  'dr.amendIntro':
    'The dossier has not been received yet, so you can still change it. Once updated, the receiving officer sees the new information.',
  'dr.amendAgency':
    'The receiving agency cannot be changed; to apply to another agency, cancel this dossier and submit a new one.',
  'dr.amendSubmit': 'Update the dossier',
  'dr.amendClosed': 'Dossier {code} has been received or cancelled, so it can no longer be changed.',
  'dr.amendBack': 'View dossier {code}',
  'dr.amendStale':
    'The dossier was just changed from another window or device; open it again from “My dossiers” and make your change there.',
  'dr.amend': 'Change the dossier',
  'dr.amendHint':
    'Change the form, how you receive the result or the attached files before the one-stop desk receives the dossier.',
  'dr.done.amend': 'The dossier was updated. The receiving officer will see the new information.',
  'ds.action.amend': 'Applicant changed the dossier before receipt',
};
