import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

/** What every feature service gets at construction. */
export interface ModuleDeps {
  database: Database;
  config: Config;
  /** Call after a commit that wrote outbox events, so they are relayed at once. */
  afterCommit: () => void;
}
