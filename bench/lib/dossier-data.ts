import type pg from 'pg';
import { arr, COMMUNE_COUNT, nameSql, rnd, SMALL_ORG, SO_COUNT, uid } from './dossier-org.ts';
import type { OrgScale } from './dossier-org.ts';

/** Dossiers over how many days, among how many people (applicants), with attachment metadata or not. */
export interface DossierScale {
  days: number;
  persons: number;
  /** Ages drawn as uniform^skew: 1 spreads them evenly, more than 1 makes recent years busier. */
  skew: number;
  files: boolean;
}
/** The dossier benchmark's three years among 700,000 people. */
export const SMALL_DOSSIERS: DossierScale = { days: 1095, persons: 700_000, skew: 1, files: false };

/**
 * The dossiers of the benchmark's province, in a handful of set-based statements: N dossiers over
 * three years of submissions (working days, 7:30–16:30), 75 in 100 at the communes (urban wards
 * busier than rural communes), the rest at the sở; a few procedures take most of them. What a
 * dossier's state is follows its age: after 45 days almost every dossier has been returned (a few
 * refused, withdrawn, stopped, left waiting for a supplement or for the applicant to collect the
 * result); younger ones are spread over every step of the department process. Step, task, holder and
 * times agree with that state and with the process (a named official of the agency where the step
 * was handed to one, the step's pool otherwise). The history keeps up to five rows a dossier (receipt,
 * assignment, submission for signature, result, return, the last one being the action that led to
 * the current state); its hashes are well formed but do not form the verifiable chain of
 * store.ts (eventHash over canonical JSON). Every random choice is a hash of the dossier number.
 * Rows are written in time order (dossiers by submission, history by time), as a live system appends
 * them: an agency's dossiers are spread over the whole table, not clustered.
 */

type Role = 'counter' | 'head' | 'handler' | 'leader';
interface State {
  status: string;
  step: string;
  task: string;
  /** Who holds it: that role's official of the dossier (with probability `held`), else the step's pool. */
  holder: Role | null;
  held: number;
  pool: string | null;
  events: number;
  action: string;
  actor: Role | null;
  phase: 'receive' | 'process' | null;
  pause: 'supplement' | 'fees' | null;
  received: boolean;
  completed: boolean;
  returned: boolean;
  /** Share of the deadline the current step may take (its due time), 0 when the dossier is done. */
  share: number;
  /** Weights among dossiers older than 45 days, and younger. */
  old: number;
  young: number;
}

const ROLE_OF: Record<Role, string> = {
  counter: 'can_bo_mot_cua',
  head: 'lanh_dao_phong',
  handler: 'can_bo_thu_ly',
  leader: 'lanh_dao_don_vi',
};

/**
 * One line a state: status, step, task, holder (role of the official holding it, - for none), share
 * held by name (else the step's pool), history rows, last action, its actor (- for the applicant),
 * supplement phase, open pause, flags (r received, c completed, t returned), share of the deadline the
 * step may take, weight among dossiers older than 45 days, weight among younger ones.
 */
