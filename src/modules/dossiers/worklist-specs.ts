import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Task } from '../../domain/dossier-flow.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import { hasAnywhere, scopesFor } from '../../domain/permissions.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { DB } from '../../db/types.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { pathInScopes } from '../access/authorize.ts';
import type { Worklist } from './schema.ts';
import type { OfficialPlace } from './store.ts';

/**
 * The worklists of II.22.1–22.4 as data: one SQL condition per list over the dossier's partition,
 * status, task and holder, and the lists each role works from.
 */

export type EB = ExpressionBuilder<DB, 'dossiers'>;
export type Cond = (eb: EB) => Expression<SqlBool>;

export interface Me {
  auth: AuthContext;
  place: OfficialPlace;
}

/** Counts stop here: a work queue's count (and its overdue and near-due counts) is exact below it. */
export const COUNT_CAP = 10_000;
/**
 * Lists that are records rather than work queues (all dossiers, refused, signed, taken part in) stop
 * counting sooner: a department head takes part in tens of thousands of dossiers over the years, and
 * counting 10,000 of them on every page was most of the counts' cost (issue 8). "1.000+" says enough.
 */
export const ARCHIVE_COUNT_CAP = 1_000;

const scopeOf = (me: Me, permission: Permission, column: 'agency_path' | 'holder_agency_path'): Cond => {
  const scopes = scopesFor(me.auth.grants, permission);
  return () => pathInScopes(`dossiers.${column}`, scopes);
};

const READS: Permission[] = [
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.assign',
  'dossiers.approve',
];

/** Where the official's dossiers.* permissions reach: the union of their scopes (exact paths, subtrees). */
function readScopes(me: Me): { exact: string[]; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const p of READS) {
    const s = scopesFor(me.auth.grants, p);
    for (const x of s.exact) exact.add(x);
    for (const x of s.prefixes) prefixes.add(x);
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}

/** Dossiers the official may see: a dossiers.* permission over their agency or the agency holding them. */
export function readable(me: Me): Cond {
  const s = readScopes(me);
  return (eb) =>
    eb.or([
      pathInScopes('dossiers.agency_path', s),
      pathInScopes('dossiers.holder_agency_path', s),
      eb('dossiers.holder_id', '=', me.auth.account.id),
    ]);
}

/**
 * `readable` as disjoint branches whose union is the same set, each served by its own index (a query
 * over "all dossiers" takes the newest of each and merges them): the dossier's agency in reach; held
 * at an agency in reach while its own agency is not (consultation elsewhere: a small partial index);
 * held by the official by name while neither agency is in reach.
 */
export function readableBranches(me: Me): Cond[] {
  const s = readScopes(me);
  const byName: Cond = (eb) => eb('dossiers.holder_id', '=', me.auth.account.id);
  if (!s.exact.length && !s.prefixes.length) return [byName];
  return [
    () => pathInScopes('dossiers.agency_path', s),
    // The ids first, once, from the partial index alone: the planner takes `<>` for true on nearly
    // every row and would otherwise walk the whole table for a branch that holds a few rows.
    (eb) =>
      sql<SqlBool>`dossiers.id = any(array(${eb
        .selectFrom('dossiers as e')
        .select('e.id')
        .where(pathInScopes('e.holder_agency_path', s))
        .where(sql<SqlBool>`e.holder_agency_path <> e.agency_path`)
        .where((x) => x.not(pathInScopes('e.agency_path', s)))}))`,
    (eb) =>
      eb.and([
        byName(eb),
        eb.not(pathInScopes('dossiers.agency_path', s)),
        eb.not(pathInScopes('dossiers.holder_agency_path', s)),
      ]),
  ];
}

/** Held by me by name, or waiting in a pool I belong to (the step's role granted at that very agency). */
function mine(me: Me): Cond {
  const pairs = me.auth.grants.map((g) => ({ agency: g.agencyId, role: g.roleCode }));
  return (eb) =>
    eb.or([
      eb('dossiers.holder_id', '=', me.auth.account.id),
      ...pairs.map((p) =>
        eb.and([
          eb('dossiers.holder_id', 'is', null),
          eb('dossiers.holder_agency_id', '=', p.agency),
          eb('dossiers.holder_role', '=', p.role),
          eb.or([
            eb('dossiers.holder_department_id', 'is', null),
            ...(me.place.departmentId
              ? [eb('dossiers.holder_department_id', '=', me.place.departmentId)]
              : []),
          ]),
        ]),
      ),
      ...(me.place.groupIds.length
        ? [
            eb.and([
              eb('dossiers.holder_id', 'is', null),
              eb('dossiers.holder_group_id', 'in', me.place.groupIds),
            ]),
          ]
        : []),
      ...(me.place.departmentId
        ? [
            eb.and([
              eb('dossiers.holder_id', 'is', null),
              eb('dossiers.holder_role', 'is', null),
              eb('dossiers.holder_group_id', 'is', null),
              eb('dossiers.holder_department_id', '=', me.place.departmentId),
            ]),
          ]
        : []),
    ]);
}

