/**
 * Builds src/seed/data/thu-tuc-dvcqg.json.gz: the 1,601 real procedures at province and commune level
 * of the national public-service portal (shared/data/tthc_dvcqg_2026_chi_tiet_cap_tinh_xa.json),
 * rewritten in the national database's LayThuTuc shape, so the demo loads them through the same
 * import path as a synchronisation with the national database.
 *
 *   node scripts/build-procedure-seed.ts [/path/to/shared/data]
 *
 * Only what the source states is carried over. Where its crawler ran table cells together
 * (`mo_ho`), the channel keeps the raw text and is marked KHONGRO; missing units stay missing; legal
 * documents whose title cannot be separated from the run-together text keep only their number. The
 * importer flags all of these for an editor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SRC = process.argv[2] ?? '/work/shared/data';
const OUT = fileURLToPath(new URL('../src/seed/data/thu-tuc-dvcqg.json.gz', import.meta.url));

interface SourceChannel {
  kenh: string;
  thoi_han: number | null;
  don_vi: string | null;
  phi_vnd: number | null;
  mien_phi: boolean | null;
  mo_ta_phi: string | null;
  mo_ho: boolean;
  raw?: string;
}
interface SourceRecord {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  linh_vuc: string;
  co_quan_ban_hanh: string | null;
  cap_thuc_hien: string[] | null;
  loai_thu_tuc: string | null;
  so_quyet_dinh_cong_bo: string | null;
  doi_tuong_thuc_hien: string[] | null;
  co_quan_co_tham_quyen: string | null;
  co_quan_thuc_hien: string | null;
  dia_chi_tiep_nhan: string | null;
  co_quan_duoc_uy_quyen: string | null;
  co_quan_phoi_hop: string | null;
  trinh_tu_thuc_hien: string | null;
  cach_thuc_thuc_hien: SourceChannel[];
  thanh_phan_ho_so:
    | {
        nhom: string | null;
        giay_to: { ten: string; mau_don: string | null; ban_chinh: number; ban_sao: number }[];
      }[]
    | null;
  can_cu_phap_ly_so_hieu: string[] | null;
  can_cu_phap_ly_goc: string | null;
  yeu_cau_dieu_kien: string | null;
  ket_qua: { ten: string; ma: string | null }[];
  url_nguon: string;
}

const source = JSON.parse(
  readFileSync(join(SRC, 'tthc_dvcqg_2026_chi_tiet_cap_tinh_xa.json'), 'utf8'),
) as SourceRecord[];

/**
 * The legal-basis cell is "title₁number₁title₂number₂…" run together. Titles are recovered by cutting
 * the text at each number in the order they occur; a number not found leaves that document's title
 * unknown (the number stands alone).
 */
function legalBasis(r: SourceRecord): { SOVANBAN: string; TENVANBAN: string }[] {
  const numbers = r.can_cu_phap_ly_so_hieu ?? [];
  let text = (r.can_cu_phap_ly_goc ?? '').replace(/^Tên văn bản pháp lýMã văn bản/, '');
  const located = numbers
    .map((n) => ({ n, at: text.indexOf(n) }))
    .sort((a, b) => (a.at < 0 ? 1 : b.at < 0 ? -1 : a.at - b.at));
  const out: { SOVANBAN: string; TENVANBAN: string }[] = [];
  for (const { n } of located) {
    const at = text.indexOf(n);
    if (at < 0) {
      out.push({ SOVANBAN: n, TENVANBAN: n });
      continue;
    }
    const title = text.slice(0, at).replace(/\s+/g, ' ').trim();
    out.push({ SOVANBAN: n, TENVANBAN: title.length >= 8 ? title : n });
    text = text.slice(at + n.length);
  }
  return out;
}

function channel(c: SourceChannel) {
  if (c.mo_ho)
    return {
      KENH: c.kenh,
      KHONGRO: true,
      THOIGIAN: [{ THOIGIANGIAIQUYET: null, DONVITINH: null, MOTA: c.raw ?? null, PHILEPHI: [] }],
    };
  const fees =
    c.mien_phi === true
      ? [{ SOTIEN: 0, DONVI: 'VNĐ', MOTA: 'Miễn phí' }]
      : c.phi_vnd !== null
        ? [{ SOTIEN: c.phi_vnd, DONVI: 'VNĐ', MOTA: null }]
        : [];
  return {
    KENH: c.kenh,
    THOIGIAN: [{ THOIGIANGIAIQUYET: c.thoi_han, DONVITINH: c.don_vi, MOTA: c.mo_ta_phi, PHILEPHI: fees }],
  };
}

function lines(text: string | null): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const result = source.map((r) => ({
  MATTHC: r.ma_thu_tuc,
  TENTTHC: r.ten_thu_tuc.replace(/\s+/g, ' ').trim(),
  LINHVUCTHUCHIEN: [{ MALINHVUC: null, TENLINHVUC: r.linh_vuc }],
  CAPTHUCHIEN: r.cap_thuc_hien ?? [],
  LOAITTHC: r.loai_thu_tuc,
  QUYETDINHCONGBO: r.so_quyet_dinh_cong_bo,
  COQUANBANHANH: r.co_quan_ban_hanh,
  DOITUONGTHUCHIEN: r.doi_tuong_thuc_hien ?? [],
  TRINHTUTHUCHIEN: lines(r.trinh_tu_thuc_hien).length
    ? [{ TRUONGHOP: null, TRINHTU: lines(r.trinh_tu_thuc_hien).map((t) => ({ TENTRINHTU: t })) }]
    : [],
  CACHTHUCTHUCHIEN: r.cach_thuc_thuc_hien.map(channel),
  YEUCAU: r.yeu_cau_dieu_kien,
  KETQUATHUCHIEN: r.ket_qua.map((k) => ({ MAKETQUA: k.ma, TENKETQUA: k.ten })),
  CANCUPHAPLY: legalBasis(r),
  COQUANTHUCHIEN: [...new Set(lines(r.co_quan_thuc_hien))].map((n) => ({ TENDONVI: n })),
  COQUANCOTHAMQUYEN: r.co_quan_co_tham_quyen,
  COQUANDUOCUYQUYEN: r.co_quan_duoc_uy_quyen,
  COQUANPHOIHOP: r.co_quan_phoi_hop,
  DIACHITIEPNHAN: r.dia_chi_tiep_nhan,
  THANHPHANHOSO: (r.thanh_phan_ho_so ?? []).map((g) => ({
    TRUONGHOP: g.nhom,
    GIAYTO: g.giay_to
      .filter((p) => p.ten.trim() !== '')
      .map((p) => ({
        MAGIAYTO: null,
        TENGIAYTO: p.ten.trim(),
        TENMAUDON: p.mau_don,
        URL: null,
        SOBANCHINH: p.ban_chinh,
        SOBANSAO: p.ban_sao,
      })),
  })),
  URLNGUON: r.url_nguon,
}));

const file = {
  nguon:
    'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), thủ tục cấp tỉnh và cấp xã, bản thu thập giữa năm 2026; URLNGUON của mỗi thủ tục là trang gốc. Sinh tự động bởi scripts/build-procedure-seed.ts; không sửa tay.',
  error_code: '00',
  result,
};
writeFileSync(OUT, gzipSync(JSON.stringify(file), { level: 9 }));
console.log(`${result.length} thủ tục → ${OUT}`);
