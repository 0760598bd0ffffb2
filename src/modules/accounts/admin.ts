import type { ModuleDeps } from '../deps.ts';

/** Administration of registered accounts (II.17.3): search, activate, export. */
export class AccountsAdminService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }
}
