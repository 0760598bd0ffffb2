/**
 * Statuses of a dossier (hồ sơ) as TT 22/2019 Annex I requires them to be shown, plus the citizen's
 * withdrawal request, each with its code on the national portal (DVCQG TrangThaiHoSo 1–10,
 * regulations.md §5.4). The allowed transitions and what must be shown with each status are in
 * dossier-status-machine.ts.
 */

export const DOSSIER_STATUSES = [
  'moi_dang_ky',
  'duoc_tiep_nhan',
  'khong_duoc_tiep_nhan',
  'dang_xu_ly',
  'yeu_cau_bo_sung',
  'da_bo_sung',
  'yeu_cau_nghia_vu_tai_chinh',
  'cong_dan_yeu_cau_rut',
  'dung_xu_ly',
  'da_xu_ly_xong',
  'da_tra_ket_qua',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export interface StatusInfo {
  /** Exact Vietnamese wording of Annex I (or of the DVCQG code list for the withdrawal request). */
  label: string;
  /** TrangThaiHoSo on the national portal. */
  dvcqgCode: number;
}

export const STATUS_INFO: Readonly<Record<DossierStatus, StatusInfo>> = {
  moi_dang_ky: { label: 'Mới đăng ký', dvcqgCode: 1 },
  duoc_tiep_nhan: { label: 'Được tiếp nhận', dvcqgCode: 2 },
  khong_duoc_tiep_nhan: { label: 'Không được tiếp nhận', dvcqgCode: 3 },
  dang_xu_ly: { label: 'Đang xử lý', dvcqgCode: 4 },
  yeu_cau_bo_sung: { label: 'Yêu cầu bổ sung giấy tờ', dvcqgCode: 5 },
  // Annex I's "Đã bổ sung hồ sơ" has no code of its own on the national list: the dossier is back in
  // handling, which the portal calls "Đang xử lý".
  da_bo_sung: { label: 'Đã bổ sung hồ sơ', dvcqgCode: 4 },
  yeu_cau_nghia_vu_tai_chinh: { label: 'Yêu cầu thực hiện nghĩa vụ tài chính', dvcqgCode: 6 },
  cong_dan_yeu_cau_rut: { label: 'Công dân yêu cầu rút hồ sơ', dvcqgCode: 7 },
  dung_xu_ly: { label: 'Dừng xử lý', dvcqgCode: 8 },
  da_xu_ly_xong: { label: 'Đã xử lý xong', dvcqgCode: 9 },
  da_tra_ket_qua: { label: 'Đã trả kết quả', dvcqgCode: 10 },
};
