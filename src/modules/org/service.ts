import type { ModuleDeps } from '../deps.ts';

export class OrgService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }
}
