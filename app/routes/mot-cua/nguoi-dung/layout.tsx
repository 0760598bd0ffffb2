import { Outlet, useLocation } from 'react-router';
import badgeStyles from '../../../components/badge.css?url';
import adminStyles from '../../../components/org-admin.css?url';
import { SectionTabs } from '../../../components/SectionTabs.tsx';
import type { SectionTab } from '../../../components/SectionTabs.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { Route } from './+types/layout.ts';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: badgeStyles },
  { rel: 'stylesheet', href: adminStyles },
];

/**
 * /mot-cua/nguoi-dung/*: officials, user groups and roles (II.17.2). The menu shows it to officials
 * holding users.manage somewhere; OrgService checks the right per agency on every call.
 */
export const middleware: Route.MiddlewareFunction[] = [
  ({ request, context }) => {
    requireOfficial(context, request, 'users.manage');
  },
];

const BASE = '/mot-cua/nguoi-dung';

function tab(pathname: string, to: string, label: string, owns: boolean): SectionTab {
  return { to, label, current: pathname.replace(/\/$/, '') === to ? 'page' : owns ? 'true' : undefined };
}

export default function UsersSection() {
  const t = useT();
  const { pathname } = useLocation();
  const inGroups = pathname.startsWith(`${BASE}/nhom`);
  const inRoles = pathname.startsWith(`${BASE}/vai-tro`);
  return (
    <>
      <SectionTabs
        label={t('users.tabs')}
        tabs={[
          tab(pathname, BASE, t('users.tab.officials'), !inGroups && !inRoles),
          tab(pathname, `${BASE}/nhom`, t('users.tab.groups'), inGroups),
          tab(pathname, `${BASE}/vai-tro`, t('users.tab.roles'), inRoles),
        ]}
      />
      <Outlet />
    </>
  );
}
