import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProcessDefinition } from '../../src/domain/process.ts';
import type { DossierAction, DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import {
  arrowIn,
  go,
  MISSING,
  paymentProcess,
  publishProcedure,
  REASON,
  stored,
  toAppraisal,
  toFinished,
  toProcessSupplement,
  toSigning,
  VIETNAMESE,
} from '../support/dossier-cases.ts';
import type { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Every action of the API that the dossier's status does not allow is refused with 409 and a
 * Vietnamese message, and writes nothing (version, history and notices unchanged). The dossier is
 * driven to each of the 11 statuses (some in two situations: which phase asked for a supplement,
 * whether a stopped dossier still has a letter to hand over, an online dossier the applicant
 * cancelled), and each illegal action is sent by an official who could take it in another status, so
 * that the answer is the status rule (409), not the role (403). What the detail offers as buttons is
 * never one of the refused actions.
 */

let rt: TestRuntime;
let o: DossierOffice;
let payDef: ProcessDefinition;
let payCode: string;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  payDef = paymentProcess();
  payCode = await publishProcedure(o, payDef);
});
after(async () => rt.stop());

const ACTIONS: Exclude<DossierAction, 'comment'>[] = [
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'move',
  'resume',
  'request_payment',
  'pay',
  'assign',
  'recall',
  'stop',
  'return_result',
  'not_returned',
  'withdraw',
  'cancel',
  'restore',
];

interface Scenario {
  name: string;
  build: () => Promise<DossierDetail>;
  /** Actions the status allows (to someone); every other one must be refused. */
  legal: (DossierAction | 'amend')[];
  /** Arrows out of the step that the status does not allow: never offered, refused when sent. */
  refusedArrows?: string[];
  def?: () => ProcessDefinition;
}

const supplemented = async (d: DossierDetail) =>
  o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });

const SCENARIOS: Scenario[] = [
  {
    name: 'moi_dang_ky',
    build: () => o.submit(),
    // amend is the applicant's change before receipt, sent to its own endpoint (dossier-amend.test.ts).
    legal: ['accept', 'refuse', 'request_supplement', 'withdraw', 'cancel', 'amend', 'comment'],
  },
  {
    name: 'moi_dang_ky (cancelled by the applicant)',
    build: async () => {
      const d = await o.submit();
      return o.must(o.citizen, d.id, { action: 'cancel', rowVersion: d.rowVersion });
    },
    legal: ['restore', 'withdraw', 'comment'],
  },
  { name: 'duoc_tiep_nhan', build: () => o.receive(), legal: ['move', 'withdraw', 'comment'] },
  {
    name: 'khong_duoc_tiep_nhan',
    build: () => o.receive({ decision: 'refuse', reason: REASON }),
    legal: ['comment'],
  },
  {
    name: 'dang_xu_ly',
    build: () => toAppraisal(o),
    legal: [
      'move',
      'request_supplement',
      'request_payment',
      'assign',
      'recall',
      'stop',
      'withdraw',
      'comment',
    ],
  },
  {
    name: 'yeu_cau_bo_sung (asked at reception)',
    build: () => o.receive({ decision: 'request_supplement', reason: REASON, missingItems: MISSING }),
    legal: ['supplement', 'withdraw', 'comment'],
  },
  {
    name: 'yeu_cau_bo_sung (asked while processing)',
    build: () => toProcessSupplement(o),
    legal: ['supplement', 'withdraw', 'comment'],
  },
  {
    name: 'da_bo_sung (back at reception)',
    build: async () =>
      supplemented(
        await o.receive({ decision: 'request_supplement', reason: REASON, missingItems: MISSING }),
      ),
    legal: ['accept', 'refuse', 'withdraw', 'comment'],
  },
  {
    name: 'da_bo_sung (back with its handler)',
    build: async () => supplemented(await toProcessSupplement(o)),
    // Forward only (the chart's "resume"): no stop, no second supplement before resuming.
    legal: ['resume', 'move', 'assign', 'withdraw', 'comment'],
    refusedArrows: ['request_supplement'],
  },
  {
    name: 'dang_xu_ly (resumed after the one supplement asked while processing)',
    build: async () => {
      const d = await supplemented(await toProcessSupplement(o));
      return o.must(o.handler, d.id, { action: 'resume', rowVersion: d.rowVersion });
    },
    legal: ['move', 'request_payment', 'assign', 'stop', 'withdraw', 'comment'],
    refusedArrows: ['request_supplement'],
  },
  {
    name: 'yeu_cau_nghia_vu_tai_chinh',
    def: () => payDef,
    build: async () => {
      let d = await o.receive({ procedureCode: payCode });
      d = await o.must(o.counter, d.id, {
        action: 'move',
        rowVersion: d.rowVersion,
        transitionId: arrowIn(payDef, d, 'forward'),
        assigneeId: o.ids.handler,
      });
      return o.must(o.handler, d.id, {
        action: 'move',
        rowVersion: d.rowVersion,
        transitionId: arrowIn(payDef, d, 'request_payment'),
        amount: 50_000,
      });
    },
    legal: ['pay', 'assign', 'withdraw', 'comment'],
  },
  {
    name: 'cong_dan_yeu_cau_rut',
    build: async () => {
      const d = await toAppraisal(o);
      return o.must(o.citizen, d.id, { action: 'withdraw', rowVersion: d.rowVersion, reason: REASON });
    },
    legal: ['comment'],
  },
  {
    name: 'dung_xu_ly (stopped while appraising)',
    build: async () => {
      const d = await toAppraisal(o);
      return o.must(o.handler, d.id, { action: 'stop', rowVersion: d.rowVersion, reason: REASON });
    },
    legal: ['comment'],
  },
  {
    name: 'dung_xu_ly (refused at signature, letter to hand over)',
    build: async () => go(o, o.leader, await toSigning(o), 'reject', { reason: REASON }),
    legal: ['return_result', 'comment'],
  },
  {
    name: 'da_xu_ly_xong',
    build: () => toFinished(o),
    legal: ['return_result', 'not_returned', 'assign', 'withdraw', 'comment'],
  },
  {
    name: 'da_tra_ket_qua',
    build: async () => {
      const d = await toFinished(o);
      return o.must(o.counter, d.id, {
        action: 'return_result',
        rowVersion: d.rowVersion,
        recipient: { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber },
      });
    },
    legal: ['comment'],
  },
];