const TABLE = `
da_tra_ket_qua             da-tra-ket-qua       done       -       0   5 return_result      counter -       -          rct 0  925 300
khong_duoc_tiep_nhan       khong-tiep-nhan      done       -       0   1 refuse             counter -       -          -   0  25  20
cong_dan_yeu_cau_rut       tham-dinh            done       -       0   3 withdraw           counter -       -          r   0  10  5
dung_xu_ly                 da-tra-ket-qua       done       -       0   5 return_result      counter -       -          rct 0  15  0
da_xu_ly_xong              tra-ket-qua          return     counter 0.3 4 finish             leader  -       -          rc  3  15  80
dung_xu_ly                 tra-ket-qua          return     counter 0   4 reject             leader  -       -          rc  3  3   10
yeu_cau_bo_sung            tiep-nhan            receive    counter 0   1 request_supplement counter receive -          -   4  7   30
yeu_cau_bo_sung            tiep-nhan            receive    counter 0   3 request_supplement handler process supplement r   4  0   30
da_bo_sung                 tiep-nhan            receive    counter 0   2 supplement         counter receive -          -   4  0   15
da_bo_sung                 tham-dinh            process    handler 1   4 supplement         counter process -          r   35 0   15
moi_dang_ky                tiep-nhan-truc-tuyen receive    counter 0   1 submit             -       -       -          -   4  0   50
duoc_tiep_nhan             tiep-nhan            receive    counter 1   1 receive            counter -       -          r   4  0   50
dang_xu_ly                 phan-cong            assign     head    0.5 2 forward            counter -       -          r   4  0   80
dang_xu_ly                 tham-dinh            process    handler 1   2 forward            head    -       -          r   35 0   150
dang_xu_ly                 lay-y-kien           coordinate handler 0.5 3 coordinate         handler -       -          r   20 0   30
dang_xu_ly                 du-thao              process    handler 1   3 forward            handler -       -          r   12 0   50
dang_xu_ly                 duyet-phong          approve    head    0.5 3 submit_approval    handler -       -          r   8  0   40
dang_xu_ly                 phe-duyet            sign       leader  0.5 3 submit_approval    handler -       -          r   10 0   40
yeu_cau_nghia_vu_tai_chinh tham-dinh            process    handler 1   3 request_payment    handler -       fees       r   35 0   5`;

const dash = (v: string | undefined) => (v === '-' || v === undefined ? null : v);
export const STATES: State[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [
      status = '',
      step = '',
      task = '',
      holder,
      held,
      events,
      action = '',
      actor,
      phase,
      pause,
      flags = '',
    ] = line.split(/ +/);
    const [share, old, young] = line.split(/ +/).slice(11).map(Number);
    const h = dash(holder) as Role | null;
    return {
      status,
      step,
      task,
      holder: h,
      held: Number(held),
      pool: h && task !== 'done' ? ROLE_OF[h] : null,
      events: Number(events),
      action,
      actor: dash(actor) as Role | null,
      phase: dash(phase) as State['phase'],
      pause: dash(pause) as State['pause'],
      received: flags.includes('r'),
      completed: flags.includes('c'),
      returned: flags.includes('t'),
      share: share ?? 0,
      old: old ?? 0,
      young: young ?? 0,
    };
  });

/** The usual path, one history row per stage; a dossier's last row is its state's own action. */
const STAGES: { action: string; actor: Role; status: string; step: string; to: Role | null }[] = [
  { action: 'receive', actor: 'counter', status: 'duoc_tiep_nhan', step: 'tiep-nhan', to: 'counter' },
  { action: 'forward', actor: 'head', status: 'dang_xu_ly', step: 'tham-dinh', to: 'handler' },
  { action: 'submit_approval', actor: 'handler', status: 'dang_xu_ly', step: 'phe-duyet', to: 'leader' },
  { action: 'finish', actor: 'leader', status: 'da_xu_ly_xong', step: 'tra-ket-qua', to: null },
  { action: 'return_result', actor: 'counter', status: 'da_tra_ket_qua', step: 'da-tra-ket-qua', to: null },
];

const lit = (v: string | null) => (v === null ? 'null' : `'${v}'`);
/** `case <on> when 0 then … end` over the states. */
const byState = (on: string, f: (st: State) => string) =>
  `(case ${on} ${STATES.map((st, i) => `when ${i} then ${f(st)}`).join(' ')} end)`;
const idOf = (r: Role | null) => (r ? `d.${r}_id` : 'null::uuid');
/** A state drawn from cumulative weights with `r` uniform in [0, 1). */
function pickState(weight: (st: State) => number, r: string): string {
  const total = STATES.reduce((t, st) => t + weight(st), 0);
  let acc = 0;
  const arms: string[] = [];
  STATES.forEach((st, i) => {
    if (weight(st) === 0) return;
    acc += weight(st);
    arms.push(`when ${r} < ${(acc / total).toFixed(6)} then ${i}`);
  });
  return `(case ${arms.join(' ')} else 0 end)`;
}

