/**
 * TT 22/2019/TT-BTTTT Annex I (Phụ lục I): the processing sequence of a dossier and, for each step,
 * the status the portal shows and the information shown with it. Text copied verbatim from the
 * Circular (../spec/tt22-criteria.json; the line break inside the I.process.3.5 example is joined);
 * `decree` is the article of Nghị định 61/2018/NĐ-CP the row cites.
 */
import type { DossierStatus } from './dossier-status.ts';

export const ANNEX_I_PHASES = ['submit', 'receive', 'process', 'return'] as const;
export type AnnexIPhase = (typeof ANNEX_I_PHASES)[number];

export interface AnnexIRow {
  id: string;
  phase: AnnexIPhase;
  /** "Trình tự thực hiện", verbatim. */
  step: string;
  /** Status the row requires to be shown (none on parent rows; two alternatives on I.receive.2.1). */
  statuses: readonly DossierStatus[];
  /** "Thông tin" to show with the status, verbatim; null when the row names none. */
  info: string | null;
  decree: string | null;
}

const row = (
  id: string,
  phase: AnnexIPhase,
  step: string,
  statuses: readonly DossierStatus[],
  info: string | null,
  decree: string | null,
): AnnexIRow => ({ id, phase, step, statuses, info, decree });

const HANDLER_INFO = 'Vị trí, phòng ban, người xử lý hiện tại';

