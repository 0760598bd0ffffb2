import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Tx } from '../../db/tx.ts';
import type { LegalTimeService } from '../legal-time/service.ts';
import type { DossierDetail } from './schema.ts';
import type { EntryFacts } from './entry.ts';

/** A result document drawn from the procedure's result template, and the template version it used. */
export interface DraftResult {
  fileName: string;
  bytes: Uint8Array;
  templateVersion: number;
}

/**
 * Renders a dossier's result from its procedure's result template inside the action's transaction
 * (the dossier is locked there, and PGlite has no second connection); null without a template.
 */
export type DraftResultMaker = (trx: Tx, dossier: DossierDetail) => Promise<DraftResult | null>;

/** What the dossier use cases need from the rest of the platform. */
export interface DossierContext {
  db: Kysely<DB>;
  legalTime: LegalTimeService;
  /** Where new dossiers enter (agency, procedure, process, e-form), kept under the catalog generation. */
  entries: EntryFacts;
  /** Relays the outbox (notices) after a commit. */
  afterCommit: () => void;
  /** Bound once the result templates exist (they read dossiers, so they come after this service). */
  draftResult?: DraftResultMaker | undefined;
}
