import type { viTracking } from './vi-tracking.ts';

/** English text of the public dossier tracking page; same keys as vi-tracking.ts. */
export const enTracking: Record<keyof typeof viTracking, string> = {
  'tk.title': 'Track an application',
  'tk.intro':
    'See how your application is progressing with the code printed on your receipt and one detail of the applicant. No sign-in needed.',
  'tk.description':
    'Track the processing of an administrative application with its code and the applicant’s phone number or identity number.',
  'tk.form': 'Track the status of an application',
  'tk.code': 'Application code',
  'tk.codeHint': 'The code on the receipt and appointment slip, for example: 000.00.12.H29-250905-0001',
  'tk.factor': 'A detail of the applicant',
  'tk.factorHint':
    'To protect your information, enter one of the two details below exactly as given when the application was made. One box is enough.',
  'tk.phone': 'Phone number',
  'tk.phoneHint': 'For example: 0912345678',
  'tk.or': 'or',
  'tk.idNumber': 'Identity document number or tax code',
  'tk.idNumberHint': 'Identity card or passport number; organisations enter their tax code',
  'tk.submit': 'Track',
  'tk.err.code': 'Enter the application code printed on the receipt',
  'tk.err.codeFormat':
    'The application code is not in the right format, for example: 000.00.12.H29-250905-0001',
  'tk.err.factor': 'Enter the applicant’s phone number or identity document number',
  'tk.err.phone': 'The phone number is not in the right format, for example: 0912345678',
  'tk.err.idNumber':
    'The identity document number has 6–20 digits or letters only, for example: 001099012345',
  'tk.notFound': 'No application was found with the details entered.',
  'tk.notFoundHelp':
    'Check the code on the receipt and the phone number or document number given when applying. If it still cannot be found, contact the one-stop counter where you applied.',
  'tk.limited': 'You have made too many lookups in a short time. Please try again in {n} seconds.',
  'tk.badLink':
    'This tracking link is wrong or has been altered. Scan the QR code on your receipt again, or look the application up with its code below.',
  'tk.result': 'Result',
  'tk.codeLabel': 'Application',
  'tk.status': 'Status',
  'tk.annex': 'About the status of the application',
  'tk.procedure': 'Procedure',
  'tk.agency': 'Handled by',
  'tk.submitted': 'Submitted on',
  'tk.received': 'Received on',
  'tk.appointment': 'Result due on',
  'tk.returned': 'Result returned on',
  'tk.history': 'Steps taken',
  'tk.stepLabel': 'Step:',
  'tk.again': 'Track another application',
  'tk.signedNote': 'You are viewing this application through the link on its receipt (QR code).',
};
