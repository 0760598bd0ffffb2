import type { AccountsAdminService } from '../accounts/admin.ts';
import type { AuditService } from '../audit/service.ts';
import type { CatalogsService } from '../catalogs/service.ts';
import type { DossiersService } from '../dossiers/service.ts';
import type { OrgService } from '../org/service.ts';
import type { ProcedureFields } from '../procedures/fields.ts';
import type { ProceduresService } from '../procedures/service.ts';
import { accessStatsExports, accountExports } from './accounts-source.ts';
import { auditExports } from './audit-source.ts';
import { catalogItemExports } from './catalog-source.ts';
import { dossierExports } from './dossier-source.ts';
import { officialExports } from './officials-source.ts';
import { procedureExports } from './procedures-source.ts';
import type { ExportKind } from './kinds.ts';
import type { ReportsService } from '../reports/service.ts';
import { processingReportExports } from './report-source.ts';
import type { ExportKindName } from './schema.ts';

/** What the export kinds read from: the services that list them, with their own authorisation. */
export interface ExportSources {
  dossiers: DossiersService;
  accountsAdmin: AccountsAdminService;
  audit: AuditService;
  org: OrgService;
  catalogs: CatalogsService;
  procedures: ProceduresService;
  procedureFields: ProcedureFields;
  reports: ReportsService;
}

/** Every list and report that can be exported, by the name a request gives (EXPORT_KINDS). */
export function exportKinds(s: ExportSources): Readonly<Record<ExportKindName, ExportKind>> {
  return {
    dossiers: dossierExports(s.dossiers),
    accounts: accountExports(s.accountsAdmin),
    access_stats: accessStatsExports(s.accountsAdmin),
    audit: auditExports(s.audit),
    officials: officialExports(s.org, s.catalogs),
    procedures: procedureExports(s.procedures, s.procedureFields),
    catalog_items: catalogItemExports(s.catalogs),
    report_processing: processingReportExports(s.reports),
  };
}
