import type { DossiersService } from '../dossiers/service.ts';
import { dossierExports } from './dossier-source.ts';
import type { ExportKind } from './kinds.ts';
import type { ExportKindName } from './schema.ts';

/** What the export kinds read from: the services that list them, with their own authorisation. */
export interface ExportSources {
  dossiers: DossiersService;
}

/** Every list and report that can be exported, by the name a request gives (EXPORT_KINDS). */
export function exportKinds(s: ExportSources): Readonly<Record<ExportKindName, ExportKind>> {
  return {
    dossiers: dossierExports(s.dossiers),
  };
}
