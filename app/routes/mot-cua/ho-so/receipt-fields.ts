/**
 * The fields of the receipt form (/mot-cua/ho-so/tiep-nhan) as posted, shared by the form and its
 * action: one flat name per input, so a refused form comes back exactly as it was typed.
 */

export const APPLICANT_FIELDS = [
  'kind',
  'idNumber',
  'fullName',
  'orgName',
  'phone',
  'email',
  'address',
  'communeCode',
] as const;

export const POSTAL_FIELDS = ['pName', 'pPhone', 'pProvince', 'pCommune', 'pAddress'] as const;

export const TEXT_FIELDS = [
  'agencyId',
  'procedureCode',
  'lookup',
  ...APPLICANT_FIELDS,
  'channel',
  'summary',
  'delivery',
  ...POSTAL_FIELDS,
  'reason',
  'missingItems',
] as const;
export type ReceiptField = (typeof TEXT_FIELDS)[number];

/** Everything typed, by field name; component rows as comp-<i>-name/-received/-copyType/-count. */
export type ReceiptValues = Record<string, string>;

export const compField = (i: number, part: 'name' | 'received' | 'copyType' | 'count') => `comp-${i}-${part}`;

/** A file already uploaded (kept as a hidden field while the form goes back and forth). */
export interface UploadedFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** The dossier service's file limits (src/modules/dossiers/files.ts), handed to the page by its loader. */
export interface FileLimits {
  /** The service's wording (Vietnamese). */
  text: string;
  maxBytes: number;
  maxMb: number;
  extensions: readonly string[];
}

/** The hidden value of an uploaded file: id, media type, size and name (display only; the id is what counts). */
export const encodeUpload = (f: UploadedFile) => `${f.id}|${f.mediaType}|${f.size}|${f.fileName}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeUpload(value: string): UploadedFile | null {
  const [id = '', mediaType = '', size = '', ...name] = value.split('|');
  if (!UUID.test(id)) return null;
  return {
    id,
    mediaType: mediaType.slice(0, 100),
    size: Number(size) || 0,
    fileName: name.join('|').slice(0, 200) || id,
  };
}

/** The order of the fields on the page, for the error summary. */
export function fieldOrder(componentCount: number): string[] {
  const comps = Array.from({ length: componentCount }, (_, i) => [
    compField(i, 'received'),
    compField(i, 'copyType'),
    compField(i, 'count'),
  ]).flat();
  return [
    ...APPLICANT_FIELDS.filter((f) => f !== 'communeCode'),
    'channel',
    'summary',
    ...comps,
    'files',
    'delivery',
    ...POSTAL_FIELDS,
    'reason',
    'missingItems',
  ];
}
