import type { viForms } from './vi-forms.ts';

/** English text of the standard forms' links and the register form; the PDFs are in Vietnamese, the legal language. */
export const enForms: Record<keyof typeof viForms, string> = {
  'forms.title': 'Standard forms (Circular 01/2018/TT-VPCP)',
  'forms.hint': 'Print at the step where they arise, reprint at any time. A4 PDF files, in Vietnamese.',
  'forms.link': 'Form {number}: {title} (PDF)',
  'forms.linkNth': 'Form {number}: {name} no. {lan} – {at} (PDF)',
  'forms.nth.02': 'Supplement request',
  'forms.nth.03': 'Refusal to receive',
  'forms.mau.01': 'Receipt and appointment for the result',
  'forms.mau.02': 'Request to complete the dossier',
  'forms.mau.03': 'Refusal to receive the dossier',
  'forms.mau.04': 'Apology and new date for the result',
  'forms.mau.05': 'Processing control sheet',
  'forms.register.title': 'Print the dossier register (Form 06)',
  'forms.register.hint': 'The dossiers the agency received in the chosen period, one year at most.',
  'forms.register.from': 'From',
  'forms.register.to': 'To',
  'forms.register.agency': 'Agency',
  'forms.register.submit': 'Download the register (PDF)',
  'forms.register.errFrom': 'Enter the start as a real date, DD/MM/YYYY',
  'forms.register.errTo': 'Enter the end as a real date, not before the start and at most one year after it',
  'forms.register.ownAgency': 'My agency',
};
