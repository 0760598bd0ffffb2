import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DossierDetail, DossierPage, WorklistCounts } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import {
  go,
  MISSING,
  paymentProcess,
  publishProcedure,
  REASON,
  toAppraisal,
  toAssign,
  toFinished,
  toProcessSupplement,
  toSigning,
} from '../support/dossier-cases.ts';
import type { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * Worklists and counts per role (II.22.1–22.4) and search (II.23): fifteen dossiers are driven to
 * known places, then every list of every role must hold exactly the expected dossiers, its count must
 * agree, and search by code prefix, applicant name without diacritics, status, procedure, receipt
 * period and overdue narrows them; keyset pages walk a list without duplicates.
 */

let rt: TestRuntime;
let o: DossierOffice;
const D: Record<string, DossierDetail> = {};
let variantCode: string;

const supplement = (d: DossierDetail) =>
  o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });
const asking = { decision: 'request_supplement', reason: REASON, missingItems: MISSING };

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  variantCode = await publishProcedure(o, paymentProcess());
  D.A = await o.submit();
  const b = await o.submit();
  D.B = await o.must(o.citizen, b.id, { action: 'cancel', rowVersion: b.rowVersion });
  D.C = await o.receive();
  D.D = await o.receive(asking);
  D.E = await supplement(await o.receive(asking));
  D.F = await toAssign(o);
  D.G = await toAppraisal(o, 'handler', {
    applicant: {
      kind: 'citizen',
      idNumber: '079200000001',
      fullName: 'Nguyễn Thị Hồng Nhung',
      phone: '0987654321',
    },
  });
  D.H = await toProcessSupplement(o);
  D.I = await supplement(await toProcessSupplement(o));
  const j = await go(o, o.handler, await toAppraisal(o), 'forward', { assigneeId: o.ids.handler });
  D.J = await go(o, o.handler, j, 'submit_approval');
  D.K = await toSigning(o);
  D.L = await toFinished(o);
  D.M = await o.receive({ decision: 'refuse', reason: REASON });
  const n = await toAppraisal(o);
  D.N = await o.must(o.handler, n.id, { action: 'stop', rowVersion: n.rowVersion, reason: REASON });
  D.O = await o.receive({ procedureCode: variantCode });
  const db = rt.database.db;
  // C was received on 10/03/2025 at 23:59 in Vietnam; G is overdue; J is due in two hours.
  await db
    .updateTable('dossiers')
    .set({ received_at: new Date('2025-03-10T16:59:00Z') })
    .where('id', '=', D.C.id)
    .execute();
  const past = new Date(Date.now() - 2 * 86_400_000);
  await db
    .updateTable('dossiers')
    .set({ appointment_at: past, step_due_at: past })
    .where('id', '=', D.G.id)
    .execute();
  const soon = new Date(Date.now() + 2 * 3_600_000);
  await db
    .updateTable('dossiers')
    .set({ appointment_at: soon, step_due_at: soon })
    .where('id', '=', D.J.id)
    .execute();
});
after(async () => rt.stop());

const ALL = 'ABCDEFGHIJKLMNO';
const EXPECTED: Record<string, Record<string, string>> = {
  counter: {
    cho_tiep_nhan: 'A',
    cho_chuyen: 'CO',
    cho_bo_sung: 'DH',
    da_bo_sung_cho_tiep_nhan: 'E',
    cho_tra_ket_qua: 'L',
    dang_xu_ly: 'FGIJK',
    tu_choi: 'MN',
    tat_ca: ALL,
  },
  handler: {
    dang_thu_ly: 'G',
    bo_sung_cho_xu_ly: 'I',
    cho_bo_sung_cua_toi: 'H',
    dang_trinh_ky: 'JK',
    da_phan_cong: 'GI',
    tat_ca: ALL,
  },
  head: {
    cho_phan_cong: 'F',
    cho_duyet: 'J',
    cho_ky: 'K',
    tham_gia: 'GHIJKLN',
    da_ky_duyet: 'L',
    tat_ca: ALL,
  },
  leader: { cho_duyet: 'K', da_ky_duyet: 'L', tham_gia: 'L', tat_ca: ALL },
  outsider: {
    cho_tiep_nhan: '',
    cho_chuyen: '',
    cho_bo_sung: '',
    da_bo_sung_cho_tiep_nhan: '',
    cho_tra_ket_qua: '',
    dang_xu_ly: '',
    tu_choi: '',
    tat_ca: '',
  },
};

const letters = (items: { id: string }[]) =>
  items
    .map((x) => Object.entries(D).find(([, d]) => d.id === x.id)?.[0] ?? '?')
    .sort()
    .join('');

