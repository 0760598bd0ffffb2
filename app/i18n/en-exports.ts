import type { viExports } from './vi-exports.ts';

/** English text of the background exports (/mot-cua/xuat-du-lieu); merged into en.ts. */
export const enExports: Record<keyof typeof viExports, string> = {
  'exp.title': 'Exports',
  'exp.intro':
    'The files you asked to export. Large files are made in the background; keep working and come back to download them when they are done. Files are kept for {days} days.',
  'exp.none': 'You have not exported anything yet.',
  'exp.caption': 'Your exports',
  'exp.kind': 'Data',
  'exp.kind.dossiers': 'Dossier list',
  'exp.format': 'Format',
  'exp.status': 'Status',
  'exp.status.queued': 'Waiting',
  'exp.status.running': 'Being made',
  'exp.status.done': 'Done',
  'exp.status.failed': 'Failed',
  'exp.progress': 'Progress',
  'exp.progressLabel': 'Progress of the {format} export',
  'exp.rows': '{done} rows',
  'exp.rowsOf': '{done}/{total} rows',
  'exp.createdAt': 'Requested at',
  'exp.file': 'File',
  'exp.download': 'Download {name}',
  'exp.reload': 'Reload the page to see the progress',
  'exp.queued': 'Your export was accepted. The file is being made in the background.',
  'exp.form.legend': 'Export the list',
  'exp.form.format': 'File format',
  'exp.form.hint': 'Exports the whole list you are viewing, with the current search criteria',
  'exp.form.submit': 'Export the list',
  'exp.err.format': 'Choose a file format (format)',
  'exp.link': 'My exports',
};
