/** The tracking form's fields, named as in the URL: mã hồ sơ, số điện thoại, số căn cước công dân. */
export const TRACK_FIELDS = ['ma', 'sdt', 'cccd'] as const;
export type TrackField = (typeof TRACK_FIELDS)[number];
export type TrackValues = Record<TrackField, string>;
