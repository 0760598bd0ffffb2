import type { RouterContextProvider } from 'react-router';
import { hasAnywhere } from '../../../../src/domain/permissions.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { isTopLevel } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';

export interface CatalogOfficial extends SignedIn {
  /** May change drafts, fields and form templates (procedures.edit at the top level). */
  canEdit: boolean;
  /** May publish and withdraw (procedures.review at the top level). */
  canReview: boolean;
}

/**
 * The signed-in official who edits or reviews procedures somewhere (the menu's rule), with what the
 * screens offer them; the services still check every read and change.
 */
export function requireCatalog(context: Readonly<RouterContextProvider>, request: Request): CatalogOfficial {
  const w = requireOfficial(context, request);
  const grants = w.auth.grants;
  if (!hasAnywhere(grants, 'procedures.edit') && !hasAnywhere(grants, 'procedures.review'))
    failWith(403, 'permission');
  return {
    ...w,
    canEdit: isTopLevel(grants, 'procedures.edit'),
    canReview: isTopLevel(grants, 'procedures.review'),
  };
}
