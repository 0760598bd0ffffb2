/**
 * Realistic extra procedures for the catalog benchmark, made from the real national records: the same
 * shape (LayThuTuc), new national codes (`9.xxxxxx`), names that join the head of one real name to the
 * qualifier of another of the same field ("Cấp giấy phép … cho …", "… tại Công an cấp tỉnh"), so words
 * are as frequent and as selective as in the real catalog; fields, agencies and online levels spread
 * as in the source. Deterministic for a given seed.
 */
type NationalRecord = Record<string, unknown> & { MATTHC: string; TENTTHC: string };

/** Where a qualifier starts in a Vietnamese procedure name ("… cho người nước ngoài", "… (cấp tỉnh)"). */
const QUALIFIER = / (?:cho|tại|đối với|trong|trên|của|thuộc|theo|khi|do|ở|qua|bằng|từ)\s| \(/u;

/** Qualifiers added to names that have none, as the national catalog writes them. */
const SUFFIXES = [
  ' (thực hiện tại cấp tỉnh)',
  ' (thực hiện tại cấp xã)',
  ' (thực hiện tại cấp huyện)',
  ' trên môi trường điện tử',
  ' đối với tổ chức',
  ' đối với cá nhân',
  ' cho doanh nghiệp',
  ' trong khu công nghiệp, khu kinh tế',
];

/** Small, seeded PRNG (mulberry32): the same data on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function split(name: string): { head: string; tail: string } {
  const m = QUALIFIER.exec(name.slice(8));
  if (!m) return { head: name, tail: '' };
  const at = 8 + m.index;
  return { head: name.slice(0, at), tail: name.slice(at) };
}

function online(r: NationalRecord): boolean {
  return ((r.CACHTHUCTHUCHIEN as { KENH: string }[] | undefined) ?? []).some((c) => /tuyến/i.test(c.KENH));
}

function fieldOf(r: NationalRecord): string {
  return ((r.LINHVUCTHUCHIEN as { TENLINHVUC: string }[] | undefined)?.[0]?.TENLINHVUC ?? '').toLowerCase();
}

/**
 * `count` new records from `templates` (real records that publish): record i takes its content from
 * one template, its name's head from that template and its qualifier from another record of the same
 * field (or a usual suffix), the agencies of either, and sometimes a declared online level.
 */
export function variantRecords(
  templates: NationalRecord[],
  count: number,
  opts: { seed?: number; firstCode?: number } = {},
): NationalRecord[] {
  const rand = rng(opts.seed ?? 20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const byField = new Map<string, NationalRecord[]>();
  for (const t of templates) {
    const f = fieldOf(t);
    byField.set(f, [...(byField.get(f) ?? []), t]);
  }
  const tails = new Map<string, string[]>();
  for (const [f, rs] of byField) tails.set(f, rs.map((r) => split(r.TENTTHC).tail).filter(Boolean));
  const seen = new Set(templates.map((t) => t.TENTTHC));
  const out: NationalRecord[] = [];
  let code = opts.firstCode ?? 100_001;
  for (let i = 0; i < count; i++) {
    const base = templates[i % templates.length] as NationalRecord;
    const other = pick(byField.get(fieldOf(base)) ?? templates);
    const { head } = split(base.TENTTHC);
    let name = '';
    for (let attempt = 0; attempt < 6 && (!name || seen.has(name)); attempt++) {
      const sameField = tails.get(fieldOf(base)) ?? [];
      const tail = sameField.length && rand() < 0.7 ? pick(sameField) : pick(SUFFIXES);
      name = `${head}${tail}`;
    }
    if (seen.has(name)) name = `${head}${pick(SUFFIXES)} (${i + 1})`;
    seen.add(name);
    const mucdo = rand();
    out.push({
      ...base,
      MATTHC: `9.${String(code++).padStart(6, '0')}`,
      TENTTHC: name,
      COQUANTHUCHIEN: rand() < 0.5 ? base.COQUANTHUCHIEN : (other.COQUANTHUCHIEN ?? base.COQUANTHUCHIEN),
      ...(mucdo < 0.4 && online(base) ? { MUCDO: 'TOANTRINH' } : mucdo > 0.9 ? { MUCDO: 'KHONG' } : {}),
      URLNGUON: null,
    });
  }
  return out;
}
