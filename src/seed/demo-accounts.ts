/**
 * The demo accounts of Tỉnh Thanh Hóa, as a list the README (or any script) can print without a
 * database. Every one signs in with DEMO_PASSWORD ("Demo@2025"). The data itself is in
 * ./data/demo-thanh-hoa.ts; the seed is ./demo.ts.
 */
import type { RoleCode } from '../domain/permissions.ts';
import type { DemoAgencyKey } from './data/demo-thanh-hoa.ts';
import {
  DEMO_CITIZENS,
  DEMO_COMMUNES,
  DEMO_OFFICIALS,
  DEMO_ORGANISATIONS,
  DEMO_PROVINCE,
  DEMO_PROVINCIAL_UNITS,
} from './data/demo-thanh-hoa.ts';

export * from './data/demo-thanh-hoa.ts';

export const DEMO_PASSWORD = 'Demo@2025';

const ROLE_NAMES: Record<RoleCode | 'citizen' | 'organisation', string> = {
  quan_tri_he_thong: 'Quản trị hệ thống',
  bien_tap_vien: 'Biên tập viên',
  can_bo_mot_cua: 'Cán bộ tiếp nhận và trả kết quả',
  lanh_dao_phong: 'Lãnh đạo phòng',
  can_bo_thu_ly: 'Cán bộ thụ lý',
  lanh_dao_don_vi: 'Lãnh đạo đơn vị',
  can_bo_kiem_soat_tthc: 'Cán bộ kiểm soát thủ tục hành chính',
  nhan_vien_buu_chinh: 'Nhân viên bưu chính',
  citizen: 'Công dân',
  organisation: 'Tổ chức, doanh nghiệp',
};

/** Name of the agency behind a demo key. */
export function demoAgencyName(key: DemoAgencyKey): string {
  if (key === 'province') return DEMO_PROVINCE.name;
  const unit = DEMO_PROVINCIAL_UNITS.find((u) => u.key === key);
  if (unit) return unit.name;
  const commune = Object.values(DEMO_COMMUNES).find((c) => c.code === key);
  if (commune) return commune.name;
  throw new Error(`unknown demo agency ${key}`);
}

export interface DemoAccountRow {
  username: string;
  role: RoleCode | 'citizen' | 'organisation';
  roleName: string;
  agency: string;
  fullName: string;
}

/** Every demo sign-in (password DEMO_PASSWORD), for the README and the sign-in page of the demo. */
export const DEMO_ACCOUNTS: readonly DemoAccountRow[] = [
  ...DEMO_OFFICIALS.map((o) => ({
    username: o.username,
    role: o.role,
    roleName: ROLE_NAMES[o.role],
    agency: demoAgencyName(o.agency),
    fullName: o.fullName,
  })),
  ...DEMO_CITIZENS.map((c) => ({
    username: c.idNumber,
    role: 'citizen' as const,
    roleName: ROLE_NAMES.citizen,
    agency: '—',
    fullName: c.fullName,
  })),
  ...DEMO_ORGANISATIONS.map((o) => ({
    username: o.taxCode,
    role: 'organisation' as const,
    roleName: ROLE_NAMES.organisation,
    agency: '—',
    fullName: `${o.orgName} (${o.fullName})`,
  })),
];
