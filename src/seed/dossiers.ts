import { sql } from 'kysely';
import type { ProcessDefinition } from '../domain/process.ts';
import type { Grant } from '../domain/permissions.ts';
import type { AuthContext } from '../modules/accounts/sessions.ts';
import type { DossierCaller } from '../modules/dossiers/service.ts';
import type { ActionBody } from '../modules/dossiers/schema.ts';
import type { Services } from '../services.ts';
import { DEMO_CITIZENS } from './demo-accounts.ts';

/**
 * Demonstration dossiers at Sở Tư pháp, made through the dossier service itself (so every one has a
 * real code, appointment, history and notices): some waiting at each place of the department
 * process and in each status an official meets in a day — new online submissions, received and
 * waiting for transfer, waiting for assignment, being appraised, waiting for a supplement, waiting
 * for the department's and the leader's approval, done and waiting at the counter, returned, refused.
 * Idempotent: skipped when the agency already has dossiers.
 */

type Plan =
  | 'online'
  | 'received'
  | 'assign'
  | 'appraise'
  | 'supplement'
  | 'review'
  | 'sign'
  | 'ready'
  | 'returned'
  | 'refused';
const PLANS: readonly Plan[] = [
  'online',
  'online',
  'received',
  'assign',
  'assign',
  'appraise',
  'appraise',
  'supplement',
  'review',
  'sign',
  'ready',
  'returned',
  'returned',
  'refused',
];

interface Cast {
  counter: DossierCaller;
  head: DossierCaller;
  handler: DossierCaller;
  leader: DossierCaller;
}

async function callerFor(services: Services, username: string): Promise<DossierCaller> {
  const row = await services.database.db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.kind', 'a.username', 'a.full_name', 'a.email'])
    .select(
      sql<Grant[]>`case when a.kind = 'official' then account_grants(a.id) else '[]'::jsonb end`.as('grants'),
    )
    .where('a.username', '=', username)
    .executeTakeFirstOrThrow();
  const auth: AuthContext = {
    sessionId: 'seed',
    account: {
      id: row.id,
      kind: row.kind,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
    },
    grants: row.grants,
  };
  return { auth, actor: { accountId: row.id, name: row.full_name, ip: null } };
}

