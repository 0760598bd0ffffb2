import type { viResultTemplate } from './vi-result-template.ts';

/** English text of the result template editor and the draft result; merged into en.ts. */
export const enResultTemplate: Record<keyof typeof viResultTemplate, string> = {
  'rt.link': 'Result template',
  'rt.title': 'Result template: {name}',
  'rt.back': 'Back to procedure {code}',
  'rt.starterInUse': 'No result template has been saved yet; below is a suggested template to adapt.',
  'rt.versionInUse': 'Version {n} in use, saved at {at}.',
  'rt.readOnly': 'You may only view the template; only province (ministry) editors may change it.',
  'rt.f.title': 'Title of the result',
  'rt.f.titleHint': 'For example: Business licence; fields such as {{form.tenCoSo}} may be used.',
  'rt.f.body': 'Body',
  'rt.f.bodyHint':
    'A blank line separates paragraphs. A line starting with "- " written "Label: value" prints as a label and value line. Data fields are written inside {{ }}.',
  'rt.f.signerTitle': 'Signer’s title',
  'rt.f.signerName': 'Signer’s name',
  'rt.f.signerNameHint': 'Leave empty if the signer writes it when signing.',
  'rt.f.dossierCode': 'Dossier code for the preview',
  'rt.f.dossierCodeHint':
    'Empty: preview with sample data. Enter the code of a dossier of this procedure to preview with its data.',
  'rt.placeholders': 'Data fields you can use',
  'rt.placeholdersHint': 'Copy a field into the body, or press "Insert" to insert it at the cursor.',
  'rt.col.placeholder': 'Field',
  'rt.col.meaning': 'Meaning',
  'rt.insert': 'Insert',
  'rt.insertLabel': 'Insert {name} into the body',
  'rt.save': 'Save new version',
  'rt.preview': 'Preview (PDF)',
  'rt.previewReady': 'The template is valid. The preview is ready.',
  'rt.previewDownload': 'Download the preview (PDF)',
  'rt.notice.saved': 'A new version of the result template was saved.',
  'rt.err.invalid': 'The result template has errors; see the marked fields.',
  'rt.err.stale':
    'Someone else has just changed the result template. What you typed is kept; reload the page to see the new version, then edit again.',
  'rt.reload': 'Reload the page to see the latest version',
  'rt.draft': 'Draft the result (PDF)',
  'rt.draftHint':
    'The result written from the procedure’s result template with this dossier’s data, to review, print and submit for signature.',
  'rt.useDraft': 'Use the draft result from the template',
  'rt.useDraftHint':
    'The result is written from the procedure’s result template with this dossier’s data and kept as the dossier’s result file (with any files uploaded).',
};
