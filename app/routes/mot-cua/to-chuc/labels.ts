import type { MessageKey } from '../../../i18n/index.ts';

/** Agency levels (same values as AGENCY_LEVELS in src/modules/org/schema.ts, kept here so the browser bundle needs no zod). */
export const LEVELS = [
  'ministry',
  'province',
  'province_department',
  'district',
  'commune',
  'other',
] as const;
export type Level = (typeof LEVELS)[number];

export const levelKey = (level: string): MessageKey =>
  (LEVELS as readonly string[]).includes(level)
    ? (`org.level.${level as Level}` as const)
    : 'org.level.other';
