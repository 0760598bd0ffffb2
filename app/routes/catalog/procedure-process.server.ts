import type { ProcessDefinition } from '../../../src/domain/process.ts';
import type { PublicProcedure } from '../../../src/modules/procedures/schema.ts';
import type { Services } from '../../../src/services.ts';

/** The published process a citizen sees on a procedure's page, without who exactly handles it. */
export interface PortalProcess {
  agencyName: string | null;
  definition: ProcessDefinition;
}

/**
 * The process in force for the procedure (TT 22/2019 II.24.1): the variant of its only agency when
 * it has one, else the default; null when none is published. Named officials are left out.
 */
export async function processForPortal(
  services: Services,
  p: PublicProcedure,
): Promise<PortalProcess | null> {
  const only = p.agencies.length === 1 ? (p.agencies[0]?.id ?? null) : null;
  const found = await services.processes.publishedFor(p.code, only);
  if (!found) return null;
  return {
    agencyName: found.agencyName,
    definition: {
      ...found.definition,
      steps: found.definition.steps.map((s) => ({ ...s, actor: null })),
    },
  };
}