const ORG_WORDS = 'Xây dựng|Thương mại|Dịch vụ|Nông sản|Vận tải|Công nghệ|Thực phẩm|Du lịch'.split('|');
const SUMMARIES =
  'Nộp kèm bản sao có chứng thực|Đề nghị nhận kết quả qua bưu chính|Nộp lại theo hướng dẫn lần trước|Người cao tuổi, ưu tiên giải quyết|Người nộp được ủy quyền'.split(
    '|',
  );

const ONLINE = STATES.findIndex((st) => st.status === 'moi_dang_ky');

export async function generateDossiers(
  c: pg.PoolClient,
  count: number,
  lap: (name: string) => void,
  scale: DossierScale = SMALL_DOSSIERS,
  org: OrgScale = SMALL_ORG,
): Promise<void> {
  const age =
    scale.skew === 1
      ? `${scale.days} * ${rnd(`'d' || g || 't'`)}`
      : `${scale.days} * power(${rnd(`'d' || g || 't'`)}, ${scale.skew})`;
  const r = (k: string) => rnd(`'d' || g || '${k}'`);
  // 1. What each dossier is: agency, procedure, state, times, applicant, officials (staging table).
  await c.query(`
    create unlogged table bench.d as
    with g as (
      select g, ${r('s')} < 0.25 as so, ${r('a')} as ra, floor(${age})::int as age, ${r('st')} as rs from generate_series(1, ${count}) g
    ), a as (
      select g.*, case when so then 1 + floor(${SO_COUNT} * power(ra, 1.3))::int else ${SO_COUNT + 1} + floor(${COMMUNE_COUNT} * power(ra, 1.6))::int end as agency_i,
        ${r('k')} as rk,
        case when age <= 45 then ${pickState((st) => st.young, 'rs')} else ${pickState((st) => st.old, 'rs')} end as state,
        current_date - age - case extract(isodow from current_date - age) when 6 then 1 when 7 then 2 else 0 end as day
      from g
    )
    select a.g, ${uid(`'bench-d-' || a.g`)} as id, a.agency_i, a.state, x.proc_k, x.dept,
      case when a.state = ${ONLINE} then 'online' when ${r('c')} < 0.6 then 'counter' when ${r('c')} < 0.95 then 'online' else 'postal' end as channel,
      least(now() - interval '5 minutes', (a.day + interval '7 hours 30 minutes' + ${r('h')} * interval '9 hours')::timestamp at time zone 'Asia/Ho_Chi_Minh') as submitted_at,
      floor(${scale.persons} * ${r('p')})::int as person, ${r('o')} < case when a.so then 0.35 else 0.03 end as org,
      1 + floor(${r('cn')} * case when a.so then ${org.soCounters} else ${org.communeCounters} end)::int as counter_n,
      1 + floor(${r('hn')} * case when a.so then ${org.soHandlers} else ${org.communeHandlers} end)::int as handler_n,
      ${r('held')} as rh, ${r('rcv')} as rrcv, ${r('cmp')} as rcmp, ${r('ret')} as rret, ${r('ss')} as rss, ${r('sm')} as rsm
    from a join (select agency_i, count(*) as n from bench.ap group by 1) n on n.agency_i = a.agency_i
      join bench.ap x on x.agency_i = a.agency_i and x.k = 1 + floor(n.n * power(a.rk, 2.5))::int;
  `);
  // 2. Times and officials, then the rows.
  await c.query(`
    create unlogged table bench.dd as
    select d.*, p.days, p.code as procedure_code, p.name as procedure_name, p.field_code, p.id as procedure_id, p.process_id,
      ag.id as agency_id, ag.path as agency_path, ag.code as agency_code,
      oc.account_id as counter_id, oh.account_id as head_id, ot.account_id as handler_id, ol.account_id as leader_id,
      ${uid(`'bench-dept-' || d.agency_i || '-' || d.dept`)} as dept_id, ${uid(`'bench-dept-' || d.agency_i || '-0'`)} as desk_id,
      t.received_at, t.completed_at,
      case when ${byState('d.state', (st) => String(st.returned))} then t.completed_at + d.rret * least(interval '3 days', (now() - t.completed_at) * 0.9) end as returned_at
    from bench.d d
      join bench.proc p on p.k = d.proc_k join bench.agency ag on ag.i = d.agency_i
      join bench.official oc on oc.agency_i = d.agency_i and oc.role = 'can_bo_mot_cua' and oc.n = d.counter_n
      join bench.official oh on oh.agency_i = d.agency_i and oh.role = 'lanh_dao_phong' and oh.dept = d.dept
      join bench.official ot on ot.agency_i = d.agency_i and ot.role = 'can_bo_thu_ly' and ot.dept = d.dept and ot.n = d.handler_n
      join bench.official ol on ol.agency_i = d.agency_i and ol.role = 'lanh_dao_don_vi'
      cross join lateral (select
        case when not ${byState('d.state', (st) => String(st.received))} then null
             when d.channel = 'online' then least(now() - interval '4 minutes', d.submitted_at + d.rrcv * interval '1 day') else d.submitted_at end as received_at) r0
      cross join lateral (select r0.received_at,
        case when ${byState('d.state', (st) => String(st.completed))}
          then r0.received_at + power(d.rcmp, 0.7) * least(p.days * interval '1.6 days', (now() - r0.received_at) * 0.9) end as completed_at) t;
  `);
  lap('dossier plan (staging)');
  const held = (st: State) =>
    st.holder && st.held > 0 ? `case when d.rh < ${st.held} then ${idOf(st.holder)} end` : 'null::uuid';
  await c.query(`
    create unlogged table bench.ds as
    select d.*, x.step_started_at, ${byState('d.state', held)} as holder_id
    from bench.dd d cross join lateral (select case
      when d.returned_at is not null then d.returned_at when d.completed_at is not null then d.completed_at
      else least(now() - interval '1 minute', coalesce(d.received_at, d.submitted_at)
        + d.rss * least((now() - coalesce(d.received_at, d.submitted_at)) * 0.5, d.days * interval '1.4 days')) end as step_started_at) x;
  `);
  await c.query(`
    insert into dossiers (id, code, procedure_id, procedure_code, procedure_name, field_code, agency_id, agency_path, process_id, channel, status,
      step_id, task, holder_agency_id, holder_agency_path, holder_department_id, holder_role, holder_id, step_started_at, step_due_at,
      applicant_id, applicant_kind, applicant_name, applicant_org, applicant_id_number, applicant_phone, applicant_address, summary, components,
      submitted_at, received_at, appointment_at, completed_at, returned_at, paused_since, pause_reason, status_reason, missing_items,
      supplement_phase, fee_amount, history_seq, history_hash, created_at, updated_at)
    select d.id,
      d.agency_code || '-' || to_char(d.submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' ||
        lpad((row_number() over (partition by d.agency_i, (d.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date order by d.submitted_at, d.g))::text, 4, '0'),
      d.procedure_id, d.procedure_code, d.procedure_name, d.field_code, d.agency_id, d.agency_path, d.process_id, d.channel,
      ${byState('d.state', (st) => lit(st.status))}, ${byState('d.state', (st) => lit(st.step))}, ${byState('d.state', (st) => lit(st.task))},
      d.agency_id, d.agency_path, case when d.holder_id is null or d.holder_id = d.leader_id then null when d.holder_id = d.counter_id then d.desk_id else d.dept_id end,
      ${byState('d.state', (st) => lit(st.task === 'done' ? null : st.pool))}, d.holder_id, d.step_started_at,
      case when ${byState('d.state', (st) => String(st.share))} > 0 then d.step_started_at + ${byState('d.state', (st) => String(st.share))} * d.days * interval '1.4 days' / 100 end,
      ${uid(`'bench-a-' || case when d.org then 'o' else 'c' end || d.person`)},
      case when d.org then 'organisation' else 'citizen' end, ${nameSql(`'p' || d.person`)},
      case when d.org then 'Công ty TNHH ' || (${arr(ORG_WORDS)})[1 + d.person % ${ORG_WORDS.length}] || ' ' || ${nameSql(`'o' || d.person`)} end,
      case when d.org then '36' || lpad(d.person::text, 8, '0') else '0790' || lpad(d.person::text, 8, '0') end,
      '09' || lpad((d.person::bigint * 7919 % 100000000)::text, 8, '0'), 'Số ' || (1 + d.person % 300) || ', tổ ' || (1 + d.person % 25),
      case when d.rsm < 0.7 then '' else (${arr(SUMMARIES)})[1 + floor((d.rsm - 0.7) / 0.3 * ${SUMMARIES.length})::int] end,
      '[{"name":"Tờ khai theo mẫu","copyType":"original","count":1,"received":true},{"name":"Giấy tờ chứng minh nhân thân","copyType":"copy","count":1,"received":true}]',
      d.submitted_at, d.received_at, d.received_at + d.days * interval '1.4 days', d.completed_at, d.returned_at,
      case when ${byState('d.state', (st) => lit(st.pause))} is not null then d.step_started_at end, ${byState('d.state', (st) => lit(st.pause))},
      ${byState('d.state', (st) => (st.phase || st.action === 'refuse' || st.action === 'withdraw' || st.action === 'reject' ? "'Hồ sơ chưa đủ thành phần theo quy định'" : 'null'))},
      case when ${byState('d.state', (st) => String(st.status === 'yeu_cau_bo_sung'))} then '["Bản sao giấy tờ chứng minh nơi cư trú"]'::jsonb else '[]'::jsonb end,
      ${byState('d.state', (st) => lit(st.phase))}, case when ${byState('d.state', (st) => String(st.pause === 'fees'))} then 500000 end,
      ${byState('d.state', (st) => String(st.events))}, encode(sha256(convert_to(d.id::text || ':' || ${byState('d.state', (st) => String(st.events))}, 'UTF8')), 'hex'),
      d.submitted_at, d.step_started_at
    from bench.ds d
    order by d.submitted_at;
  `);
  lap('dossiers');
  // 3. History: one row per stage; the last one is the state's own action; from_* is the stage before.
  const stage = (seq: string, f: (st: (typeof STAGES)[number]) => string) =>
    `(case ${seq} ${STAGES.map((st, i) => `when ${i + 1} then ${f(st)}`).join(' ')} end)`;
  const last = (f: (st: State) => string) => byState('d.state', f);
  const to = (own: string, canon: string) => `case when e.seq = k.n then ${own} else ${canon} end`;
  await c.query(`
    insert into dossier_events (dossier_id, seq, at, actor_id, actor_name, action, from_status, to_status, from_step, to_step, from_holder, to_holder, prev_hash, hash)
    select d.id, e.seq, x.at, x.actor_id, coalesce(a.full_name, z.applicant_name), x.action,
      case when e.seq > 1 then ${stage('e.seq - 1', (st) => lit(st.status))} end, x.to_status,
      case when e.seq > 1 then ${stage('e.seq - 1', (st) => lit(st.step))} end, x.to_step,
      case when e.seq > 1 then ${stage('e.seq - 1', (st) => idOf(st.to))} end, x.to_holder,
      case when e.seq = 1 then repeat('0', 64) else encode(sha256(convert_to(d.id::text || ':' || (e.seq - 1), 'UTF8')), 'hex') end,
      encode(sha256(convert_to(d.id::text || ':' || e.seq, 'UTF8')), 'hex')
    from bench.ds d join dossiers z on z.id = d.id
      cross join lateral (select ${last((st) => String(st.events))} as n) k
      cross join lateral generate_series(1, k.n) e(seq)
      cross join lateral (select
        coalesce(d.received_at, d.submitted_at) + (d.step_started_at - coalesce(d.received_at, d.submitted_at)) * (e.seq - 1) / greatest(k.n - 1, 1) as at,
        ${to(
          last((st) => idOf(st.actor)),
          stage('e.seq', (st) => idOf(st.actor)),
        )} as actor_id,
        ${to(
          last((st) => lit(st.action)),
          stage('e.seq', (st) => lit(st.action)),
        )} as action,
        ${to(
          last((st) => lit(st.status)),
          stage('e.seq', (st) => lit(st.status)),
        )} as to_status,
        ${to(
          last((st) => lit(st.step)),
          stage('e.seq', (st) => lit(st.step)),
        )} as to_step,
        ${to(
          'd.holder_id',
          stage('e.seq', (st) => idOf(st.to)),
        )} as to_holder) x
      left join accounts a on a.id = x.actor_id
    order by x.at;
  `);
  lap('dossier_events');
  await c.query(`
    insert into dossier_participants (account_id, dossier_id, last_at)
      select actor_id, dossier_id, max(at) from dossier_events where actor_id is not null group by 1, 2 order by 3;
    insert into applicants (id, kind, id_number, full_name, org_name, phone, address, created_at, updated_at)
      select distinct on (applicant_id) applicant_id, applicant_kind, applicant_id_number, applicant_name, applicant_org, applicant_phone, applicant_address, submitted_at, submitted_at
      from dossiers where applicant_id is not null order by applicant_id, submitted_at desc;
    insert into dossier_code_counters (agency_id, day, last)
      select agency_id, to_date(split_part(code, '-', 2), 'YYMMDD'), max(split_part(code, '-', 3)::int) from dossiers group by 1, 2;
  `);
  lap('participants, applicants, code counters');
  if (scale.files) {
    await generateFiles(c);
    lap('dossier_files (attachment metadata)');
  }
  await c.query('drop table bench.d, bench.dd, bench.ds');
}

