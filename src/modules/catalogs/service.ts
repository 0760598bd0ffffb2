import type { ModuleDeps } from '../deps.ts';

export class CatalogsService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }
}
