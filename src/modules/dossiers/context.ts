import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { LegalTimeService } from '../legal-time/service.ts';
import type { ProcessesService } from '../processes/service.ts';

/** What the dossier use cases need from the rest of the platform. */
export interface DossierContext {
  db: Kysely<DB>;
  legalTime: LegalTimeService;
  processes: ProcessesService;
  /** Relays the outbox (notices) after a commit. */
  afterCommit: () => void;
}