async function page(client: TestClient, query: string): Promise<DossierPage> {
  const res = await client.get(`/api/dossiers?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<DossierPage>();
}

describe('worklists and counts', () => {
  for (const [role, lists] of Object.entries(EXPECTED)) {
    it(`${role}: every list holds exactly its dossiers and counts them`, async () => {
      const client = o[role as keyof DossierOffice['ids']];
      const counts = (await client.get('/api/dossiers/counts')).json<WorklistCounts>();
      assert.deepEqual(
        counts.lists.map((l) => l.list),
        Object.keys(lists),
      );
      for (const [list, expected] of Object.entries(lists)) {
        const items = (await page(client, `list=${list}&limit=100`)).items;
        assert.equal(letters(items), expected, `${role} ${list}`);
        const count = counts.lists.find((l) => l.list === list)?.count;
        assert.equal(count?.total, expected.length, `${role} ${list} count`);
      }
    });
  }

  it('counts overdue and near-due dossiers by the due time of the list', async () => {
    const count = async (client: TestClient, list: string) =>
      (await client.get('/api/dossiers/counts')).json<WorklistCounts>().lists.find((l) => l.list === list)
        ?.count;
    assert.deepEqual(await count(o.counter, 'dang_xu_ly'), { total: 5, overdue: 1, nearDue: 1, capped: false });
    assert.deepEqual(await count(o.handler, 'dang_thu_ly'), { total: 1, overdue: 1, nearDue: 0, capped: false });
    assert.deepEqual(await count(o.head, 'cho_duyet'), { total: 1, overdue: 0, nearDue: 1, capped: false });
    const rows = (await page(o.counter, 'list=dang_xu_ly')).items;
    assert.equal(rows[0]?.id, D.G?.id, 'most urgent first');
    assert.equal(rows[0]?.due, 'overdue');
    assert.equal(rows[1]?.id, D.J?.id);
    assert.equal(rows[1]?.due, 'near_due');
  });
});

describe('search', () => {
  it('by code prefix, case-insensitive', async () => {
    const g = D.G!;
    assert.equal(letters((await page(o.counter, `code=${g.code}`)).items), 'G');
    assert.equal(letters((await page(o.counter, `code=${g.code.toLowerCase()}`)).items), 'G');
    assert.equal(letters((await page(o.counter, `code=${o.agency.code}&limit=100`)).items), ALL);
    assert.equal(letters((await page(o.counter, `code=${g.code.slice(0, -4)}9`)).items), '');
    // % and _ are not wildcards.
    assert.equal(letters((await page(o.counter, `code=%25${g.code.slice(-6)}`)).items), '');
    assert.equal(letters((await page(o.counter, `code=_${g.code.slice(1)}`)).items), '');
  });

  it('by applicant name without diacritics, status, procedure', async () => {
    assert.equal(letters((await page(o.counter, 'q=nguyen%20thi%20hong')).items), 'G');
    assert.equal(letters((await page(o.counter, `q=${encodeURIComponent('HỒNG nhung')}`)).items), 'G');
    assert.equal(
      letters((await page(o.counter, 'q=tran%20thi%20binh&limit=100')).items),
      ALL.replace('G', ''),
    );
    assert.equal(letters((await page(o.counter, 'status=yeu_cau_bo_sung')).items), 'DH');
    assert.equal(letters((await page(o.counter, 'status=dung_xu_ly')).items), 'N');
    assert.equal(letters((await page(o.counter, `procedureCode=${variantCode}`)).items), 'O');
    assert.equal(letters((await page(o.counter, 'status=da_bo_sung&list=dang_xu_ly')).items), 'I');
    assert.equal((await o.counter.get('/api/dossiers?status=xyz')).statusCode, 400);
  });

  it('by receipt period (days in Vietnam) and overdue', async () => {
    const march = await page(o.counter, 'receivedFrom=2025-03-01&receivedTo=2025-03-31');
    assert.equal(letters(march.items), 'C');
    assert.equal(
      letters((await page(o.counter, 'receivedFrom=2025-03-10&receivedTo=2025-03-10')).items),
      'C',
    );
    assert.equal(letters((await page(o.counter, 'receivedFrom=2025-03-11&receivedTo=2025-03-11')).items), '');
    assert.equal(letters((await page(o.counter, 'receivedTo=2025-03-09')).items), '');
    assert.equal(letters((await page(o.counter, 'due=overdue')).items), 'G');
    assert.equal(letters((await page(o.handler, 'list=dang_thu_ly&due=overdue')).items), 'G');
    assert.equal((await o.counter.get('/api/dossiers?receivedFrom=10/03/2025')).statusCode, 400);
  });

  for (const [list, limit] of [
    ['tat_ca', 4],
    ['dang_xu_ly', 2],
    ['cho_chuyen', 1],
    // D has no appointment yet (asked for a supplement at receipt): sorted last, still paged.
    ['cho_bo_sung', 1],
  ] as const) {
    it(`keyset pages walk ${list} (${limit} a page) without duplicates`, async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p: DossierPage = await page(
          o.counter,
          `list=${list}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        assert.ok(p.items.length <= limit);
        seen.push(...p.items.map((x) => x.id));
        cursor = p.nextCursor;
        pages += 1;
        assert.ok(pages < 20, 'pages end');
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, 'no duplicates');
      assert.equal(letters(seen.map((id) => ({ id }))), EXPECTED.counter?.[list]);
      const whole = (await page(o.counter, `list=${list}&limit=100`)).items.map((x) => x.id);
      assert.deepEqual(seen, whole, 'same order as one page');
    });
  }

  it('refuses a forged cursor', async () => {
    assert.equal((await o.counter.get('/api/dossiers?cursor=abc')).statusCode, 400);
  });
});
