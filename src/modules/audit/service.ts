import type { ModuleDeps } from '../deps.ts';

export class AuditService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }
}
