/**
 * Builds the compact seed files in src/seed/data/ from the reference data set (/work/shared/data by
 * default, or the folder given as the first argument). Run it again when the reference data changes:
 *
 *   node scripts/build-seed-data.ts [/path/to/shared/data]
 *
 * Only the fields the platform needs are kept, each file says where its facts officially come from,
 * and the seed itself reads only these generated files (the reference folder is not shipped).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = process.argv[2] ?? '/work/shared/data';
const OUT = fileURLToPath(new URL('../src/seed/data/', import.meta.url));
const GENERATED = `Sinh tự động bởi scripts/build-seed-data.ts; không sửa tay.`;

// ───────────────────────────── helpers ─────────────────────────────

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(name: string): string[][] {
  return parseCsv(readFileSync(join(SRC, name), 'utf8').replace(/^\uFEFF/, ''));
}

const nfc = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const pad = (v: string | number, width: number) => String(v).trim().padStart(width, '0');

function check(cond: boolean, message: string): asserts cond {
  if (!cond) throw new Error(`build-seed-data: ${message}`);
}

/** Type of a commune as its name spells it ("Phường Hạc Thành" → "phường"); the seed derives it the same way. */
function typeFromName(name: string): string | undefined {
  return /^(xã|phường|thị trấn|đặc khu) /.exec(name.toLowerCase())?.[1];
}

/** The type column, only when the name does not already say it (one quirk in the 2025-01 GSO export). */
function typeUnlessObvious(name: string, type: string): string[] {
  return typeFromName(name) === type ? [] : [type];
}

/** One tuple per line: diffs stay readable and the file stays small. */
function writeData(file: string, header: Record<string, unknown>, tables: Record<string, unknown[]>): void {
  const parts = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  for (const [k, rows] of Object.entries(tables)) {
    parts.push(`  ${JSON.stringify(k)}: [\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`);
  }
  const text = `{\n${parts.join(',\n')}\n}\n`;
  JSON.parse(text);
  writeFileSync(join(OUT, file), text);
  console.log(
    `${file}: ${Object.entries(tables)
      .map(([k, v]) => `${k} ${v.length}`)
      .join(', ')} (${Math.round(text.length / 1024)} KB)`,
  );
}

// ───────────────────────────── administrative units from 01/07/2025 ─────────────────────────────

interface NestedProvince {
  code: number;
  name: string;
  division_type: string;
  phone_code: number;
  wards: { code: number; name: string; division_type: string }[];
}

const nested = JSON.parse(
  readFileSync(join(SRC, 'dvhc2025_nested_34tinh_3321xa.json'), 'utf8'),
) as NestedProvince[];
const provinces = nested.map((p) => [
  pad(p.code, 2),
  nfc(p.name),
  nfc(p.division_type),
  String(p.phone_code),
]);
const communes = nested.flatMap((p) =>
  p.wards.map((w) => [
    pad(w.code, 5),
    nfc(w.name),
    pad(p.code, 2),
    ...typeUnlessObvious(nfc(w.name), nfc(w.division_type)),
  ]),
);
check(provinces.length === 34, `expected 34 provinces, got ${provinces.length}`);
check(communes.length === 3321, `expected 3321 communes, got ${communes.length}`);
check(new Set(communes.map((c) => c[0])).size === communes.length, 'duplicate commune codes');
// Cross-check with the flat CSV derived from the same catalogue.
const flatCommunes = readCsv('dvhc2025_xa.csv')
  .slice(1)
  .filter((r) => r.length > 3);
check(flatCommunes.length === communes.length, 'dvhc2025_xa.csv disagrees with the nested JSON');
const newCodes = new Set(communes.map((c) => c[0]));

writeData(
  'dvhc-2025.json',
  {
    source:
      'Danh mục đơn vị hành chính Việt Nam sau sắp xếp (hiệu lực từ 01/7/2025), Cục Thống kê — https://danhmuchanhchinh.nso.gov.vn/ ; ' +
      'trích qua gói vietnam-provinces 2026.2.3 (github.com/sunshine-tech/VietnamProvinces). Chỉ giữ mã, tên, loại đơn vị, mã vùng điện thoại.',
    note: GENERATED,
    provinceColumns: ['code', 'name', 'type', 'phoneCode'],
    communeColumns: ['code', 'name', 'provinceCode', 'type (only when the name does not start with it)'],
  },
  { provinces, communes },
);

