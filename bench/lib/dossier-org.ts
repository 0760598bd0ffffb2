import type pg from 'pg';
import { departmentProcess } from '../../src/modules/processes/templates.ts';

/**
 * The province of the dossier benchmark, generated in a few set-based statements: the province
 * (000.00.00.H98), 20 provincial departments (sở) and 279 communes and wards, each with its
 * departments; about 2,000 officials (one-stop counter officers, department heads, handling officers,
 * agency leaders, and 5 provincial leaders over the whole tree) with their role assignments; 200
 * published procedures (140 carried out by every commune, 60 by one sở each) with the published
 * department process (departmentProcess). Ids are uuids made of the md5 of a name (uid), so every
 * run builds the same rows.
 * The bookkeeping tables of schema `bench` (agency, official, proc, ap) let the dossier generator and
 * the load pick consistent rows.
 */

export const SO_COUNT = 20;
export const COMMUNE_COUNT = 279;

const SO_NAMES =
  'Sở Tư pháp|Sở Xây dựng|Sở Tài chính|Sở Nông nghiệp và Môi trường|Sở Công Thương|Sở Y tế|Sở Giáo dục và Đào tạo|Sở Nội vụ|Sở Văn hóa, Thể thao và Du lịch|Sở Khoa học và Công nghệ|Sở Dân tộc và Tôn giáo|Sở Ngoại vụ|Công an tỉnh|Ban Quản lý các khu công nghiệp|Thanh tra tỉnh|Văn phòng Ủy ban nhân dân tỉnh|Bảo hiểm xã hội tỉnh|Cục Thuế tỉnh|Kho bạc Nhà nước tỉnh|Ban Quản lý khu kinh tế'.split(
    '|',
  );
const PLACE_A = 'An Bình Tân Phú Hòa Long Thạnh Vĩnh Phước Mỹ Đông Tây Hưng Thuận Quảng Gia'.split(' ');
const PLACE_B =
  'Hòa Lợi Thành Phú An Hưng Mỹ Long Bình Thuận Tiến Lộc Phát Đức Thịnh Quang Hải Sơn Trung Xuân'.split(' ');

/** Family names weighted as in the population (Nguyễn about 38 in 100), middle and given names by gender. */
export const FAMILY =
  'Nguyễn:38 Trần:11 Lê:9 Phạm:7 Hoàng:5 Huỳnh:4 Phan:4 Vũ:3 Võ:3 Đặng:2 Bùi:2 Đỗ:2 Hồ Ngô Dương Lý Đinh Trương Lâm Mai Tạ Cao'
    .split(' ')
    .flatMap((w) => {
      const [name = '', times = '1'] = w.split(':');
      return Array<string>(Number(times)).fill(name);
    });
export const MIDDLE_M = 'Văn Văn Văn Minh Đức Quốc Hữu Thanh Xuân Công Hoàng Ngọc Anh Trọng'.split(' ');
export const MIDDLE_F = 'Thị Thị Thị Thị Ngọc Thu Thanh Minh Kim Mai Bảo Hồng Phương Diệu'.split(' ');
export const GIVEN_M =
  'An Anh Bình Cường Dũng Đạt Hải Hiếu Hùng Huy Khánh Khoa Long Minh Nam Nghĩa Phong Phúc Quang Quân Sơn Tài Thắng Thành Thịnh Trung Tuấn Tùng Việt Vinh'.split(
    ' ',
  );
export const GIVEN_F =
  'An Anh Châu Dung Giang Hà Hạnh Hằng Hoa Hương Huyền Lan Linh Loan Mai My Nga Ngân Ngọc Nhung Oanh Phương Quyên Tâm Thảo Thủy Trang Tuyết Vân Yến'.split(
    ' ',
  );