export async function seedDossiers(services: Services, log: (msg: string) => void): Promise<void> {
  const db = services.database.db;
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('name', '=', 'Sở Tư pháp tỉnh Thanh Hóa')
    .executeTakeFirst();
  if (!agency) return log('Hồ sơ mẫu: không có Sở Tư pháp trong dữ liệu mẫu, bỏ qua.');
  const existing = await db
    .selectFrom('dossiers')
    .select('id')
    .where('agency_id', '=', agency.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return log('Hồ sơ mẫu: đã có, bỏ qua.');
  const procedures = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_agencies as pa', 'pa.procedure_id', 'p.id')
    .innerJoin('process_definitions as d', (j) =>
      j.onRef('d.procedure_id', '=', 'p.id').on('d.status', '=', 'published').on('d.agency_id', 'is', null),
    )
    .select(['p.code', 'd.definition'])
    .where('pa.agency_id', '=', agency.id)
    .where('p.status', '=', 'published')
    .where(sql<boolean>`d.definition -> 'steps' @> '[{"id": "phan-cong"}]'`)
    .where(sql<boolean>`'online' = any(pa.channels)`)
    .orderBy('p.code')
    .limit(PLANS.length)
    .execute();
  if (procedures.length === 0)
    return log('Hồ sơ mẫu: Sở Tư pháp chưa có thủ tục qua phòng chuyên môn, bỏ qua.');
  const cast: Cast = {
    counter: await callerFor(services, 'motcua.sotuphap'),
    head: await callerFor(services, 'truongphong.sotuphap'),
    handler: await callerFor(services, 'thuly.sotuphap'),
    leader: await callerFor(services, 'giamdoc.sotuphap'),
  };
  const started = Date.now();
  for (const [i, plan] of PLANS.entries()) {
    const procedure = procedures[i % procedures.length];
    if (!procedure) continue;
    const citizen = DEMO_CITIZENS[i % DEMO_CITIZENS.length];
    if (!citizen) continue;
    const applicant = {
      kind: 'citizen' as const,
      idNumber: citizen.idNumber,
      fullName: citizen.fullName,
      phone: citizen.phone,
      email: citizen.email,
      address: citizen.address,
    };
    await drive(services, cast, plan, {
      code: procedure.code,
      def: procedure.definition as unknown as ProcessDefinition,
      agencyId: agency.id,
      applicant,
      citizenUsername: citizen.idNumber,
    });
  }
  log(`Hồ sơ mẫu: ${PLANS.length} hồ sơ tại ${agency.name} trong ${Date.now() - started} ms.`);
}

async function drive(
  services: Services,
  cast: Cast,
  plan: Plan,
  p: {
    code: string;
    def: ProcessDefinition;
    agencyId: string;
    applicant: {
      kind: 'citizen';
      idNumber: string;
      fullName: string;
      phone: string;
      email: string;
      address: string;
    };
    citizenUsername: string;
  },
): Promise<void> {
  const { dossiers } = services;
  const base = {
    procedureCode: p.code,
    agencyId: p.agencyId,
    applicant: p.applicant,
    summary: 'Hồ sơ mẫu để trình diễn',
    formData: {},
    fileIds: [],
    resultDelivery: 'counter' as const,
  };
  const components = [{ name: 'Tờ khai theo mẫu', copyType: 'original' as const, count: 1, received: true }];
  if (plan === 'online') {
    // Online dossiers are checked against the procedure's e-form: here the built-in default one.
    const formData = {
      hoTen: p.applicant.fullName,
      soDinhDanh: p.applicant.idNumber,
      dienThoai: p.applicant.phone,
      email: p.applicant.email,
      tinh: '38',
      xa: '14797',
      diaChi: p.applicant.address,
      noiDung: base.summary,
      camDoan: true,
    };
    await dossiers.submit(await callerFor(services, p.citizenUsername), { ...base, formData, components });
    return;
  }
  const decision = plan === 'refused' ? 'refuse' : 'accept';
  const id = await dossiers.receive(cast.counter, {
    ...base,
    components,
    channel: 'counter',
    decision,
    reason: plan === 'refused' ? 'Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp' : null,
    missingItems: [],
  });
  const steps: [keyof Cast, string, Partial<ActionBody>?][] = [];
  const order: Plan[] = ['received', 'assign', 'appraise', 'review', 'sign', 'ready', 'returned'];
  const reach = order.indexOf(plan === 'supplement' ? 'appraise' : plan);
  if (reach >= 1) steps.push(['counter', 'forward']);
  if (reach >= 2) steps.push(['head', 'forward', { assigneeId: cast.handler.actor.accountId }]);
  if (reach >= 3) steps.push(['handler', 'forward'], ['handler', 'submit_approval']);
  if (reach >= 4) steps.push(['head', 'submit_approval']);
  if (reach >= 5) steps.push(['leader', 'finish']);
  for (const [who, action, extra] of steps) await move(services, cast[who], id, p.def, action, extra);
  if (plan === 'supplement') {
    await move(services, cast.handler, id, p.def, 'request_supplement', {
      reason: 'Bản sao giấy tờ chưa được chứng thực',
      missingItems: ['Bản sao có chứng thực giấy khai sinh'],
    });
  }
  if (plan === 'returned') {
    const rowVersion = await dossiers.rowVersion(id);
    await dossiers.act(cast.counter, id, {
      action: 'return_result',
      rowVersion,
      recipient: { relation: 'self', name: p.applicant.fullName, idNumber: p.applicant.idNumber },
      feeReceipt: null,
    });
  }
}

/** Moves the dossier along the first arrow of `action` out of its current step. */
async function move(
  services: Services,
  who: DossierCaller,
  id: string,
  def: ProcessDefinition,
  action: string,
  extra: Partial<ActionBody> = {},
): Promise<void> {
  const row = await services.database.db
    .selectFrom('dossiers')
    .select(['step_id', 'row_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const t = def.transitions.find((x) => x.from === row.step_id && x.action === action);
  if (!t) throw new Error(`demo process has no ${action} arrow out of ${row.step_id}`);
  await services.dossiers.act(who, id, {
    action: 'move',
    rowVersion: row.row_version,
    transitionId: t.id,
    fileIds: [],
    ...extra,
  } as ActionBody);
}