function took(me: Me): Cond {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom('dossier_participants as dp')
        .select('dp.dossier_id')
        .whereRef('dp.dossier_id', '=', 'dossiers.id')
        .where('dp.account_id', '=', me.auth.account.id),
    );
}

export const status =
  (...s: DossierStatus[]): Cond =>
  (eb) =>
    eb('dossiers.status', 'in', s);
const task =
  (...t: Task[]): Cond =>
  (eb) =>
    eb('dossiers.task', 'in', t);
export const all =
  (...c: Cond[]): Cond =>
  (eb) =>
    eb.and(c.map((f) => f(eb)));

interface ListSpec {
  label: string;
  criterion: string;
  /** Which due time colours the list: the appointment (counter) or the step's own (officials). */
  due: 'appointment_at' | 'step_due_at';
  where: (me: Me) => Cond;
  /** The condition already keeps to dossiers the official may read (a scope of READS, or held by them). */
  impliesReadable?: true;
  /** A record of past work, not a queue: counted up to ARCHIVE_COUNT_CAP. */
  archive?: true;
}

/** Where the count of `list` stops. */
export const countCapOf = (list: Worklist) => (LISTS[list].archive ? ARCHIVE_COUNT_CAP : COUNT_CAP);

const counter = (me: Me) => scopeOf(me, 'dossiers.receive', 'agency_path');

