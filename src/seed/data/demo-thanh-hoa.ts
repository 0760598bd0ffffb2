/**
 * Demonstration data for Tỉnh Thanh Hóa (province code 38, QCVN 102 unit code 000.00.00.H56): the
 * provincial departments, the communes where demo officials work, the officials of every role, user
 * groups, citizens and organisations. Hand-written tables (one row per line, outside prettier), read by
 * src/seed/demo.ts and summarised by DEMO_ACCOUNTS in src/seed/demo-accounts.ts.
 *
 * The people, tax codes and identity numbers are invented; the units and their names are real.
 */
import type { RoleCode } from '../../domain/permissions.ts';

export const DEMO_PROVINCE = {
  /** Province code in the NSO catalogue. */
  provinceCode: '38',
  /** QCVN 102 identifier of the Provincial People's Committee (confirmed in the DVCQG integration). */
  agencyCode: '000.00.00.H56',
  name: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  shortName: 'UBND tỉnh Thanh Hóa',
  address: 'Số 35 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
} as const;

export interface DemoDepartment {
  code: string;
  name: string;
  oneStop?: boolean;
}

export interface DemoProvincialUnit {
  key: string;
  /** Level-2 segment of the QCVN 102 code: 000.00.<segment>.H56 (demo numbering, not official). */
  segment: number;
  name: string;
  shortName: string;
  departments: DemoDepartment[];
}

