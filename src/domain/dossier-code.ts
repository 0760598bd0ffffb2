/**
 * The dossier code of TT 01/2018/TT-VPCP Art. 19 (II.5.3): V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX, the
 * receiving unit's QCVN 102 code, the day of receipt in Vietnam (YYMMDD) and the dossier's number
 * among those the unit received that day (4 digits). The number is allocated in the database
 * (dossier_code_counters), atomically per unit and day. The format is a rule set keyed by effective
 * date, so that the code of TT 03/2025 can be added when its text is known.
 */
import { AGENCY_CODE_PATTERN } from './agency-code.ts';

export const DOSSIER_CODE_PATTERN = new RegExp(
  `^${AGENCY_CODE_PATTERN.source.slice(1, -1)}-\\d{6}-(?!0000)\\d{4}$`,
);
export const MAX_DAILY_SEQUENCE = 9999;

/** A code is a prefix (unit and day) followed by the day's number in SEQUENCE_DIGITS digits. */
export const SEQUENCE_DIGITS = 4;

export interface DossierCodeRule {
  /** First day (YYYY-MM-DD, in Vietnam) the rule applies to. */
  from: string;
  basis: string;
  /** What comes before the day's number. */
  prefix(unitCode: string, day: string): string;
}

export const DOSSIER_CODE_RULES: readonly DossierCodeRule[] = [
  {
    from: '2019-01-06',
    basis: 'Điều 19 Thông tư 01/2018/TT-VPCP',
    prefix: (unit, day) => `${unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`,
  },
];

/** The rule in force on `day` (YYYY-MM-DD): the latest whose start is not after it. */
export function dossierCodeRule(day: string): DossierCodeRule {
  const rule = [...DOSSIER_CODE_RULES].reverse().find((r) => r.from <= day) ?? DOSSIER_CODE_RULES[0];
  if (!rule) throw new Error('no dossier code rule');
  return rule;
}

/**
 * The codes of the unit's dossiers received on `day` (YYYY-MM-DD, Vietnam) up to their number: the
 * database appends the number it allocates, in the same statement as the dossier's insert.
 */
export function dossierCodePrefix(unitCode: string, day: string): string {
  if (!AGENCY_CODE_PATTERN.test(unitCode)) throw new Error(`not a QCVN 102 unit code: ${unitCode}`);
  return dossierCodeRule(day).prefix(unitCode, day);
}

/** The code of the `sequence`-th dossier the unit received on `day` (YYYY-MM-DD, Vietnam). */
export function formatDossierCode(unitCode: string, day: string, sequence: number): string {
  const prefix = dossierCodePrefix(unitCode, day);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new Error(`sequence out of range: ${sequence}`);
  }
  return prefix + String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

export function isDossierCode(code: string): boolean {
  return DOSSIER_CODE_PATTERN.test(code);
}

/** The day (YYYY-MM-DD) in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
