import type { ModuleDeps } from '../deps.ts';

export class CalendarService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }
}
