import type { ColumnType } from 'kysely';

/** Table types of the dossier statistics (migrations 0021, 0023); part of DB in ./types.ts. */

type Day = ColumnType<Date, string, string>;

/** Additive counts per agency, procedure, channel and Vietnam day, month or year (day = its first day; see the migration). */
export interface DossierStatsCounts {
  agency_id: string;
  agency_path: string;
  procedure_id: string;
  field_code: string;
  channel: string;
  day: Day;
  received: number;
  finished_early: number;
  finished_on_time: number;
  finished_late: number;
  cancelled: number;
  due: number;
  due_closed: number;
}

export type DossierStatsDailyTable = DossierStatsCounts;
export type DossierStatsMonthlyTable = DossierStatsCounts;
export type DossierStatsYearlyTable = DossierStatsCounts;
export type DossierStatsDeltaTable = DossierStatsCounts;

/** The same counts per agency, channel and day, month or year, without procedure or field (migration 0023). */
export type DossierStatsAgencyTable = Omit<DossierStatsCounts, 'procedure_id' | 'field_code'>;