/**
 * Attachment metadata as a live system keeps it: one to three component files a dossier (scans as PDF,
 * 60 kB to 3 MB), and the result file of every completed one, uploaded by whoever did it at the time.
 * The content store holds 16 stand-in PDFs of those sizes (content-addressed, so the files share them):
 * what matters to the benchmark is the metadata rows and their indexes, not the bytes.
 */
async function generateFiles(c: pg.PoolClient): Promise<void> {
  const r = (k: string) => rnd(`'f' || d.g || '${k}'`);
  await c.query(`
    create unlogged table bench.blob as
      select b, convert_to('%PDF-1.4' || chr(10), 'UTF8') || decode(repeat(md5('bench-blob-' || b), (60000 + b * 180000) / 16), 'hex') as content
      from generate_series(0, 15) b;
    insert into blobs (sha256, media_type, size, content)
      select encode(sha256(content), 'hex'), 'application/pdf', length(content), content from bench.blob
      on conflict do nothing;
    create unlogged table bench.blobref as select b, encode(sha256(content), 'hex') as sha256, length(content) as size from bench.blob;
    drop table bench.blob;
    insert into dossier_files (dossier_id, kind, component, file_name, blob_sha256, media_type, size, uploaded_by, created_at)
      select d.id, 'component', x.component, x.file_name, br.sha256, 'application/pdf', br.size,
        case when d.channel = 'counter' then d.counter_id end, coalesce(d.received_at, d.submitted_at)
      from bench.ds d
        cross join lateral generate_series(1, 1 + floor(3 * ${r('n')})::int) n
        cross join lateral (select case when n = 1 then 'Tờ khai theo mẫu' else 'Giấy tờ chứng minh nhân thân' end as component,
          case when n = 1 then 'to-khai.pdf' when n = 2 then 'can-cuoc-cong-dan.pdf' else 'giay-to-kem-theo-' || n || '.pdf' end as file_name) x
        join bench.blobref br on br.b = floor(16 * ${rnd(`'f' || d.g || 'b' || n`)})::int
      order by coalesce(d.received_at, d.submitted_at);
    insert into dossier_files (dossier_id, kind, component, file_name, blob_sha256, media_type, size, uploaded_by, created_at)
      select d.id, 'result', null, 'ket-qua-' || z.code || '.pdf', br.sha256, 'application/pdf', br.size, d.leader_id, d.completed_at
      from bench.ds d join dossiers z on z.id = d.id join bench.blobref br on br.b = floor(16 * ${r('r')})::int
      where d.completed_at is not null
      order by d.completed_at;
    drop table bench.blobref;
  `);
}
