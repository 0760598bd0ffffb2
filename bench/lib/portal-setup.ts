import type pg from 'pg';
import { hashPassword } from '../../src/modules/accounts/password.ts';
import { nameSql, uid } from './dossier-org.ts';
import { rng } from './procedures.ts';

/**
 * What the citizen portal benchmark adds to the dossier benchmark's database (bench/lib/dossier-*.ts),
 * set-based and the same on every run: registered citizen accounts, active with a verified e-mail,
 * each one a person who already applied (identity number, name and phone of applicant `p` of the
 * generated dossiers, so an online submission updates a known applicant as in reality), signing in
 * with their identity number as a registered citizen does; and what each one works with: a home
 * agency with its procedures (every agency of the generated province takes them online) and real
 * dossiers to track, drawn from the table with a repeatable sample.
 */

export const CITIZEN_PASSWORD = 'CongDan123';

/**
 * The generated applicant a citizen is: a bijection on the persons' numbers (3491 is a prime that
 * divides neither 700,000, the dossier benchmark's persons, nor 1,500,000, the capacity benchmark's).
 */
const personOf = (n: string, persons: number) => `(${n}::bigint * 3491 % ${persons})`;

export interface CitizenProfile {
  username: string;
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
  /** Home agency (the receiving one) and the codes of the procedures it carries out, most asked first. */
  agencyId: string;
  procedures: string[];
  /** A province and one of its communes (codes of the shared catalog) for the e-form. */
  province: string;
  commune: string;
  /** Real dossiers to track: code with the applicant's phone and identity number. */
  tracked: { code: string; phone: string; idNumber: string }[];
}

/**
 * Registers `registered` citizens (BENCH_ACCOUNTS: a province's portal knows many more people than the
 * few signed in at a time, and a submission looks its applicant up among them); the first `count`
 * are the ones that sign in. The password is hashed once for all; rows already there are kept, and
 * the signed-in ones get their failed sign-ins and locks cleared (an interrupted run may leave some).
 */
export async function ensureCitizens(
  pool: pg.Pool,
  count: number,
  registered: number,
  persons = 700_000,
): Promise<number> {
  const person = personOf('n', persons);
  const have = await pool.query<{ n: string }>(
    `select count(*) as n from accounts where kind = 'citizen' and email like '%@bench.example.vn'`,
  );
  if (Number(have.rows[0]?.n ?? 0) < Math.max(count, registered)) {
    const hash = await hashPassword(CITIZEN_PASSWORD);
    await pool.query(
      `insert into accounts (id, kind, username, email, phone, password_hash, status, full_name, id_type, id_number,
         address, email_verified_at, created_at, updated_at)
       select ${uid(`'bench-citizen-' || n`)}, 'citizen', '0790' || lpad(${person}::text, 8, '0'),
         'congdan' || n || '@bench.example.vn', '09' || lpad((${person}::bigint * 7919 % 100000000)::text, 8, '0'),
         $1, 'active', ${nameSql(`'p' || ${person}`)}, 'CCCD', '0790' || lpad(${person}::text, 8, '0'),
         'Số ' || (1 + ${person} % 300) || ', tổ ' || (1 + ${person} % 25), t, t, t
       from generate_series(1, $2::int) n, lateral (select now() - (n % 1000) * interval '1 day' as t) x
       on conflict do nothing`,
      [hash, Math.max(count, registered)],
    );
    await pool.query('analyze accounts');
  }
  await pool.query(
    `update accounts set failed_logins = 0, locked_until = null, status = 'active'
     where id = any(array(select ${uid(`'bench-citizen-' || n`)} from generate_series(1, $1::int) n))
       and (failed_logins > 0 or locked_until is not null or status <> 'active')`,
    [count],
  );
  const total = await pool.query<{ n: string }>(`select count(*) as n from accounts where kind = 'citizen'`);
  return Number(total.rows[0]?.n ?? 0);
}

/**
 * Every agency of the generated province takes its procedures online (the column's default); if a
 * database says otherwise for all of them, the bench opens the online channel there.
 */
export async function ensureOnline(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ n: string }>(
    `select count(*) as n from procedure_agencies where 'online' = any(channels)`,
  );
  if (Number(r.rows[0]?.n ?? 0) > 0) return Number(r.rows[0]?.n);
  const u = await pool.query(`update procedure_agencies set channels = array_append(channels, 'online')`);
  return u.rowCount ?? 0;
}

/**
 * The citizens' profiles: a home agency (3 in 4 at a commune, as the dossiers are), its procedures,
 * a commune of the catalog, and `perCitizen` real dossiers to track, drawn from a repeatable 1 % sample of the table
 * (pages all over it, so old and young dossiers alike).
 */
export async function citizenProfiles(
  pool: pg.Pool,
  count: number,
  perCitizen: number,
  seed: number,
): Promise<CitizenProfile[]> {
  const rand = rng(seed);
  const people = (
    await pool.query<{
      username: string;
      full_name: string;
      id_number: string;
      phone: string;
      address: string;
    }>(
      `select username, full_name, id_number, phone, address from accounts
       where id = any(array(select ${uid(`'bench-citizen-' || n`)} from generate_series(1, $1::int) n))
       order by username`,
      [count],
    )
  ).rows;
  const agencies = (
    await pool.query<{ i: number; id: string; kind: string }>(
      `select i, id, kind from bench.agency where i > 0 order by i`,
    )
  ).rows;
  const communes = (
    await pool.query<{ code: string; parent_code: string }>(
      `select code, parent_code from catalog_items where catalog = 'commune' and active order by code`,
    )
  ).rows;
  if (!communes.length) throw new Error('no commune in catalog_items: seed the catalogs first');
  const sample = (
    await pool.query<{ code: string; applicant_phone: string; applicant_id_number: string }>(
      `select code, applicant_phone, applicant_id_number from dossiers tablesample system (1) repeatable ($1)
       where applicant_phone is not null order by code`,
      [seed % 1_000_000],
    )
  ).rows;
  if (!sample.length) throw new Error('no dossier to track: generate the dossiers first');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const communeAgencies = agencies.filter((a) => a.kind === 'commune');
  const soAgencies = agencies.filter((a) => a.kind === 'so');
  const profiles: CitizenProfile[] = [];
  for (const p of people) {
    // An agency that takes at least one of its procedures online (all of them do in the generated data).
    let agency = agencies[0];
    let procs: string[] = [];
    for (let attempt = 0; attempt < 50 && !procs.length; attempt++) {
      agency = rand() < 0.75 ? pick(communeAgencies) : pick(soAgencies);
      const r = await pool.query<{ code: string }>(
        `select p.code from bench.ap x join bench.proc p on p.k = x.proc_k
         join procedure_agencies pa on pa.procedure_id = p.id and pa.agency_id = $2
         where x.agency_i = $1 and 'online' = any(pa.channels) order by x.k`,
        [agency?.i, agency?.id],
      );
      procs = r.rows.map((row) => row.code);
    }
    if (!agency || !procs.length) throw new Error('no agency takes procedures online');
    const place = pick(communes);
    profiles.push({
      username: p.username,
      fullName: p.full_name,
      idNumber: p.id_number,
      phone: p.phone,
      address: p.address,
      agencyId: agency.id,
      procedures: procs,
      province: place.parent_code,
      commune: place.code,
      tracked: Array.from({ length: perCitizen }, () => pick(sample)).map((d) => ({
        code: d.code,
        phone: d.applicant_phone,
        idNumber: d.applicant_id_number,
      })),
    });
  }
  return profiles;
}
