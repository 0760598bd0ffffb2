import type { ProcessDefinition } from '../../../../src/domain/process.ts';
import type { ProcessCaller } from '../../../../src/modules/processes/service.ts';
import type { Services } from '../../../../src/services.ts';

/** The process a procedure's page shows: the version in force with its dossiers per step (II.24.1). */
export interface ProcessInForce {
  id: string;
  version: number;
  agencyName: string | null;
  definition: ProcessDefinition;
  counts: Record<string, number>;
  /** Other agencies' versions in force, by name (the versions page shows them). */
  variants: string[];
}

/**
 * The default process in force for the procedure (else the first agency's), with how many dossiers
 * are at each of its steps; null when none is published.
 */
export async function processInForce(
  w: ProcessCaller & { services: Services },
  code: string,
): Promise<ProcessInForce | null> {
  const versions = await w.services.processes.listForProcedure(w, code);
  const published = versions.filter((v) => v.status === 'published');
  const main = published.find((v) => v.agencyId === null) ?? published[0];
  if (!main) return null;
  const [p, counts] = await Promise.all([
    w.services.processes.get(w, main.id),
    w.services.processes.stepCounts(main.id),
  ]);
  return {
    id: p.id,
    version: p.version,
    agencyName: p.agencyName,
    definition: p.definition,
    counts,
    variants: published.filter((v) => v.id !== main.id).map((v) => v.agencyName ?? ''),
  };
}