export const LISTS: Readonly<Record<Worklist, ListSpec>> = {
  cho_tiep_nhan: {
    label: 'Chờ tiếp nhận',
    criterion: 'II.22.1 a, II.5.4',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) => all(counter(me), status('moi_dang_ky'), (eb) => eb('dossiers.cancelled_at', 'is', null)),
  },
  cho_chuyen: {
    label: 'Đã tiếp nhận, chờ chuyển xử lý',
    criterion: 'II.5.5, II.5.6',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) => all(counter(me), task('receive'), status('duoc_tiep_nhan', 'dang_xu_ly')),
  },
  cho_bo_sung: {
    label: 'Chờ bổ sung',
    criterion: 'II.22.1 b, II.6.1',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) => all(counter(me), status('yeu_cau_bo_sung')),
  },
  da_bo_sung_cho_tiep_nhan: {
    label: 'Đã bổ sung, chờ tiếp nhận',
    criterion: 'II.22.1 d',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) =>
      all(counter(me), status('da_bo_sung'), (eb) => eb('dossiers.supplement_phase', '=', 'receive')),
  },
  cho_tra_ket_qua: {
    label: 'Chờ trả kết quả',
    criterion: 'II.22.1 c, II.10.1',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) => all(counter(me), task('return'), status('da_xu_ly_xong', 'dung_xu_ly')),
  },
  dang_xu_ly: {
    label: 'Đang xử lý',
    criterion: 'II.22.1 e',
    due: 'appointment_at',
    impliesReadable: true,
    where: (me) =>
      all(counter(me), status('dang_xu_ly', 'da_bo_sung', 'yeu_cau_nghia_vu_tai_chinh'), (eb) =>
        eb('dossiers.task', '!=', 'receive'),
      ),
  },
  tu_choi: {
    label: 'Từ chối',
    criterion: 'II.22.1 f',
    due: 'appointment_at',
    archive: true,
    impliesReadable: true,
    where: (me) => all(counter(me), status('khong_duoc_tiep_nhan', 'dung_xu_ly')),
  },
  tat_ca: {
    label: 'Tất cả hồ sơ',
    criterion: 'II.22.1 g, II.23',
    due: 'appointment_at',
    archive: true,
    where: (me) => readable(me),
  },
  dang_thu_ly: {
    label: 'Đang thụ lý, chờ giải quyết',
    criterion: 'II.22.2 a, II.8.1',
    due: 'step_due_at',
    where: (me) =>
      all(mine(me), task('process', 'coordinate'), status('dang_xu_ly', 'yeu_cau_nghia_vu_tai_chinh')),
  },
  bo_sung_cho_xu_ly: {
    label: 'Đã bổ sung, chờ xử lý',
    criterion: 'II.8.3',
    due: 'step_due_at',
    where: (me) =>
      all(mine(me), status('da_bo_sung'), (eb) => eb('dossiers.supplement_phase', '=', 'process')),
  },
  cho_bo_sung_cua_toi: {
    label: 'Chờ bổ sung',
    criterion: 'II.22.2 b, II.8.3',
    due: 'appointment_at',
    where: (me) =>
      all(took(me), status('yeu_cau_bo_sung'), (eb) => eb('dossiers.supplement_phase', '=', 'process')),
  },
  dang_trinh_ky: {
    label: 'Đang trình ký',
    criterion: 'II.22.2 c',
    due: 'step_due_at',
    where: (me) =>
      all(took(me), task('approve', 'sign'), status('dang_xu_ly'), (eb) =>
        eb.or([eb('dossiers.holder_id', 'is', null), eb('dossiers.holder_id', '!=', me.auth.account.id)]),
      ),
  },
  da_phan_cong: {
    label: 'Đã được phân công xử lý',
    criterion: 'II.22.2 d',
    due: 'step_due_at',
    impliesReadable: true,
    where: (me) =>
      all(
        (eb) => eb('dossiers.holder_id', '=', me.auth.account.id),
        (eb) => eb('dossiers.task', '!=', 'done'),
      ),
  },
  cho_phan_cong: {
    label: 'Chờ phân công thụ lý',
    criterion: 'II.22.3 a, II.7.1',
    due: 'step_due_at',
    where: (me) => all(mine(me), task('assign'), status('dang_xu_ly')),
  },
  cho_duyet: {
    label: 'Chờ duyệt',
    criterion: 'II.22.3 b, II.22.4, II.9.1',
    due: 'step_due_at',
    where: (me) => all(mine(me), task('approve', 'sign'), status('dang_xu_ly')),
  },
  cho_ky: {
    label: 'Chờ lãnh đạo đơn vị ký duyệt',
    criterion: 'II.22.3 c',
    due: 'step_due_at',
    impliesReadable: true,
    where: (me) =>
      all(scopeOf(me, 'dossiers.approve', 'holder_agency_path'), task('sign'), status('dang_xu_ly')),
  },
  da_ky_duyet: {
    label: 'Đã ký duyệt',
    criterion: 'II.9.4',
    due: 'appointment_at',
    archive: true,
    where: (me) => all(took(me), status('da_xu_ly_xong', 'da_tra_ket_qua')),
  },
  tham_gia: {
    label: 'Hồ sơ tham gia xử lý',
    criterion: 'II.22.3 d, II.8.3',
    due: 'appointment_at',
    archive: true,
    where: (me) => took(me),
  },
};

/** The lists each role works from, in display order (II.22.1–22.4). */
const ROLE_LISTS: readonly [Permission, readonly Worklist[]][] = [
  [
    'dossiers.receive',
    [
      'cho_tiep_nhan',
      'cho_chuyen',
      'cho_bo_sung',
      'da_bo_sung_cho_tiep_nhan',
      'cho_tra_ket_qua',
      'dang_xu_ly',
      'tu_choi',
    ],
  ],
  [
    'dossiers.process',
    ['dang_thu_ly', 'bo_sung_cho_xu_ly', 'cho_bo_sung_cua_toi', 'dang_trinh_ky', 'da_phan_cong'],
  ],
  ['dossiers.assign', ['cho_phan_cong', 'cho_duyet', 'cho_ky', 'tham_gia']],
  ['dossiers.approve', ['cho_duyet', 'da_ky_duyet', 'tham_gia']],
  ['dossiers.read', ['tat_ca']],
];

export function listsFor(auth: AuthContext): Worklist[] {
  const out: Worklist[] = [];
  for (const [permission, lists] of ROLE_LISTS) {
    // system.admin sees every list through hasAnywhere, which is what an administrator checking the system expects.
    if (hasAnywhere(auth.grants, permission)) for (const l of lists) if (!out.includes(l)) out.push(l);
  }
  return out;
}

/**
 * A list's condition as disjoint branches whose union is that condition: split by who may read
 * (readableBranches), so that each branch can be served by the index of its partition; a list that
 * already keeps to readable dossiers is one branch.
 */
export function listBranches(me: Me, list: Worklist): Cond[] {
  const spec = LISTS[list];
  if (list === 'tat_ca') return readableBranches(me);
  if (spec.impliesReadable) return [spec.where(me)];
  return readableBranches(me).map((branch) => all(spec.where(me), branch));
}
