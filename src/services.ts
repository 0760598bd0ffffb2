import type { PgBoss } from 'pg-boss';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { csrfTokenFor } from './http/plugins/auth.ts';
import type { Mailer } from './integrations/mail/mailer.ts';
import { OutboxRelay } from './jobs/relay.ts';
import { Captcha } from './modules/accounts/captcha.ts';
import { AccountsService } from './modules/accounts/service.ts';
import { SessionResolver } from './modules/accounts/session-cache.ts';
import type { AuthContext } from './modules/accounts/sessions.ts';
import { AccessLog } from './modules/system/access-log.ts';
import { AccountsAdminService } from './modules/accounts/admin.ts';
import { AuditService } from './modules/audit/service.ts';
import { CalendarService } from './modules/calendar/service.ts';
import { CatalogsService } from './modules/catalogs/service.ts';
import { OrgService } from './modules/org/service.ts';
import { GuidesService } from './modules/guides/service.ts';
import { LegalTimeService } from './modules/legal-time/service.ts';
import { ProcessesService } from './modules/processes/service.ts';
import { DocumentsService } from './modules/documents/service.ts';
import { DossiersService } from './modules/dossiers/service.ts';
import { DraftsService } from './modules/drafts/service.ts';
import { EformsService } from './modules/eforms/service.ts';
import { ExportsService } from './modules/exports/service.ts';
import { PrintingService } from './modules/printing/service.ts';
import { ResultTemplatesService } from './modules/result-templates/service.ts';
import { ReportsService } from './modules/reports/service.ts';
import { ProcedureFields } from './modules/procedures/fields.ts';
import { FormTemplates } from './modules/procedures/forms.ts';
import { PublicCatalog } from './modules/procedures/public.ts';
import { ProceduresService } from './modules/procedures/service.ts';
import { ProcedureSync } from './modules/procedures/sync.ts';

/**
 * Every use case of the platform, built once per process and shared by the JSON API and the web
 * loaders/actions (through React Router's load context): one pool, one set of services.
 */
export interface Services {
  config: Config;
  database: Database;
  captcha: Captcha;
  accounts: AccountsService;
  accountsAdmin: AccountsAdminService;
  org: OrgService;
  catalogs: CatalogsService;
  calendar: CalendarService;
  audit: AuditService;
  procedures: ProceduresService;
  procedureSync: ProcedureSync;
  procedureFields: ProcedureFields;
  formTemplates: FormTemplates;
  publicCatalog: PublicCatalog;
  guides: GuidesService;
  processes: ProcessesService;
  legalTime: LegalTimeService;
  dossiers: DossiersService;
  drafts: DraftsService;
  documents: DocumentsService;
  eforms: EformsService;
  printing: PrintingService;
  exports: ExportsService;
  resultTemplates: ResultTemplatesService;
  reports: ReportsService;
  accessLog: AccessLog;
  relay: OutboxRelay;
  resolveSession(token: string): Promise<AuthContext | undefined>;
  csrfTokenFor(sessionBinding: string): string;
}

export function createServices(deps: {
  config: Config;
  database: Database;
  boss: PgBoss;
  mailer: Mailer;
}): Services {
  const { config, database } = deps;
  const relay = new OutboxRelay(database, deps.boss);
  const afterCommit = () => void relay.nudge().catch(() => undefined);
  const captcha = new Captcha(config.sessionSecret, config.captchaDifficulty);
  const moduleDeps = { database, config, afterCommit };
  const processes = new ProcessesService(moduleDeps);
  const legalTime = new LegalTimeService(moduleDeps);
  const dossiers = new DossiersService({ ...moduleDeps, legalTime });
  const eforms = new EformsService(moduleDeps);
  // Checks the PDF fonts now: a missing font stops the start, not a citizen's print later.
  const printing = new PrintingService({ ...moduleDeps, dossiers, eforms });
  const reports = new ReportsService(moduleDeps);
  const sessions = new SessionResolver(database);
  const accountsAdmin = new AccountsAdminService(moduleDeps);
  const org = new OrgService(moduleDeps);
  const catalogs = new CatalogsService(moduleDeps);
  const audit = new AuditService(moduleDeps);
  const procedures = new ProceduresService(moduleDeps);
  const procedureFields = new ProcedureFields(moduleDeps);
  return {
    config,
    database,
    captcha,
    accounts: new AccountsService({ database, config, captcha, afterCommit }),
    accountsAdmin,
    org,
    catalogs,
    calendar: new CalendarService(moduleDeps),
    audit,
    procedures,
    procedureSync: new ProcedureSync(moduleDeps),
    procedureFields,
    formTemplates: new FormTemplates(moduleDeps),
    publicCatalog: new PublicCatalog(moduleDeps),
    guides: new GuidesService(moduleDeps),
    processes,
    legalTime,
    dossiers,
    drafts: new DraftsService(moduleDeps),
    documents: new DocumentsService(moduleDeps),
    eforms,
    printing,
    exports: new ExportsService({
      ...moduleDeps,
      dossiers,
      accountsAdmin,
      audit,
      org,
      catalogs,
      procedures,
      procedureFields,
      reports,
    }),
    resultTemplates: new ResultTemplatesService({ ...moduleDeps, dossiers, eforms, printing }),
    reports,
    accessLog: new AccessLog(database.db),
    relay,
    resolveSession: (token) => sessions.resolve(token),
    csrfTokenFor: (binding) => csrfTokenFor(config.sessionSecret, binding),
  };
}
