/** The search fields of the worklist page (II.23), as named in its URL. */
export const SEARCH_FIELDS = [
  'ma-ho-so',
  'q',
  'trang-thai',
  'thu-tuc',
  'linh-vuc',
  'tu-ngay',
  'den-ngay',
  'han',
] as const;
export type SearchValues = Record<(typeof SEARCH_FIELDS)[number], string>;