/** The official who holds the dossier now (by name, or the pool's role), or the handler. */
async function holderOf(id: string): Promise<TestClient> {
  const row = await rt.database.db
    .selectFrom('dossiers')
    .select(['holder_id', 'holder_role'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const byId = Object.entries(o.ids).find(([, v]) => v === row.holder_id)?.[0];
  if (byId) return o[byId as keyof DossierOffice['ids']];
  const byRole: Record<string, TestClient> = {
    can_bo_mot_cua: o.counter,
    lanh_dao_phong: o.head,
    lanh_dao_don_vi: o.leader,
  };
  return byRole[row.holder_role ?? ''] ?? o.handler;
}

/** Whoever took the dossier's last action (the only one who may recall it). */
async function lastActor(id: string): Promise<TestClient> {
  const last = await rt.database.db
    .selectFrom('dossier_events')
    .select('actor_id')
    .where('dossier_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const who = Object.entries(o.ids).find(([, v]) => v === last.actor_id)?.[0];
  return who ? o[who as keyof DossierOffice['ids']] : o.handler;
}

/** Someone who could hold the dossier's current step and does not hold it now. */
async function assigneeFor(d: DossierDetail, def: ProcessDefinition): Promise<string> {
  const step = def.steps.find((x) => x.id === d.stepId);
  const role = step?.actor?.kind === 'role' ? step.actor.role : 'can_bo_thu_ly';
  const byRole: Record<string, (keyof DossierOffice['ids'])[]> = {
    can_bo_mot_cua: ['counter'],
    lanh_dao_phong: ['head'],
    lanh_dao_don_vi: ['leader'],
    can_bo_thu_ly: ['handler', 'handler2'],
  };
  const row = await rt.database.db
    .selectFrom('dossiers')
    .select('holder_id')
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  const ids = (byRole[role] ?? ['handler']).map((k) => o.ids[k]).filter((id) => id !== row.holder_id);
  return ids[0] ?? o.ids.handler;
}

/** The official who could take `action` in a status that allows it, and a complete body for it. */
async function attempt(
  action: (typeof ACTIONS)[number],
  d: DossierDetail,
  def: ProcessDefinition,
): Promise<[TestClient, Record<string, unknown>]> {
  const firstArrow = def.transitions.find((t) => t.from === d.stepId)?.id ?? 'c1';
  const recipient = { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber };
  switch (action) {
    case 'accept':
    case 'refuse':
    case 'supplement':
    case 'pay':
    case 'return_result':
    case 'not_returned':
      return [o.counter, { reason: REASON, channel: 'counter', receipt: 'BL-1', recipient }];
    case 'request_supplement':
      return [
        d.task === 'receive' ? o.counter : await holderOf(d.id),
        { reason: REASON, missingItems: MISSING },
      ];
    case 'move':
      return [await holderOf(d.id), { transitionId: firstArrow, assigneeId: null, reason: REASON }];
    case 'resume':
    case 'stop':
    case 'request_payment':
      return [await holderOf(d.id), { reason: REASON, amount: 10_000 }];
    case 'assign':
      return [o.head, { assigneeId: await assigneeFor(d, def) }];
    case 'recall':
      return [await lastActor(d.id), {}];
    case 'withdraw':
    case 'cancel':
    case 'restore':
      return [o.citizen, { reason: REASON }];
  }
}

/** Strips what the action's schema does not know (discriminated union bodies are strict enough). */
function bodyOf(action: string, rowVersion: number, extra: Record<string, unknown>): Record<string, unknown> {
  const keep: Record<string, string[]> = {
    accept: [],
    refuse: ['reason'],
    request_supplement: ['reason', 'missingItems'],
    supplement: ['channel'],
    move: ['transitionId', 'reason'],
    resume: [],
    request_payment: ['amount'],
    pay: ['receipt'],
    assign: ['assigneeId'],
    recall: [],
    stop: ['reason'],
    return_result: ['recipient'],
    not_returned: ['reason'],
    withdraw: ['reason'],
    cancel: [],
    restore: [],
  };
  const body: Record<string, unknown> = { action, rowVersion };
  for (const k of keep[action] ?? []) body[k] = extra[k];
  return body;
}

const CLIENTS = ['counter', 'head', 'handler', 'handler2', 'coordinator', 'leader', 'citizen'] as const;

for (const sc of SCENARIOS) {
  describe(`in status ${sc.name}`, () => {
    let d: DossierDetail;
    before(async () => {
      d = await sc.build();
    });

    it('offers no refused action as a button, to anyone', async () => {
      const offered = new Set<string>();
      const arrows = new Set<string>();
      const def = sc.def?.() ?? o.definition;
      for (const c of CLIENTS) {
        const res = await o[c].get(`/api/dossiers/${d.id}`);
        if (res.statusCode !== 200) continue;
        for (const a of res.json<DossierDetail>().actions) {
          offered.add(a.action);
          const t = def.transitions.find((x) => x.id === a.transitionId);
          if (a.action === 'move' && t) arrows.add(t.action);
        }
      }
      assert.deepEqual(
        [...offered].filter((a) => !sc.legal.includes(a as DossierAction | 'amend')),
        [],
      );
      assert.deepEqual(
        [...arrows].filter((a) => sc.refusedArrows?.includes(a)),
        [],
      );
    });

    for (const kind of sc.refusedArrows ?? []) {
      it(`move along the ${kind} arrow → 409, nothing written`, async () => {
        const beforeState = await stored(o, d.id);
        const res = await o.act(await holderOf(d.id), d.id, {
          action: 'move',
          rowVersion: beforeState.rowVersion,
          transitionId: arrowIn(sc.def?.() ?? o.definition, d, kind),
          reason: REASON,
          missingItems: MISSING,
        });
        assert.equal(res.statusCode, 409, res.body);
        assert.match(res.json<{ detail: string }>().detail, VIETNAMESE);
        assert.deepEqual(await stored(o, d.id), beforeState);
      });
    }

    for (const action of ACTIONS.filter((a) => !sc.legal.includes(a))) {
      it(`${action} → 409, nothing written`, async () => {
        const beforeState = await stored(o, d.id);
        const [client, extra] = await attempt(action, d, sc.def?.() ?? o.definition);
        const res = await o.act(client, d.id, bodyOf(action, beforeState.rowVersion, extra));
        assert.equal(res.statusCode, 409, `${action}: ${res.body}`);
        const problem = res.json<{ code: string; detail: string }>();
        assert.ok(
          ['invalid_action', 'invalid_transition', 'transition_not_here'].includes(problem.code),
          problem.code,
        );
        assert.match(problem.detail, VIETNAMESE);
        assert.deepEqual(await stored(o, d.id), beforeState);
      });
    }
  });
}
