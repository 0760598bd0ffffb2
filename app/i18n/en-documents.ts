import type { viDocuments } from './vi-documents.ts';

/** English text of the document store (/kho-du-lieu) and its reuse in the online form; merged into en.ts. */
export const enDocuments: Record<keyof typeof viDocuments, string> = {
  'nav.documents': 'My documents',
  'doc.title': 'My documents',
  'doc.intro':
    'Results issued to you and documents an agency verified when it received your dossier are kept here, with the files you upload yourself. When you apply online you can choose them again without uploading them again.',
  'doc.signIn': 'Sign in to see your documents',
  'doc.signInHint': 'This page is for citizens and organisations with an account on the portal.',
  'doc.notApplicant':
    'Official accounts have no personal document store. Sign in with a citizen or organisation account.',
  'doc.list': 'Stored documents',
  'doc.empty': 'You have no stored documents yet.',
  'doc.source': 'Source',
  'doc.source.result': 'Result issued',
  'doc.source.verified': 'Verified by an agency',
  'doc.source.own': 'Uploaded by you, not verified',
  'doc.agency': 'Agency',
  'doc.date': 'Date',
  'doc.dossier': 'Dossier',
  'doc.file': 'File',
  'doc.download': 'Download {name}',
  'doc.delete': 'Delete',
  'doc.deleteOf': 'Delete document {title}',
  'doc.confirmTitle': 'Delete this document from your store?',
  'doc.confirmBody':
    'The document “{title}” will no longer be in your store. Dossiers already submitted with it are not affected.',
  'doc.confirmYes': 'Delete document',
  'doc.cancel': 'Keep it',
  'doc.deleted': 'The document was deleted from your store.',
  'doc.uploaded': 'The document was saved in your store.',
  'doc.upload': 'Upload a document of yours',
  'doc.uploadTitle': 'Document name',
  'doc.uploadTitleHint': 'For example: My child’s birth certificate. Left empty, the file name is used.',
  'doc.uploadFile': 'Document file',
  'doc.uploadButton': 'Save in my documents',
  'doc.chooseFile': 'Choose the file of the document to upload',
  'doc.gone': 'The document is no longer in your store; the list was reloaded.',
  'doc.reuse': 'Choose from my documents',
  'doc.reuseHint':
    'Tick the documents to use; they are attached when you press the button at the end of the page.',
  'doc.reuseOption': '{title} ({source}, {file})',
  'doc.noFiles': 'No file',
};
