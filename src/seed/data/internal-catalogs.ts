/**
 * Catalogs with no official code list (see /work/shared/data/README.md §3, "Not found"): the codes are
 * this system's own convention; the names follow the legal texts cited per entry. Hand-written, not generated.
 */

export interface InternalItem {
  code: string;
  name: string;
  extra: Record<string, unknown>;
}

/**
 * Identity documents. Names as written in the procedures of the national public-service portal and in
 * Luật Căn cước 2023 (26/2023/QH15, in force 01/7/2024). `pattern` checks the document number where the
 * format is fixed by law; `expired` marks documents that can no longer be presented but appear in old records.
 */
export const ID_DOCUMENT_TYPES: InternalItem[] = [
  { code: 'CCCD', name: 'Thẻ Căn cước công dân', extra: { pattern: '^[0-9]{12}$', note: 'Cấp trước 01/7/2024, còn giá trị đến hết hạn ghi trên thẻ' } },
  { code: 'CC', name: 'Thẻ Căn cước', extra: { pattern: '^[0-9]{12}$', note: 'Luật Căn cước 2023, cấp từ 01/7/2024' } },
  { code: 'CCDT', name: 'Căn cước điện tử', extra: { pattern: '^[0-9]{12}$', note: 'Trên ứng dụng định danh quốc gia VNeID' } },
  { code: 'GCNCC', name: 'Giấy chứng nhận căn cước', extra: { note: 'Cấp cho người gốc Việt Nam chưa xác định được quốc tịch' } },
  { code: 'CMND', name: 'Chứng minh nhân dân', extra: { pattern: '^([0-9]{9}|[0-9]{12})$', expired: true, note: 'Hết giá trị sử dụng từ 01/01/2025' } },
  { code: 'HC', name: 'Hộ chiếu', extra: { note: 'Hộ chiếu Việt Nam hoặc nước ngoài' } },
  { code: 'GKS', name: 'Giấy khai sinh', extra: { note: 'Dùng cho trẻ em chưa được cấp thẻ căn cước' } },
  { code: 'TTR', name: 'Thẻ thường trú', extra: { note: 'Người nước ngoài thường trú tại Việt Nam' } },
  { code: 'TTT', name: 'Thẻ tạm trú', extra: { note: 'Người nước ngoài tạm trú tại Việt Nam' } },
];

/**
 * Positions (chức vụ) of officials in state administrative bodies; `leader` marks the positions that
 * may sign results on behalf of their agency or department.
 */
export const POSITIONS: InternalItem[] = [
  { code: 'chu_tich', name: 'Chủ tịch', extra: { leader: true } },
  { code: 'pho_chu_tich', name: 'Phó Chủ tịch', extra: { leader: true } },
  { code: 'chanh_van_phong', name: 'Chánh Văn phòng', extra: { leader: true } },
  { code: 'pho_chanh_van_phong', name: 'Phó Chánh Văn phòng', extra: { leader: true } },
  { code: 'giam_doc', name: 'Giám đốc', extra: { leader: true } },
  { code: 'pho_giam_doc', name: 'Phó Giám đốc', extra: { leader: true } },
  { code: 'truong_phong', name: 'Trưởng phòng', extra: { leader: true } },
  { code: 'pho_truong_phong', name: 'Phó Trưởng phòng', extra: { leader: true } },
  { code: 'to_truong', name: 'Tổ trưởng', extra: { leader: false } },
  { code: 'chuyen_vien_chinh', name: 'Chuyên viên chính', extra: { leader: false } },
  { code: 'chuyen_vien', name: 'Chuyên viên', extra: { leader: false } },
  { code: 'cong_chuc', name: 'Công chức', extra: { leader: false } },
  { code: 'can_su', name: 'Cán sự', extra: { leader: false } },
  { code: 'can_bo', name: 'Cán bộ', extra: { leader: false } },
  { code: 'nhan_vien', name: 'Nhân viên', extra: { leader: false } },
  { code: 'nhan_vien_buu_chinh', name: 'Nhân viên bưu chính', extra: { leader: false } },
];
