import type pg from 'pg';
import { COMMUNE_COUNT, SO_COUNT } from './dossier-org.ts';
import { folded } from './dossier-load.ts';
import type { Profile } from './dossier-load.ts';

/** Officials per role among those signed in: counter officers, handlers, department heads, agency leaders, province leaders. */
export const ROLE_MIX: readonly [string, boolean, number][] = [
  ['can_bo_mot_cua', false, 0.35],
  ['can_bo_thu_ly', false, 0.3],
  ['lanh_dao_phong', false, 0.2],
  ['lanh_dao_don_vi', false, 0.11],
  ['lanh_dao_don_vi', true, 0.04],
];

/**
 * `count` officials of the generated province, a seeded draw per role (ROLE_MIX), each with the
 * procedures of their agency (most asked first) and the names and codes of 40 of its dossiers (what
 * they would search for); a province leader searches the dossiers of one commune.
 */
export async function officialProfiles(pool: pg.Pool, count: number, rand: () => number): Promise<Profile[]> {
  const candidates = (
    await pool.query<{
      username: string;
      role: string;
      subtree: boolean;
      agency_id: string;
      agency_i: number;
    }>(
      `select a.username, o.role, o.subtree, g.id as agency_id, o.agency_i from bench.official o
       join accounts a on a.id = o.account_id join bench.agency g on g.i = o.agency_i order by a.username`,
    )
  ).rows;
  const chosen: typeof candidates = [];
  for (const [role, subtree, share] of ROLE_MIX) {
    const pool_ = candidates.filter((c) => c.role === role && c.subtree === subtree);
    for (let i = 0; i < Math.round(share * count) && pool_.length; i++)
      chosen.push(...pool_.splice(Math.floor(rand() * pool_.length), 1));
  }
  const profiles: Profile[] = [];
  for (const c of chosen) {
    const agencyI = c.agency_i === 0 ? SO_COUNT + 1 + Math.floor(rand() * COMMUNE_COUNT) : c.agency_i;
    const procs = await pool.query<{ code: string }>(
      `select p.code from bench.ap x join bench.proc p on p.k = x.proc_k where x.agency_i = $1 order by x.k`,
      [agencyI],
    );
    const seen = await pool.query<{ applicant_name: string; code: string }>(
      `select applicant_name, code from dossiers where agency_id = (select id from bench.agency where i = $1)
       order by md5(id::text || $2) limit 40`,
      [agencyI, c.username],
    );
    profiles.push({
      username: c.username,
      role: c.role,
      agencyId: c.agency_id,
      lists: [],
      procedures: procs.rows.map((r) => r.code),
      names: folded(seen.rows.map((r) => r.applicant_name)),
      codes: seen.rows.map((r) => r.code),
    });
  }
  return profiles;
}
