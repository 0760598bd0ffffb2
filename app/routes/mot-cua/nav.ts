import type { Permission } from '../../../src/domain/permissions.ts';
import { hasAnywhere } from '../../../src/domain/permissions.ts';
import type { Grant } from '../../../src/domain/permissions.ts';
import type { MessageKey } from '../../i18n/index.ts';

/**
 * Sections of the back office. The menu shows a section only to officials whose grants give its
 * permission somewhere (menus only: every service still checks the permission per agency).
 * To add a screen: create its route under app/routes/mot-cua/, register it in app/routes.ts as a
 * child of the 'mot-cua' layout, and set `ready: true` here.
 */
export interface BackOfficeSection {
  id: string;
  path: string;
  label: MessageKey;
  /** Shown to holders of any of these permissions (null: everyone). */
  permission: Permission | readonly Permission[] | null;
  ready: boolean;
}

export const BACK_OFFICE_SECTIONS: readonly BackOfficeSection[] = [
  { id: 'home', path: '/mot-cua', label: 'bo.section.home', permission: null, ready: true },
  {
    id: 'dossiers',
    path: '/mot-cua/ho-so',
    label: 'bo.section.dossiers',
    permission: [
      'dossiers.receive',
      'dossiers.process',
      'dossiers.assign',
      'dossiers.approve',
      'dossiers.read',
    ],
    ready: true,
  },
  {
    // Lists exported in the background (the dossier list's "Xuất danh sách"), to follow and download.
    id: 'exports',
    path: '/mot-cua/xuat-du-lieu',
    label: 'bo.section.exports',
    permission: [
      'dossiers.receive',
      'dossiers.process',
      'dossiers.assign',
      'dossiers.approve',
      'dossiers.read',
    ],
    ready: true,
  },
  {
    // The dossier handling report (II.13.1), printable and exportable.
    id: 'reports',
    path: '/mot-cua/bao-cao',
    label: 'bo.section.reports',
    permission: 'reports.read',
    ready: true,
  },
  { id: 'org', path: '/mot-cua/to-chuc', label: 'bo.section.org', permission: 'org.manage', ready: true },
  {
    id: 'users',
    path: '/mot-cua/nguoi-dung',
    label: 'bo.section.users',
    permission: 'users.manage',
    ready: true,
  },
  {
    id: 'catalogs',
    path: '/mot-cua/danh-muc',
    label: 'bo.section.catalogs',
    permission: 'catalogs.manage',
    ready: true,
  },
  {
    id: 'calendar',
    path: '/mot-cua/lich-lam-viec',
    label: 'bo.section.calendar',
    permission: 'calendar.manage',
    ready: true,
  },
  {
    id: 'accounts',
    path: '/mot-cua/tai-khoan-cong-dan',
    label: 'bo.section.accounts',
    permission: 'accounts.manage',
    ready: true,
  },
  {
    id: 'procedures',
    path: '/mot-cua/thu-tuc',
    label: 'bo.section.procedures',
    permission: ['procedures.edit', 'procedures.review'],
    ready: true,
  },
  {
    id: 'processes',
    path: '/mot-cua/quy-trinh',
    label: 'bo.section.processes',
    permission: ['procedures.edit', 'procedures.review'],
    ready: true,
  },
  {
    id: 'statuses',
    path: '/mot-cua/trang-thai',
    label: 'bo.section.statuses',
    permission: ['procedures.edit', 'procedures.review'],
    ready: true,
  },
  {
    id: 'guides',
    path: '/mot-cua/huong-dan',
    label: 'bo.section.guides',
    permission: 'content.edit',
    ready: true,
  },
  {
    id: 'audit',
    path: '/mot-cua/nhat-ky',
    label: 'bo.section.audit',
    permission: 'audit.read',
    ready: true,
  },
];

/** Ids of the sections these grants may see, in menu order. */
export function visibleSections(grants: readonly Grant[]): string[] {
  return BACK_OFFICE_SECTIONS.filter(
    (s) => s.permission === null || [s.permission].flat().some((p) => hasAnywhere(grants, p)),
  ).map((s) => s.id);
}