// ───────────────────────────── administrative units before 01/07/2025 ─────────────────────────────

const legacyRows = readCsv('dvhc_truoc2025_gso_xa_2025-01-04.csv')
  .slice(1)
  .filter((r) => r.length >= 7);
const legacyProvinces = new Map<string, string>();
const legacyDistricts = new Map<string, [string, string, string]>();
const legacyCommunes: [string, string, string, string][] = [];
for (const [
  pName = '',
  pCode = '',
  dName = '',
  dCode = '',
  cName = '',
  cCode = '',
  level = '',
] of legacyRows) {
  const pc = pad(pCode, 2);
  const dc = pad(dCode, 3);
  legacyProvinces.set(pc, nfc(pName));
  if (!legacyDistricts.has(dc)) legacyDistricts.set(dc, [dc, nfc(dName), pc]);
  if (cCode.trim()) legacyCommunes.push([pad(cCode, 5), nfc(cName), nfc(level).toLowerCase(), dc]);
}
check(legacyProvinces.size === 63, `expected 63 legacy provinces, got ${legacyProvinces.size}`);
check(legacyCommunes.length === 10051, `expected 10051 legacy communes, got ${legacyCommunes.length}`);

// Old → new commune codes (conversion table). Two header lines, then a title row per province.
const mapping = new Map<string, Set<string>>();
const districtToNew = new Map<string, Set<string>>();
for (const r of readCsv('dvhc2025_bang_chuyen_doi_xa_cu_moi.csv').slice(2)) {
  const newCode = (r[2] ?? '').trim();
  if (!/^\d{4,5}$/.test(newCode)) continue;
  const nc = pad(newCode, 5);
  check(newCodes.has(nc), `conversion table names unknown new code ${nc}`);
  const oldCode = (r[4] ?? '').trim();
  if (/^\d{4,5}$/.test(oldCode)) {
    const oc = pad(oldCode, 5);
    mapping.set(oc, (mapping.get(oc) ?? new Set()).add(nc));
  } else {
    // Whole island districts turned into special zones (đặc khu) have no old commune code.
    const m = /\((\d{3})\)\s*$/.exec(nfc(r[6] ?? ''));
    if (m?.[1]) districtToNew.set(m[1], (districtToNew.get(m[1]) ?? new Set()).add(nc));
  }
}
let mapped = 0;
let ambiguous = 0;
const legacyCommuneRows = legacyCommunes.map(([code, name, level, dc]) => {
  const targets = [...(mapping.get(code) ?? [])].sort();
  if (targets.length === 1) mapped++;
  if (targets.length > 1) ambiguous++;
  return [
    code,
    name,
    dc,
    targets.length === 0 ? null : targets.length === 1 ? targets[0] : targets,
    ...typeUnlessObvious(name, level),
  ];
});
const legacyDistrictRows = [...legacyDistricts.values()].map(([dc, name, pc]) => {
  const targets = [...(districtToNew.get(dc) ?? [])];
  return targets.length === 1 ? [dc, name, pc, targets[0]] : [dc, name, pc];
});

writeData(
  'dvhc-truoc-2025.json',
  {
    source:
      'Danh mục đơn vị hành chính Việt Nam 3 cấp, Tổng cục Thống kê, bản kết xuất ngày 04/01/2025 (https://danhmuchanhchinh.gso.gov.vn/); ' +
      'mã xã mới theo bảng chuyển đổi đơn vị hành chính cũ – mới năm 2025 (github.com/sunshine-tech/VietnamProvinces, dev/seed-data/2025-07; ' +
      'nguồn gốc chính thức của bảng chưa được nêu). Thay đổi từ 01/2025 đến 6/2025 không có trong bản này.',
    note: `${GENERATED} newCode: một mã xã mới (${mapped} xã cũ), hoặc mảng khi xã cũ được chia cho nhiều xã mới (${ambiguous} xã cũ), null khi bảng chuyển đổi không có.`,
    provinceColumns: ['code', 'name'],
    districtColumns: ['code', 'name', 'provinceCode', 'newCode?'],
    communeColumns: [
      'code',
      'name',
      'districtCode',
      'newCode',
      'type (only when the name does not start with it)',
    ],
  },
  {
    provinces: [...legacyProvinces.entries()].map(([c, n]) => [c, n]),
    districts: legacyDistrictRows,
    communes: legacyCommuneRows,
  },
);

