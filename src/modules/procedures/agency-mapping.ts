import type { Executor } from '../../db/tx.ts';
import type { ContentIssue, ImplementingLevel } from '../../domain/procedure.ts';
import { foldVietnamese } from '../../domain/text.ts';

/**
 * The national database names implementing agencies generically ("Ủy ban nhân dân cấp xã",
 * "Sở Tư pháp", "Chủ tịch Ủy ban nhân dân cấp tỉnh"). This maps those names onto the agencies of the
 * local tree; a name that matches nothing is flagged for an editor, never assigned by guesswork.
 */
export interface AgencyDirectory {
  communes: string[];
  provinces: string[];
  /** Provincial departments by folded short name ("so tu phap") → id. */
  departments: { key: string; id: string }[];
}

export async function loadAgencyDirectory(db: Executor): Promise<AgencyDirectory> {
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'short_name', 'level'])
    .where('active', '=', true)
    .execute();
  return {
    communes: rows.filter((r) => r.level === 'commune').map((r) => r.id),
    provinces: rows.filter((r) => r.level === 'province').map((r) => r.id),
    departments: rows
      .flatMap((r) =>
        r.level === 'province_department' && r.short_name
          ? [{ key: foldVietnamese(r.short_name), id: r.id }]
          : [],
      )
      // Longest names first: "so nong nghiep va moi truong" before "so nong nghiep".
      .sort((a, b) => b.key.length - a.key.length),
  };
}

/** Agency ids for an implementing-agency text, and a flag when part of it matches no local agency. */
export function mapAgencies(
  dir: AgencyDirectory,
  implementing: string | null,
  levels: readonly ImplementingLevel[],
): { ids: string[]; flag: ContentIssue | null } {
  const ids = new Set<string>();
  const unmatched: string[] = [];
  const parts = (implementing ?? '')
    .split(/;|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of new Set(parts)) {
    const f = foldVietnamese(part).replace(/\s+/g, ' ');
    if (/\bcap xa\b|\bxa, phuong\b/.test(f)) dir.communes.forEach((id) => ids.add(id));
    else if (/\bcap tinh\b/.test(f) && /uy ban nhan dan|ubnd/.test(f))
      dir.provinces.forEach((id) => ids.add(id));
    else {
      const dept = dir.departments.find((d) => f.startsWith(d.key));
      if (dept) ids.add(dept.id);
      else unmatched.push(part);
    }
  }
  if (parts.length === 0 && levels.length > 0)
    return {
      ids: [],
      flag: { field: 'agencies.implementing', message: 'Nguồn không nêu cơ quan thực hiện' },
    };
  const flag =
    unmatched.length > 0
      ? {
          field: 'agencies.implementing',
          message: `Chưa xác định được cơ quan trong tỉnh ứng với: ${unmatched.map((u) => `"${u}"`).join(', ')}`,
        }
      : null;
  return { ids: [...ids], flag };
}
