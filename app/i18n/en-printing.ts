import type { viPrinting } from './vi-printing.ts';

/** English text of the printing links; the PDF itself is in Vietnamese, the legal language. */
export const enPrinting: Record<keyof typeof viPrinting, string> = {
  'print.formPdf': 'Download the form (PDF)',
  'print.formPdfHint': 'The filled-in form, to print or keep',
  'print.draftPdf': 'Download the form (PDF) to print',
  'print.draftPdfHint':
    'The form with what you have entered, not yet submitted; you can print, sign and keep it. The form is in Vietnamese.',
};
