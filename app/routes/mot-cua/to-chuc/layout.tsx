import { Outlet } from 'react-router';
import badgeStyles from '../../../components/badge.css?url';
import adminStyles from '../../../components/org-admin.css?url';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { Route } from './+types/layout.ts';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: badgeStyles },
  { rel: 'stylesheet', href: adminStyles },
];

/**
 * /mot-cua/to-chuc/*: agencies and departments (II.17.1). The menu shows it to officials holding
 * org.manage somewhere; every loader and action below still goes through OrgService, which checks
 * the right per agency.
 */
export const middleware: Route.MiddlewareFunction[] = [
  ({ request, context }) => {
    requireOfficial(context, request, 'org.manage');
  },
];

export default function OrgSection() {
  return <Outlet />;
}