// ───────────────────────────── ethnic groups ─────────────────────────────

const ethnic = readCsv('dan_toc_54_gso_qd121.csv')
  .slice(1)
  .filter((r) => /^\d{2}$/.test(r[0] ?? '') && Number(r[0]) <= 54)
  .map(([code = '', name = '', other = '']) => [code, nfc(name), other.split(',').map(nfc).filter(Boolean)]);
check(ethnic.length === 54, `expected 54 ethnic groups, got ${ethnic.length}`);
writeData(
  'dan-toc.json',
  {
    source:
      'Danh mục các dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục Thống kê (thứ tự mã theo QĐ 121, ' +
      'không phải thứ tự theo dân số của văn bản GSO mới hơn); trích qua hl7vn/vn-core-ig CodeSystem vn-core-race.',
    note: `${GENERATED} Mã 55 (người nước ngoài) và 99 (không rõ) của bộ mã y tế không đưa vào.`,
    columns: ['code', 'name', 'otherNames'],
  },
  { items: ethnic },
);

// ───────────────────────────── nationalities ─────────────────────────────

// Official Vietnamese usage for territories the community translation names differently.
const VI_OVERRIDES: Record<string, string> = {
  TW: 'Đài Loan (Trung Quốc)',
  HK: 'Hồng Kông (Trung Quốc)',
  MO: 'Ma Cao (Trung Quốc)',
};
const english = new Intl.DisplayNames(['en'], { type: 'region' });
const collator = new Intl.Collator('vi');
const nationalities = readCsv('quoc_tich_iso3166_vi.csv')
  .slice(1)
  .filter((r) => /^[A-Z]{2}$/.test(r[0] ?? '') && r[0] !== 'XK') // XK (Kosovo) is not an ISO 3166 code
  .map(([a2 = '', a3 = '', num = '', vi = '', other = '']) => {
    const nameEn = english.of(a2);
    check(nameEn !== undefined && nameEn !== a2, `no English name for ${a2}`);
    const row: (string | string[])[] = [a2, VI_OVERRIDES[a2] ?? nfc(vi), nameEn, a3, num];
    if (other.trim()) row.push(other.split(';').map(nfc));
    return row;
  })
  .sort((a, b) => (a[0] === 'VN' ? -1 : b[0] === 'VN' ? 1 : collator.compare(String(a[1]), String(b[1]))));
check(nationalities.length === 249, `expected 249 ISO 3166-1 codes, got ${nationalities.length}`);
writeData(
  'quoc-tich.json',
  {
    source:
      'Mã quốc gia ISO 3166-1 (alpha-2, alpha-3, numeric); tên tiếng Việt theo bản dịch của i18n-iso-countries 7.14 (MIT), ' +
      'sửa Đài Loan, Hồng Kông, Ma Cao theo cách gọi chính thức "(Trung Quốc)"; tên tiếng Anh theo Unicode CLDR ' +
      `${process.versions.cldr ?? ''} (Intl.DisplayNames). Chưa có danh mục quốc tịch chính thức của Bộ Tư pháp/Bộ Công an.`,
    note: `${GENERATED} Việt Nam đứng đầu, còn lại xếp theo tên tiếng Việt. Bỏ XK (Kosovo) vì không phải mã ISO 3166.`,
    columns: ['code', 'name', 'nameEn', 'alpha3', 'numeric', 'otherNames?'],
  },
  { items: nationalities },
);

