import type { RouterContextProvider } from 'react-router';
import { hasAnywhere } from '../../../../src/domain/permissions.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { isTopLevel } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';

export interface ProcessOfficial extends SignedIn {
  /** May change the processes of some agency (procedures.edit somewhere). */
  canEdit: boolean;
  /** May change the default process every agency uses (procedures.edit at the top level). */
  canEditShared: boolean;
}

/**
 * The signed-in official who may read process definitions (procedures.edit or procedures.review
 * somewhere, what the processes service checks); which changes they may make is still decided by the
 * service per agency, these flags only choose what the screens offer.
 */
export function requireProcesses(
  context: Readonly<RouterContextProvider>,
  request: Request,
): ProcessOfficial {
  const w = requireOfficial(context, request);
  const grants = w.auth.grants;
  if (!hasAnywhere(grants, 'procedures.edit') && !hasAnywhere(grants, 'procedures.review'))
    failWith(403, 'permission');
  return {
    ...w,
    canEdit: hasAnywhere(grants, 'procedures.edit'),
    canEditShared: isTopLevel(grants, 'procedures.edit'),
  };
}
