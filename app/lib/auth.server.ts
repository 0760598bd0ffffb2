import type { RouterContextProvider } from 'react-router';
import type { Permission } from '../../src/domain/permissions.ts';
import { hasAnywhere } from '../../src/domain/permissions.ts';
import type { AuthContext } from '../../src/modules/accounts/sessions.ts';
import { web } from '../context.ts';
import type { WebContext } from '../context.ts';
import { pathOf } from './forms.ts';
import { failWith, redirectTo } from './http.ts';

type Ctx = Readonly<RouterContextProvider>;

export interface SignedIn extends WebContext {
  auth: AuthContext;
}

/** The signed-in user, or a redirect to the portal sign-in page that comes back here afterwards. */
export function requireUser(context: Ctx, request: Request): SignedIn {
  const w = web(context);
  if (!w.auth) redirectTo(`/dang-nhap?next=${encodeURIComponent(pathOf(request))}`);
  return w as SignedIn;
}

/**
 * The signed-in official (optionally holding `permission` in some agency), or a redirect to the
 * back-office sign-in page; a citizen or an official without the permission gets a 403 page.
 * Menus use this; data access is still checked by the services per agency.
 */
export function requireOfficial(context: Ctx, request: Request, permission?: Permission): SignedIn {
  const w = web(context);
  if (!w.auth) redirectTo(`/mot-cua/dang-nhap?next=${encodeURIComponent(pathOf(request))}`);
  if (w.auth.account.kind !== 'official') failWith(403, 'not_official');
  if (permission && !hasAnywhere(w.auth.grants, permission)) failWith(403, 'permission');
  return w as SignedIn;
}