/** Provincial departments (agencies of level province_department under the People's Committee). */
export const DEMO_PROVINCIAL_UNITS: DemoProvincialUnit[] = [
  {
    key: 'vpubnd',
    segment: 1,
    name: 'Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa',
    shortName: 'VP UBND tỉnh',
    departments: [
      { code: 'TT_PVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', oneStop: true },
      { code: 'KSTTHC', name: 'Phòng Kiểm soát thủ tục hành chính' },
      { code: 'TONG_HOP', name: 'Phòng Tổng hợp' },
    ],
  },
  {
    key: 'sotuphap',
    segment: 2,
    name: 'Sở Tư pháp tỉnh Thanh Hóa',
    shortName: 'Sở Tư pháp',
    departments: [
      { code: 'MOT_CUA', name: 'Bộ phận Tiếp nhận và Trả kết quả', oneStop: true },
      { code: 'HCTP', name: 'Phòng Hành chính tư pháp' },
      { code: 'BTTP', name: 'Phòng Bổ trợ tư pháp' },
    ],
  },
  {
    key: 'sotaichinh',
    segment: 3,
    name: 'Sở Tài chính tỉnh Thanh Hóa',
    shortName: 'Sở Tài chính',
    departments: [
      { code: 'MOT_CUA', name: 'Bộ phận Tiếp nhận và Trả kết quả', oneStop: true },
      { code: 'DKKD', name: 'Phòng Đăng ký kinh doanh' },
      { code: 'QLNS', name: 'Phòng Quản lý ngân sách' },
    ],
  },
  {
    key: 'soxaydung',
    segment: 4,
    name: 'Sở Xây dựng tỉnh Thanh Hóa',
    shortName: 'Sở Xây dựng',
    departments: [
      { code: 'MOT_CUA', name: 'Bộ phận Tiếp nhận và Trả kết quả', oneStop: true },
      { code: 'QLHDXD', name: 'Phòng Quản lý hoạt động xây dựng' },
      { code: 'QLPT', name: 'Phòng Quản lý phương tiện và người lái' },
    ],
  },
  {
    key: 'sonnmt',
    segment: 5,
    name: 'Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa',
    shortName: 'Sở NN&MT',
    departments: [
      { code: 'MOT_CUA', name: 'Bộ phận Tiếp nhận và Trả kết quả', oneStop: true },
      { code: 'QLDD', name: 'Phòng Quản lý đất đai' },
      { code: 'MT', name: 'Phòng Môi trường' },
    ],
  },
  {
    key: 'congan',
    segment: 6,
    name: 'Công an tỉnh Thanh Hóa',
    shortName: 'Công an tỉnh',
    departments: [
      { code: 'MOT_CUA', name: 'Bộ phận Một cửa', oneStop: true },
      { code: 'PC06', name: 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội' },
      { code: 'PC08', name: 'Phòng Cảnh sát giao thông' },
    ],
  },
];

/** The departments of every commune-level People's Committee. */
export const DEMO_COMMUNE_DEPARTMENTS: DemoDepartment[] = [
  { code: 'MOT_CUA', name: 'Bộ phận Một cửa', oneStop: true },
  { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  { code: 'KINH_TE', name: 'Phòng Kinh tế' },
  { code: 'VH_XH', name: 'Phòng Văn hóa - Xã hội' },
];

/** The communes where demo officials work (code and name as in the NSO catalogue). */
export const DEMO_COMMUNES = {
  hacthanh: { code: '14797', name: 'Phường Hạc Thành' },
  samson: { code: '16531', name: 'Phường Sầm Sơn' },
  thoxuan: { code: '15499', name: 'Xã Thọ Xuân' },
} as const;

/** 'province', a provincial unit key, or a commune code. */
export type DemoAgencyKey = string;

export interface DemoOfficial {
  username: string;
  fullName: string;
  gender: 'male' | 'female';
  role: RoleCode;
  /** Where the official works. */
  agency: DemoAgencyKey;
  department?: string;
  /** Code in the `position` catalog. */
  position: string;
  title: string;
  /** Where the role is granted, when not the official's own agency (e.g. the whole province). */
  grantAgency?: DemoAgencyKey;
  includeSubtree?: boolean;
}

const P = 'province';
const HT = DEMO_COMMUNES.hacthanh.code;
const SS = DEMO_COMMUNES.samson.code;
const TX = DEMO_COMMUNES.thoxuan.code;

export const DEMO_OFFICIALS: DemoOfficial[] = [
  // People's Committee and its Office (Trung tâm Phục vụ hành chính công).
  { username: 'quantri.tinh', fullName: 'Lê Minh Quân', gender: 'male', role: 'quan_tri_he_thong', agency: P, position: 'chuyen_vien', title: 'Quản trị hệ thống cấp tỉnh', includeSubtree: true },
  { username: 'lanhdao.tinh', fullName: 'Trịnh Quốc Khánh', gender: 'male', role: 'lanh_dao_don_vi', agency: P, position: 'pho_chu_tich', title: 'Phó Chủ tịch UBND tỉnh' },
  { username: 'kiemsoat.tinh', fullName: 'Hoàng Thị Thu Hà', gender: 'female', role: 'can_bo_kiem_soat_tthc', agency: 'vpubnd', department: 'KSTTHC', position: 'chuyen_vien_chinh', title: 'Chuyên viên kiểm soát thủ tục hành chính', grantAgency: P, includeSubtree: true },
  { username: 'bientap.tinh', fullName: 'Phạm Thu Trang', gender: 'female', role: 'bien_tap_vien', agency: 'vpubnd', department: 'KSTTHC', position: 'chuyen_vien', title: 'Biên tập viên Cổng Dịch vụ công tỉnh', grantAgency: P, includeSubtree: true },
  { username: 'buuchinh.tinh', fullName: 'Vũ Văn Bình', gender: 'male', role: 'nhan_vien_buu_chinh', agency: 'vpubnd', department: 'TT_PVHCC', position: 'nhan_vien_buu_chinh', title: 'Nhân viên bưu chính công ích tại Trung tâm', grantAgency: P, includeSubtree: true },
  { username: 'motcua.ttpvhcc', fullName: 'Nguyễn Thị Lan', gender: 'female', role: 'can_bo_mot_cua', agency: 'vpubnd', department: 'TT_PVHCC', position: 'chuyen_vien', title: 'Cán bộ tiếp nhận và trả kết quả' },
  { username: 'lanhdao.ttpvhcc', fullName: 'Lê Văn Hải', gender: 'male', role: 'lanh_dao_phong', agency: 'vpubnd', department: 'TT_PVHCC', position: 'giam_doc', title: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh' },
  // Sở Tư pháp.
  { username: 'motcua.sotuphap', fullName: 'Mai Thị Hương', gender: 'female', role: 'can_bo_mot_cua', agency: 'sotuphap', department: 'MOT_CUA', position: 'chuyen_vien', title: 'Cán bộ tiếp nhận và trả kết quả' },
  { username: 'truongphong.sotuphap', fullName: 'Nguyễn Đức Long', gender: 'male', role: 'lanh_dao_phong', agency: 'sotuphap', department: 'HCTP', position: 'truong_phong', title: 'Trưởng phòng Hành chính tư pháp' },
  { username: 'thuly.sotuphap', fullName: 'Lê Thị Ngọc Anh', gender: 'female', role: 'can_bo_thu_ly', agency: 'sotuphap', department: 'HCTP', position: 'chuyen_vien', title: 'Chuyên viên hộ tịch, quốc tịch' },
  { username: 'giamdoc.sotuphap', fullName: 'Trịnh Văn Tuấn', gender: 'male', role: 'lanh_dao_don_vi', agency: 'sotuphap', position: 'giam_doc', title: 'Giám đốc Sở Tư pháp' },
  // Sở Tài chính.
  { username: 'motcua.sotaichinh', fullName: 'Đặng Thị Mai', gender: 'female', role: 'can_bo_mot_cua', agency: 'sotaichinh', department: 'MOT_CUA', position: 'chuyen_vien', title: 'Cán bộ tiếp nhận và trả kết quả' },
  { username: 'thuly.sotaichinh', fullName: 'Hoàng Văn Nam', gender: 'male', role: 'can_bo_thu_ly', agency: 'sotaichinh', department: 'DKKD', position: 'chuyen_vien', title: 'Chuyên viên đăng ký doanh nghiệp' },
  // Sở Xây dựng.
  { username: 'motcua.soxaydung', fullName: 'Phạm Văn Đức', gender: 'male', role: 'can_bo_mot_cua', agency: 'soxaydung', department: 'MOT_CUA', position: 'chuyen_vien', title: 'Cán bộ tiếp nhận và trả kết quả' },
  { username: 'truongphong.soxaydung', fullName: 'Lê Thị Hồng', gender: 'female', role: 'lanh_dao_phong', agency: 'soxaydung', department: 'QLHDXD', position: 'truong_phong', title: 'Trưởng phòng Quản lý hoạt động xây dựng' },
  { username: 'thuly.soxaydung', fullName: 'Nguyễn Văn Sơn', gender: 'male', role: 'can_bo_thu_ly', agency: 'soxaydung', department: 'QLHDXD', position: 'chuyen_vien', title: 'Chuyên viên cấp phép xây dựng' },
  { username: 'lanhdao.soxaydung', fullName: 'Đỗ Văn Thắng', gender: 'male', role: 'lanh_dao_don_vi', agency: 'soxaydung', position: 'pho_giam_doc', title: 'Phó Giám đốc Sở Xây dựng' },
  // Sở Nông nghiệp và Môi trường, Công an tỉnh.
  { username: 'thuly.sonnmt', fullName: 'Lường Thị Vân', gender: 'female', role: 'can_bo_thu_ly', agency: 'sonnmt', department: 'QLDD', position: 'chuyen_vien', title: 'Chuyên viên quản lý đất đai' },
  { username: 'motcua.congantinh', fullName: 'Trần Quang Huy', gender: 'male', role: 'can_bo_mot_cua', agency: 'congan', department: 'MOT_CUA', position: 'can_bo', title: 'Cán bộ tiếp nhận hồ sơ' },
  // Phường Hạc Thành (the provincial capital's central ward).
  { username: 'motcua.hacthanh', fullName: 'Nguyễn Thị Thu Hằng', gender: 'female', role: 'can_bo_mot_cua', agency: HT, department: 'MOT_CUA', position: 'cong_chuc', title: 'Công chức Bộ phận Một cửa' },
  { username: 'thuly.hacthanh', fullName: 'Lê Văn Phúc', gender: 'male', role: 'can_bo_thu_ly', agency: HT, department: 'VH_XH', position: 'cong_chuc', title: 'Công chức Tư pháp - Hộ tịch' },
  { username: 'truongphong.hacthanh', fullName: 'Hoàng Thị Lan Anh', gender: 'female', role: 'lanh_dao_phong', agency: HT, department: 'KINH_TE', position: 'truong_phong', title: 'Trưởng phòng Kinh tế' },
  { username: 'lanhdao.hacthanh', fullName: 'Trịnh Minh Đức', gender: 'male', role: 'lanh_dao_don_vi', agency: HT, position: 'chu_tich', title: 'Chủ tịch UBND phường' },
  { username: 'quantri.hacthanh', fullName: 'Phạm Quốc Việt', gender: 'male', role: 'quan_tri_he_thong', agency: HT, department: 'VP', position: 'chuyen_vien', title: 'Quản trị hệ thống cấp phường' },
  // Phường Sầm Sơn.
  { username: 'motcua.samson', fullName: 'Vũ Thị Thanh Nga', gender: 'female', role: 'can_bo_mot_cua', agency: SS, department: 'MOT_CUA', position: 'cong_chuc', title: 'Công chức Bộ phận Một cửa' },
  { username: 'thuly.samson', fullName: 'Nguyễn Hữu Tài', gender: 'male', role: 'can_bo_thu_ly', agency: SS, department: 'KINH_TE', position: 'cong_chuc', title: 'Công chức Địa chính - Xây dựng' },
  { username: 'lanhdao.samson', fullName: 'Lê Thị Kim Oanh', gender: 'female', role: 'lanh_dao_don_vi', agency: SS, position: 'pho_chu_tich', title: 'Phó Chủ tịch UBND phường' },
  // Xã Thọ Xuân.
  { username: 'motcua.thoxuan', fullName: 'Lê Đình Khôi', gender: 'male', role: 'can_bo_mot_cua', agency: TX, department: 'MOT_CUA', position: 'cong_chuc', title: 'Công chức Bộ phận Một cửa' },
  { username: 'thuly.thoxuan', fullName: 'Đào Thị Nhung', gender: 'female', role: 'can_bo_thu_ly', agency: TX, department: 'VH_XH', position: 'cong_chuc', title: 'Công chức Văn hóa - Xã hội' },
  { username: 'lanhdao.thoxuan', fullName: 'Phạm Văn Trường', gender: 'male', role: 'lanh_dao_don_vi', agency: TX, position: 'chu_tich', title: 'Chủ tịch UBND xã' },
];

export interface DemoGroup {
  agency: DemoAgencyKey;
  name: string;
  description: string;
  roles: RoleCode[];
  members: string[];
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    agency: HT,
    name: 'Tổ tiếp nhận và trả kết quả phường Hạc Thành',
    description: 'Công chức luân phiên tiếp nhận hồ sơ tại Bộ phận Một cửa',
    roles: ['can_bo_mot_cua'],
    members: ['motcua.hacthanh', 'thuly.hacthanh'],
  },
  {
    agency: 'soxaydung',
    name: 'Tổ thẩm định hồ sơ cấp phép xây dựng',
    description: 'Chuyên viên thụ lý hồ sơ cấp giấy phép xây dựng',
    roles: ['can_bo_thu_ly'],
    members: ['thuly.soxaydung', 'truongphong.soxaydung'],
  },
];

export interface DemoCitizen {
  /** 12-digit personal identification number: 038 (born in Thanh Hóa), century/sex digit, year, serial. */
  idNumber: string;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  email: string;
  phone: string;
  address: string;
  communeCode: string;
}

export const DEMO_CITIZENS: DemoCitizen[] = [
  { idNumber: '038085001234', fullName: 'Nguyễn Văn An', gender: 'male', birthDate: '1985-03-12', email: 'nguyenvanan@example.vn', phone: '0912000001', address: 'Số 12 phố Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa', communeCode: HT },
  { idNumber: '038192004567', fullName: 'Lê Thị Bình', gender: 'female', birthDate: '1992-07-25', email: 'lethibinh@example.vn', phone: '0912000002', address: 'Số 8 đường Hồ Xuân Hương, phường Sầm Sơn, tỉnh Thanh Hóa', communeCode: SS },
  { idNumber: '038078007890', fullName: 'Trần Văn Cường', gender: 'male', birthDate: '1978-11-02', email: 'tranvancuong@example.vn', phone: '0912000003', address: 'Thôn Xuân Lai, xã Thọ Xuân, tỉnh Thanh Hóa', communeCode: TX },
  { idNumber: '038301002345', fullName: 'Phạm Thị Dung', gender: 'female', birthDate: '2001-01-30', email: 'phamthidung@example.vn', phone: '0912000004', address: 'Số 45 đường Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa', communeCode: HT },
  { idNumber: '038203005678', fullName: 'Hoàng Minh Đức', gender: 'male', birthDate: '2003-09-09', email: 'hoangminhduc@example.vn', phone: '0912000005', address: 'Khu phố Trung Sơn, phường Sầm Sơn, tỉnh Thanh Hóa', communeCode: SS },
];

export interface DemoOrganisation {
  taxCode: string;
  orgName: string;
  /** The legal representative who holds the account. */
  fullName: string;
  email: string;
  phone: string;
  address: string;
  communeCode: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { taxCode: '2809990001', orgName: 'Công ty TNHH Xây dựng và Thương mại Lam Kinh', fullName: 'Lê Văn Hùng', email: 'lienhe@xaydunglamkinh.example.vn', phone: '0237300001', address: 'Số 20 đại lộ Hùng Vương, phường Hạc Thành, tỉnh Thanh Hóa', communeCode: HT },
  { taxCode: '2809990002', orgName: 'Hợp tác xã Nông nghiệp Xuân Lai', fullName: 'Trịnh Thị Hoa', email: 'htxxuanlai@example.vn', phone: '0237300002', address: 'Thôn Xuân Lai, xã Thọ Xuân, tỉnh Thanh Hóa', communeCode: TX },
];