/** The 24 rows of Annex I, in the Circular's order. */
export const ANNEX_I_ROWS: readonly AnnexIRow[] = [
  row(
    'I.submit.1',
    'submit',
    'Nộp hồ sơ qua Bộ phận một cửa/Dịch vụ bưu chính (Hồ sơ giấy)',
    [],
    null,
    'Khoản 1 và 2 Điều 16',
  ),
  row(
    'I.submit.2',
    'submit',
    'Nộp hồ sơ qua Cổng Dịch vụ công (Hồ sơ điện tử)',
    ['moi_dang_ky'],
    null,
    'Khoản 3 Điều 16',
  ),
  row(
    'I.receive.1',
    'receive',
    'Nhận hồ sơ giấy: Quét và lưu trữ hồ sơ điện tử vào hệ thống một cửa điện tử',
    [],
    null,
    'Khoản 1, Điều 17',
  ),
  row(
    'I.receive.1.1',
    'receive',
    'Hồ sơ chưa đầy đủ, chưa chính xác',
    ['yeu_cau_bo_sung'],
    'Lý do bổ sung, hoàn thiện hồ sơ',
    'Điểm a, khoản 1, Điều 17',
  ),
  row(
    'I.receive.1.2',
    'receive',
    'Từ chối tiếp nhận',
    ['khong_duoc_tiep_nhan'],
    'Lý do từ chối tiếp nhận',
    'Điểm b, khoản 1, Điều 17',
  ),
  row('I.receive.1.3', 'receive', 'Tiếp nhận hồ sơ', ['duoc_tiep_nhan'], null, 'Điểm c, khoản 1, Điều 17'),
  row('I.receive.2', 'receive', 'Nhận hồ sơ điện tử', [], null, 'Khoản 2, Điều 17'),
  row(
    'I.receive.2.1',
    'receive',
    'Hồ sơ chưa đầy đủ, chính xác hoặc không thuộc thẩm quyền giải quyết',
    ['yeu_cau_bo_sung', 'khong_duoc_tiep_nhan'],
    'Lý do bổ sung, chỉnh sửa hoặc không tiếp nhận hồ sơ',
    'Điểm a, khoản 2, Điều 17',
  ),
  row(
    'I.receive.2.2',
    'receive',
    'Tiếp nhận hồ sơ và chuyển giải quyết (cơ quan có thẩm quyền chưa tiến hành xử lý)',
    ['duoc_tiep_nhan'],
    null,
    'Điểm b, khoản 2, Điều 17',
  ),
  row(
    'I.receive.3',
    'receive',
    'Hồ sơ đã được bổ sung đối với các trường hợp điểm a, khoản 1 và điểm a, khoản 2, Điều 17',
    ['da_bo_sung'],
    null,
    null,
  ),
  row(
    'I.process.1',
    'process',
    'Chuyển hồ sơ',
    ['dang_xu_ly'],
    'Cơ quan có thẩm quyền giải quyết',
    'Điều 18',
  ),
  row('I.process.2', 'process', 'Phân công xử lý', ['dang_xu_ly'], HANDLER_INFO, 'Khoản 1, Điều 19'),
  row('I.process.3', 'process', 'Xử lý hồ sơ', [], null, 'Khoản 2, Điều 19'),
  row(
    'I.process.3.1',
    'process',
    'Trường hợp thủ tục hành chính không quy định phải thẩm tra, xác minh hồ sơ hoặc có quy định nhưng hồ sơ đã đủ điều kiện trình cấp có thẩm quyền quyết định',
    ['dang_xu_ly'],
    HANDLER_INFO,
    'Khoản 2, Điều 19 và khoản 3, Điều 19',
  ),
  row(
    'I.process.3.2',
    'process',
    'Trường hợp có quy định phải thẩm tra, xác minh hồ sơ',
    [],
    null,
    'Khoản 3 Điều 19',
  ),
  row(
    'I.process.3.2.1',
    'process',
    'Khi thẩm tra, xác minh hồ sơ chưa đủ điều kiện giải quyết.',
    ['yeu_cau_bo_sung'],
    'Lý do, nội dung cần bổ sung',
    'Khoản 4, Điều 19',
  ),
  row(
    'I.process.3.2.2',
    'process',
    'Sau khi thẩm định không đủ điều kiện giải quyết',
    ['dung_xu_ly'],
    'Lý do không giải quyết',
    'Khoản 8, Điều 19',
  ),
  row(
    'I.process.3.3',
    'process',
    'Hồ sơ đang lấy ý kiến của các cơ quan liên quan',
    ['dang_xu_ly'],
    HANDLER_INFO,
    'Khoản 5, Điều 19',
  ),
  row(
    'I.process.3.4',
    'process',
    'Hồ sơ thực hiện theo liên thông',
    ['dang_xu_ly'],
    HANDLER_INFO,
    'Khoản 6, Điều 19 và khoản 7, Điều 19',
  ),
  row(
    'I.process.3.5',
    'process',
    'Hồ sơ quá hạn giải quyết',
    ['dang_xu_ly'],
    'Thời hạn xử lý, thời gian quá hạn (Ví dụ: Hạn xử lý 15/08/2019 - Quá hạn 3 ngày)',
    'Khoản 9, Điều 19',
  ),
  row(
    'I.process.4',
    'process',
    'Hồ sơ đã được bổ sung đối với các trường hợp khoản 4, Điều 19',
    ['da_bo_sung'],
    null,
    null,
  ),
  row('I.process.5', 'process', 'Nộp phí/ lệ phí/ thuế', ['yeu_cau_nghia_vu_tai_chinh'], null, null),
  row(
    'I.return.1',
    'return',
    'Hồ sơ được xử lý xong, đã chuyển về bộ phận một cửa để trả hồ sơ',
    ['da_xu_ly_xong'],
    'Đang trả kết quả',
    'Điều 20',
  ),
  row(
    'I.return.2',
    'return',
    'Cá nhân, tổ chức nhận kết quả giải quyết thủ tục hành chính',
    ['da_tra_ket_qua'],
    'Ngày trả kết quả (ví dụ: 15/8/2019)',
    'Điều 20',
  ),
];

export const ANNEX_I_IDS: ReadonlySet<string> = new Set(ANNEX_I_ROWS.map((r) => r.id));

/** The Annex I rows at which `status` is shown, in the Circular's order. */
export function annexRowsShowing(status: DossierStatus): AnnexIRow[] {
  return ANNEX_I_ROWS.filter((r) => r.statuses.includes(status));
}
