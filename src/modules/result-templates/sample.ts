import type { Placeholder, ResultTemplate } from '../../domain/result-template.ts';

/** Sample dossier facts for a preview: plausible, clearly Vietnamese, with the letters a font must have. */
const SAMPLE: Record<string, string> = {
  'hoSo.ma': '000.00.00.H00-260101-0001',
  'nguoiNop.hoTen': 'Nguyễn Thị Lịch',
  'nguoiNop.soGiayTo': '038190000123',
  'nguoiNop.diaChi': 'Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  'coQuan.ten': 'Ủy ban nhân dân phường Hạc Thành',
  'hoSo.ngayTiepNhan': '05/01/2026',
  'hoSo.ngayHenTra': '12/01/2026',
  'hoSo.ngayHoanThanh': '09/01/2026',
};

/** Every placeholder's sample value: the facts above, and an e-form field as "[its label]". */
export function sampleValues(
  placeholders: readonly Placeholder[],
  procedureName: string,
  t: ResultTemplate,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of placeholders)
    out.set(p.name, p.name.startsWith('form.') ? `[${p.description}]` : (SAMPLE[p.name] ?? ''));
  out.set('thuTuc.ten', procedureName);
  out.set('nguoiKy.chucDanh', t.signerTitle);
  return out;
}
