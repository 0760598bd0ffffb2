import type { RouterContextProvider } from 'react-router';
import { hasAnywhere } from '../../../../src/domain/permissions.ts';
import type { Permission } from '../../../../src/domain/permissions.ts';
import type { DossierCaller } from '../../../../src/modules/dossiers/service.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { failWith } from '../../../lib/http.ts';

/** The permissions that open the dossier screens (the menu's rule, nav.ts). */
export const DOSSIER_PERMISSIONS: readonly Permission[] = [
  'dossiers.receive',
  'dossiers.process',
  'dossiers.assign',
  'dossiers.approve',
  'dossiers.read',
];

export interface DossierOfficial extends SignedIn {
  /** May receive dossiers at the counter somewhere (the "Tiếp nhận" screen). */
  canReceive: boolean;
}

/**
 * The signed-in official who works with dossiers somewhere; which dossiers they may read and what
 * they may do to each is still decided by the dossier service.
 */
export function requireDossiers(context: Readonly<RouterContextProvider>, request: Request): DossierOfficial {
  const w = requireOfficial(context, request);
  if (!DOSSIER_PERMISSIONS.some((p) => hasAnywhere(w.auth.grants, p))) failWith(403, 'permission');
  return { ...w, canReceive: hasAnywhere(w.auth.grants, 'dossiers.receive') };
}

/** Who acts, as the dossier history records them: the session and the official's full name. */
export function callerOf(w: SignedIn): DossierCaller {
  return { auth: w.auth, actor: { ...w.actor, name: w.auth.account.fullName } };
}