// ───────────────────────────── holidays for civil servants ─────────────────────────────

interface Period {
  nam: number;
  dip: string;
  ngay_nghi_chinh_thuc: string[];
  ngay_nghi_bu_hoac_hoan_doi: string[];
  ngay_lam_bu: string[];
  trang_thai: string;
  nguon: string[];
}
const periods = (
  JSON.parse(readFileSync(join(SRC, 'lich_nghi_le_cong_chuc_2025_2027.json'), 'utf8')) as {
    dot_nghi: Period[];
  }
).dot_nghi;

/** Short legal reference of a period: the Government Office letter, else the Labour Code, else the press report. */
function reference(p: Period): string {
  const provisional = p.trang_thai !== 'da_cong_bo';
  if (provisional)
    return 'Tính theo Bộ luật Lao động 2019 (45/2019/QH14), Điều 111, 112; Thủ tướng chưa công bố lịch nghỉ';
  const vpcp = p.nguon.find((n) => n.includes('VPCP'));
  if (vpcp) return nfc(vpcp.split(/ \(|: http/)[0] ?? vpcp);
  const press = p.nguon.map((n) => nfc(n.split(/ \(|: http/)[0] ?? n));
  return `Theo thông báo đưa tin: ${press.join('; ')}`;
}

const days: [string, string, string, string, boolean][] = [];
for (const p of periods) {
  const note = reference(p);
  const provisional = p.trang_thai !== 'da_cong_bo';
  const dip = nfc(p.dip);
  for (const d of p.ngay_nghi_chinh_thuc) days.push([d, 'holiday', dip, note, provisional]);
  for (const d of p.ngay_nghi_bu_hoac_hoan_doi)
    days.push([d, 'day_off', `Nghỉ bù, hoán đổi — ${dip}`, note, provisional]);
  for (const d of p.ngay_lam_bu) days.push([d, 'makeup_workday', `Làm bù — ${dip}`, note, provisional]);
}
days.sort((a, b) => a[0].localeCompare(b[0]));
check(new Set(days.map((d) => d[0])).size === days.length, 'a date appears twice in the holiday schedule');
// Cross-check with the per-day CSV: every non-weekend row must be one of ours, with the same meaning.
const KIND_OF: Record<string, string> = { le_chinh_thuc: 'holiday', nghi_bu_hoan_doi: 'day_off' };
const perDay = readCsv('lich_nghi_le_cong_chuc_2025_2027_theo_ngay.csv')
  .slice(1)
  .filter((r) => r.length >= 5);
for (const [date = '', , , , kind = ''] of perDay) {
  if (kind === 'cuoi_tuan') continue;
  const expected = kind.startsWith('lam_bu') ? 'makeup_workday' : KIND_OF[kind];
  check(
    days.some((d) => d[0] === date && d[1] === expected),
    `per-day CSV row ${date} ${kind} not in the periods`,
  );
}
check(perDay.filter((r) => r[4] !== 'cuoi_tuan').length === days.length, 'per-day CSV and periods disagree');

writeData(
  'lich-nghi-le.json',
  {
    source:
      'Lịch nghỉ lễ, Tết của cán bộ, công chức, viên chức: 2025 theo Văn bản 8726/VPCP-KGVX ngày 26/11/2024; 2026 theo Văn bản 12729/VPCP-KGVX ' +
      'ngày 25/12/2025 và văn bản VPCP ngày 13/10/2025 (qua báo chí); 2027 chỉ gồm các ngày lễ theo Bộ luật Lao động 2019 Điều 112 (provisional), ' +
      'chưa có Tết Âm lịch Đinh Mùi và ngày thứ hai của Quốc khánh — thay khi Thủ tướng công bố. Ngày Văn hóa Việt Nam 24/11 chưa có hiệu lực nên chưa đưa vào.',
    note: `${GENERATED} Ngày thứ Bảy, Chủ nhật trong kỳ nghỉ không ghi (vốn là ngày nghỉ).`,
    columns: ['day', 'kind', 'name', 'note', 'provisional'],
  },
  { days },
);
