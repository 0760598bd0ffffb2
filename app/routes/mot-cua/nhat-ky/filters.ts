/** The filter fields of the audit log page, as named in its URL. */
export const FILTERS = [
  'hanh-dong',
  'doi-tuong',
  'ma-doi-tuong',
  'nguoi-thuc-hien',
  'co-quan',
  'tu-ngay',
  'den-ngay',
] as const;
export type FilterValues = Record<(typeof FILTERS)[number], string>;