/** A SQL expression for a version-4-shaped uuid made of the md5 of `key`: the same on every run. */
export const uid = (key: string) =>
  `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A SQL array literal of Vietnamese words (no quotes inside any of them). */
export const arr = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
/**
 * The generator's seed (BENCH_SEED, digits only): mixed into every key, so another seed draws other data
 * and the same seed the same data; empty by default (the data of the earlier benchmarks).
 */
const SEED = /^\d*$/.test(process.env.BENCH_SEED ?? '') ? (process.env.BENCH_SEED ?? '') : '';
/** A SQL expression for a uniform number in [0, 1) from a key: the same on every run and every server. */
export const rnd = (key: string) =>
  SEED
    ? `((hashtext(${key} || '#${SEED}')::bigint + 2147483648) / 4294967296.0)`
    : `((hashtext(${key})::bigint + 2147483648) / 4294967296.0)`;

/**
 * How big the province is: officials per agency and the procedures (the 200 made-up ones, or those
 * already imported into `procedures` from the national catalog, see capacity-procedures.ts).
 */
export interface OrgScale {
  soCounters: number;
  soDepts: number;
  soHandlers: number;
  communeCounters: number;
  communeHandlers: number;
  procedures: 'made-up' | ProcedureMeta[];
}
/** A procedure of the bench: rank k (most asked first within its level), level and deadline in working days. */
export interface ProcedureMeta {
  k: number;
  code: string;
  level: 'commune' | 'so';
  so: number | null;
  days: number;
}
/** The dossier benchmark's province: about 2,000 officials and the 200 made-up procedures. */
export const SMALL_ORG: OrgScale = {
  soCounters: 2,
  soDepts: 3,
  soHandlers: 3,
  communeCounters: 1,
  communeHandlers: 3,
  procedures: 'made-up',
};
/** A Vietnamese full name from a key (gender from the key too). */
export const nameSql = (key: string) =>
  `(case when ${rnd(`${key} || 'g'`)} < 0.5 then (${arr(FAMILY)})[1 + floor(${rnd(`${key} || 'f'`)} * ${FAMILY.length})::int] || ' ' || (${arr(MIDDLE_M)})[1 + floor(${rnd(`${key} || 'm'`)} * ${MIDDLE_M.length})::int] || ' ' || (${arr(GIVEN_M)})[1 + floor(${rnd(`${key} || 'n'`)} * ${GIVEN_M.length})::int]
    else (${arr(FAMILY)})[1 + floor(${rnd(`${key} || 'f'`)} * ${FAMILY.length})::int] || ' ' || (${arr(MIDDLE_F)})[1 + floor(${rnd(`${key} || 'm'`)} * ${MIDDLE_F.length})::int] || ' ' || (${arr(GIVEN_F)})[1 + floor(${rnd(`${key} || 'n'`)} * ${GIVEN_F.length})::int] end)`;

interface Base {
  name: string;
  field: string;
  days: number;
}
const b = (field: string, days: number, names: string): Base[] =>
  names.split('|').map((name) => ({ name, field, days }));
const COMMUNE_BASES: Base[] = [
  ...b(
    'ho-tich',
    3,
    'Đăng ký khai sinh|Đăng ký kết hôn|Đăng ký khai tử|Đăng ký nhận cha, mẹ, con|Đăng ký giám hộ|Cấp bản sao trích lục hộ tịch|Cấp Giấy xác nhận tình trạng hôn nhân|Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch|Đăng ký lại khai sinh|Đăng ký khai sinh kết hợp nhận cha, mẹ, con|Đăng ký chấm dứt giám hộ|Đăng ký lại kết hôn|Đăng ký lại khai tử|Đăng ký nuôi con nuôi trong nước',
  ),
  ...b(
    'chung-thuc',
    1,
    'Chứng thực bản sao từ bản chính giấy tờ, văn bản|Chứng thực chữ ký trong các giấy tờ, văn bản|Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản|Chứng thực hợp đồng, giao dịch về quyền của người sử dụng đất|Chứng thực di chúc|Chứng thực văn bản thỏa thuận phân chia di sản|Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
  ),
  ...b(
    'dat-dai',
    15,
    'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất|Cấp Giấy chứng nhận quyền sử dụng đất lần đầu|Chuyển mục đích sử dụng đất|Tách thửa hoặc hợp thửa đất|Hòa giải tranh chấp đất đai|Đính chính Giấy chứng nhận đã cấp|Cấp đổi Giấy chứng nhận quyền sử dụng đất',
  ),
  ...b(
    'xay-dung',
    15,
    'Cấp giấy phép xây dựng nhà ở riêng lẻ|Cấp giấy phép sửa chữa, cải tạo công trình|Gia hạn giấy phép xây dựng|Cấp lại giấy phép xây dựng',
  ),
  ...b(
    'kinh-doanh',
    3,
    'Đăng ký thành lập hộ kinh doanh|Đăng ký thay đổi nội dung đăng ký hộ kinh doanh|Tạm ngừng kinh doanh của hộ kinh doanh|Chấm dứt hoạt động hộ kinh doanh|Cấp Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ ăn uống',
  ),
  ...b(
    'bao-tro-xa-hoi',
    10,
    'Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội|Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội|Xác định mức độ khuyết tật và cấp Giấy xác nhận khuyết tật|Thôi hưởng trợ cấp xã hội hàng tháng|Hỗ trợ khẩn cấp trẻ em mồ côi cả cha và mẹ',
  ),
  ...b(
    'nguoi-co-cong',
    10,
    'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ|Cấp giấy xác nhận thân nhân người có công|Hỗ trợ người có công với cách mạng về nhà ở|Giải quyết chế độ mai táng phí đối với cựu chiến binh',
  ),
  ...b(
    'giao-duc',
    5,
    'Xét cấp hỗ trợ học tập cho trẻ mẫu giáo|Chuyển trường đối với học sinh tiểu học|Cho phép nhóm trẻ độc lập hoạt động giáo dục',
  ),
];
const SO_BASES: Base[] = [
  ...b('tu-phap', 10, 'Cấp Phiếu lý lịch tư pháp|Đăng ký hành nghề công chứng|Cấp Thẻ đấu giá viên'),
  ...b(
    'xay-dung',
    20,
    'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở|Cấp chứng chỉ hành nghề hoạt động xây dựng|Cấp giấy phép xây dựng công trình cấp II|Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
  ),
  ...b(
    'kinh-doanh',
    5,
    'Đăng ký thành lập doanh nghiệp tư nhân|Đăng ký thay đổi nội dung đăng ký doanh nghiệp|Cấp giấy phép bán lẻ rượu|Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm',
  ),
  ...b(
    'moi-truong',
    20,
    'Cấp giấy phép môi trường|Cấp giấy phép khai thác tài nguyên nước|Cấp Giấy chứng nhận quyền sử dụng đất cho tổ chức',
  ),
  ...b(
    'y-te',
    15,
    'Cấp chứng chỉ hành nghề dược|Cấp giấy phép hoạt động khám bệnh, chữa bệnh|Cấp giấy phép lao động cho người nước ngoài',
  ),
  ...b(
    'van-hoa',
    7,
    'Cấp giấy phép tổ chức biểu diễn nghệ thuật|Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo|Công nhận trường đạt chuẩn quốc gia',
  ),
];
const FIELDS: Record<string, string> = {
  'ho-tich': 'Hộ tịch',
  'chung-thuc': 'Chứng thực',
  'dat-dai': 'Đất đai',
  'xay-dung': 'Hoạt động xây dựng',
  'kinh-doanh': 'Thành lập và hoạt động doanh nghiệp, hộ kinh doanh',
  'bao-tro-xa-hoi': 'Bảo trợ xã hội',
  'nguoi-co-cong': 'Người có công',
  'giao-duc': 'Giáo dục và Đào tạo',
  'tu-phap': 'Lý lịch tư pháp, bổ trợ tư pháp',
  'moi-truong': 'Môi trường, tài nguyên nước',
  'y-te': 'Khám bệnh, chữa bệnh và dược',
  'van-hoa': 'Văn hóa, quảng cáo',
};
const QUALIFIERS =
  '| (thực hiện lưu động)| có yếu tố nước ngoài| trên môi trường điện tử| (cấp lại do bị mất, hỏng)'.split(
    '|',
  );

function variants(bases: Base[], count: number): Base[] {
  const out: Base[] = [];
  for (let q = 0; out.length < count; q++)
    for (const base of bases)
      if (out.length < count)
        out.push({ ...base, name: `${base.name}${QUALIFIERS[q % QUALIFIERS.length] ?? ''}` });
  return out;
}

/** The 200 procedures: k 1–140 carried out by every commune (most asked first), 141–200 by one sở each. */
export function procedureList(): (Base & {
  k: number;
  code: string;
  level: 'commune' | 'so';
  so: number | null;
})[] {
  const commune = variants(COMMUNE_BASES, 140).map((p, i) => ({
    ...p,
    k: i + 1,
    level: 'commune' as const,
    so: null,
  }));
  const so = variants(SO_BASES, 60).map((p, i) => ({
    ...p,
    k: 141 + i,
    level: 'so' as const,
    so: 1 + (i % SO_COUNT),
  }));
  return [...commune, ...so].map((p) => ({ ...p, code: `1.9${String(p.k).padStart(5, '0')}` }));
}

export async function generateOrg(
  c: pg.PoolClient,
  passwordHash: string,
  scale: OrgScale = SMALL_ORG,
): Promise<void> {
  const procs = scale.procedures === 'made-up' ? procedureList() : scale.procedures;
  const days = [...new Set(procs.map((p) => p.days))];
  const defs = Object.fromEntries(
    days.map((d) => [
      d,
      departmentProcess({ name: `Quy trình giải quyết trong ${d} ngày làm việc`, deadlineMinutes: d * 480 }),
    ]),
  );
  const fields = Object.entries(FIELDS).map(([code, name]) => ({ code, name }));
  const places: string[] = [];
  for (const a of PLACE_A) for (const bb of PLACE_B) if (a !== bb) places.push(`${a} ${bb}`);
  await c.query(`
    create schema if not exists bench;
    create table bench.agency (i int primary key, id uuid not null, code text not null, path text not null, kind text not null, name text not null);
    insert into bench.agency values (0, ${uid(`'bench-agency-0'`)}, '000.00.00.H98', '/' || ${uid(`'bench-agency-0'`)} || '/', 'province', 'Ủy ban nhân dân tỉnh Bến Hải');
    insert into bench.agency
      select i, ${uid(`'bench-agency-' || i`)},
        case when i <= ${SO_COUNT} then '000.00.' || lpad(i::text, 2, '0') || '.H98'
             else '000.' || lpad(((i - ${SO_COUNT} - 1) % 99 + 1)::text, 2, '0') || '.' || (21 + (i - ${SO_COUNT} - 1) / 99)::text || '.H98' end,
        '/' || ${uid(`'bench-agency-0'`)} || '/' || ${uid(`'bench-agency-' || i`)} || '/',
        case when i <= ${SO_COUNT} then 'so' else 'commune' end,
        case when i <= ${SO_COUNT} then (${arr(SO_NAMES)})[i]
             else 'Ủy ban nhân dân ' || case when i - ${SO_COUNT} <= 40 then 'phường ' else 'xã ' end || (${arr(places)})[1 + (i - ${SO_COUNT} - 1) * 7 % ${places.length}] end
      from generate_series(1, ${SO_COUNT + COMMUNE_COUNT}) i;
    insert into agencies (id, parent_id, code, name, level, path, depth)
      select id, case when i = 0 then null else ${uid(`'bench-agency-0'`)} end, code, name,
        case kind when 'province' then 'province' when 'so' then 'province_department' else 'commune' end, path, case when i = 0 then 0 else 1 end
      from bench.agency order by i;
    -- Departments: the one-stop unit (d = 0) and the specialised ones (3 in a sở, 1 in a commune).
    insert into departments (id, agency_id, code, name, is_one_stop)
      select ${uid(`'bench-dept-' || a.i || '-' || d`)}, a.id, 'P' || d,
        case when d = 0 then 'Bộ phận Một cửa' when a.kind = 'commune' then 'Phòng Văn hóa - Xã hội' else 'Phòng Nghiệp vụ ' || d end, d = 0
      from bench.agency a cross join generate_series(0, ${scale.soDepts}) d
      where a.i > 0 and (a.kind = 'so' or d <= 1);
    create table bench.official (account_id uuid primary key, agency_i int not null, role text not null, dept int, n int not null, subtree boolean not null default false);
    insert into bench.official
      select ${uid(`'bench-off-' || a.i || '-' || r.role || '-' || coalesce(r.dept, 0) || '-' || r.n`)}, a.i, r.role, r.dept, r.n, false
      from bench.agency a cross join lateral (
        select 'can_bo_mot_cua' as role, 0 as dept, n from generate_series(1, case when a.kind = 'so' then ${scale.soCounters} else ${scale.communeCounters} end) n
        union all select 'lanh_dao_phong', d, 1 from generate_series(1, case when a.kind = 'so' then ${scale.soDepts} else 1 end) d
        union all select 'can_bo_thu_ly', d, n from generate_series(1, case when a.kind = 'so' then ${scale.soDepts} else 1 end) d, generate_series(1, case when a.kind = 'so' then ${scale.soHandlers} else ${scale.communeHandlers} end) n
        union all select 'lanh_dao_don_vi', null, 1
      ) r where a.i > 0;
    insert into bench.official select ${uid(`'bench-off-0-' || n`)}, 0, 'lanh_dao_don_vi', null, n, true from generate_series(1, 5) n;
    create index on bench.official (agency_i, role, dept, n);
  `);
  await c.query(
    `insert into accounts (id, kind, username, password_hash, status, full_name, email_verified_at)
       select o.account_id, 'official', 'bench.' || o.agency_i || '.' || o.role || '.' || coalesce(o.dept, 0) || '.' || o.n, $1, 'active',
         ${nameSql(`o.account_id::text`)}, now()
       from bench.official o`,
    [passwordHash],
  );
  await c.query(`
    insert into officials (account_id, agency_id, department_id)
      select o.account_id, a.id, case when o.dept is null then null else ${uid(`'bench-dept-' || o.agency_i || '-' || o.dept`)} end
      from bench.official o join bench.agency a on a.i = o.agency_i;
    insert into role_assignments (account_id, role_code, agency_id, include_subtree)
      select o.account_id, o.role, a.id, o.subtree from bench.official o join bench.agency a on a.i = o.agency_i;
  `);
  await c.query(`create table bench.proc (k int primary key, id uuid not null, code text not null, name text not null,
    field_code text not null, level text not null, so int, days int not null, process_id uuid not null)`);
  if (scale.procedures === 'made-up') {
    await c.query(
      `insert into procedure_fields (code, name) select code, name from jsonb_to_recordset($1::jsonb) as f(code text, name text) on conflict do nothing`,
      [JSON.stringify(fields)],
    );
    await c.query(
      `insert into bench.proc
         select k, ${uid(`'bench-proc-' || k`)}, code, name, field, level, so, days, ${uid(`'bench-process-' || k`)}
         from jsonb_to_recordset($1::jsonb) as p(k int, code text, name text, field text, level text, so int, days int)`,
      [JSON.stringify(procs)],
    );
    await c.query(`
      insert into procedures (id, code, slug, name, field_code, content, published, status, has_changes, publications, pub_name, pub_field_code, published_at)
        select id, code, replace(code, '.', '-'), name, field_code, c, c, 'published', false, 1, name, field_code, now() - interval '4 years'
        from bench.proc, jsonb_build_object('name', name, 'fieldCode', field_code,
          'levels', jsonb_build_array(case when level = 'commune' then 'commune' else 'province' end),
          'onlineLevel', 'full', 'legacyLevel', 4, 'channels', jsonb_build_array(
          jsonb_build_object('channel', 'counter', 'deadline', jsonb_build_object('value', days, 'unit', 'working_days')),
          jsonb_build_object('channel', 'online', 'deadline', jsonb_build_object('value', days, 'unit', 'working_days')))) c`);
  } else {
    // Procedures imported from the national catalog before (published, with their real content).
    await c.query(
      `insert into bench.proc
         select m.k, p.id, p.code, p.name, p.field_code, m.level, m.so, m.days, ${uid(`'bench-process-' || m.k`)}
         from jsonb_to_recordset($1::jsonb) as m(k int, code text, level text, so int, days int)
           join procedures p on p.code = m.code and p.status = 'published'`,
      [JSON.stringify(procs)],
    );
  }
  await c.query(
    `insert into process_definitions (id, procedure_id, agency_id, version, status, definition, published_at)
       select p.process_id, p.id, null, 1, 'published', ($1::jsonb)->(p.days::text), now() - interval '4 years' from bench.proc p`,
    [JSON.stringify(defs)],
  );
  // Which agency carries out which procedure; k is the procedure's rank at that agency (most asked first).
  await c.query(`
    create table bench.ap (agency_i int not null, k int not null, proc_k int not null, dept int not null, primary key (agency_i, k));
    insert into bench.ap
      select a.i, row_number() over (partition by a.i order by p.k), p.k,
        case when a.kind = 'commune' then 1 else 1 + p.k % ${scale.soDepts} end
      from bench.agency a join bench.proc p on (a.kind = 'commune' and p.level = 'commune') or (a.kind = 'so' and p.so = a.i);
    insert into procedure_agencies (procedure_id, agency_id)
      select p.id, a.id from bench.ap x join bench.proc p on p.k = x.proc_k join bench.agency a on a.i = x.agency_i;
  `);
}
