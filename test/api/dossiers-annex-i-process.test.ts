import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANNEX_I_ROWS } from '../../src/domain/annex-i.ts';
import { formatDate } from '../../src/domain/datetime.ts';
import { departmentProcess } from '../../src/modules/processes/templates.ts';
import type { DossierDetail } from '../../src/modules/dossiers/schema.ts';
import { dossierOffice } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import {
  arrowIn,
  go,
  MISSING,
  namesOf,
  paymentProcess,
  publishProcedure,
  REASON,
  showsRow,
  toAppraisal,
  toAssign,
  toFinished,
  toProcessSupplement,
} from '../support/dossier-cases.ts';
import { createDepartment, createOfficial, PASSWORD } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * TT 22/2019 Annex I, handling and return (rows I.process.* and I.return.*), one test per row that
 * names a status, over the HTTP API: the back office detail (annexLines) and the public tracking
 * answer show the row's status and exactly what the row requires with it: the competent agency; the
 * position, department and handler; the due date and how long overdue; the reason for a supplement
 * or a stop; "Đang trả kết quả"; the return date. Test names start with the row id.
 */

let rt: TestRuntime;
let o: DossierOffice;
let n: Awaited<ReturnType<typeof namesOf>>;

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  n = await namesOf(o);
});
after(async () => rt.stop());

const PHASES = ['process', 'return'];
const title = (id: string) => `${id} ${ANNEX_I_ROWS.find((r) => r.id === id)?.step ?? '?'}`;
const tested: string[] = [];
const row = (id: string, fn: () => Promise<void>) => {
  tested.push(id);
  it(title(id), fn);
};

/** The lines of "Đang xử lý": agency, position, department, handler (when named), due date. */
function processing(
  d: DossierDetail,
  at: { agency?: string; position: string; department?: string; handler?: string; overdue?: string },
): string[] {
  assert.ok(d.appointmentAt);
  return [
    `Cơ quan có thẩm quyền giải quyết: ${at.agency ?? n.agency}`,
    `Vị trí hiện tại: ${at.position}`,
    ...(at.department ? [`Phòng ban: ${at.department}`] : []),
    ...(at.handler ? [`Người xử lý hiện tại: ${at.handler}`] : []),
    `Hạn xử lý ${formatDate(d.appointmentAt)}${at.overdue ? ` - Quá hạn ${at.overdue}` : ''}`,
  ];
}

describe('Annex I: handling and return', () => {
  row('I.process.1', async () => {
    const d = await toAssign(o);
    assert.equal(d.status, 'dang_xu_ly');
    assert.equal(d.task, 'assign');
    assert.equal(d.holderName, null, 'waiting in the department heads’ pool');
    await showsRow(o, d, 'I.process.1', processing(d, { position: 'Lãnh đạo phòng phân công thụ lý' }));
  });

  row('I.process.2', async () => {
    const d = await toAppraisal(o, 'handler2');
    assert.equal(d.task, 'process');
    await showsRow(
      o,
      d,
      'I.process.2',
      processing(d, { position: 'Thẩm định hồ sơ', department: n.department, handler: n.person.handler2 }),
    );
  });

  row('I.process.3.1', async () => {
    let d = await toAppraisal(o);
    d = await go(o, o.handler, d, 'forward', { assigneeId: o.ids.handler });
    d = await go(o, o.handler, d, 'submit_approval', { assigneeId: o.ids.head });
    assert.equal(d.task, 'approve');
    await showsRow(
      o,
      d,
      'I.process.3.1',
      processing(d, {
        position: 'Lãnh đạo phòng xem xét, trình ký',
        department: n.department,
        handler: n.person.head,
      }),
    );
  });

  row('I.process.3.2.1', async () => {
    const d = await toProcessSupplement(o);
    assert.equal(d.status, 'yeu_cau_bo_sung');
    assert.equal(d.stepId, 'tiep-nhan', 'the supplement goes through the counter');
    assert.deepEqual(d.missingItems, MISSING);
    await showsRow(o, d, 'I.process.3.2.1', [`Lý do, nội dung cần bổ sung: ${REASON}`]);
  });

  row('I.process.3.2.2', async () => {
    const why = 'Không đủ điều kiện cấp phép theo quy định';
    let d = await toAppraisal(o);
    d = await o.must(o.handler, d.id, { action: 'stop', rowVersion: d.rowVersion, reason: why });
    assert.equal(d.status, 'dung_xu_ly');
    assert.equal(d.statusReason, why);
    await showsRow(o, d, 'I.process.3.2.2', [`Lý do không giải quyết: ${why}`]);
  });

  row('I.process.3.3', async () => {
    let d = await toAppraisal(o);
    d = await go(o, o.handler, d, 'coordinate', { assigneeId: o.ids.coordinator });
    assert.equal(d.task, 'coordinate');
    d = await o.detail(o.coordinator, d.id);
    await showsRow(
      o,
      d,
      'I.process.3.3',
      processing(d, {
        position: 'Cơ quan phối hợp cho ý kiến',
        department: n.coordDepartment,
        handler: n.person.coordinator,
      }),
    );
  });

  row('I.process.3.4', async () => {
    // Liên thông: the process consults the other agency, whose officer then holds the dossier.
    const def = departmentProcess({
      name: 'Quy trình liên thông',
      deadlineMinutes: 5 * 480,
      coordinateWith: { kind: 'agency', id: o.otherAgency.id },
    });
    const procedureCode = await publishProcedure(o, def);
    const db = rt.database.db;
    const dept = await createDepartment(rt.database, o.otherAgency.id, { name: 'Phòng liên thông' });
    const officer = await createOfficial(rt.database, o.otherAgency.id, ['can_bo_thu_ly']);
    await db
      .updateTable('officials')
      .set({ department_id: dept.id })
      .where('account_id', '=', officer.id)
      .execute();
    const fullName = (
      await db
        .selectFrom('accounts')
        .select('full_name')
        .where('id', '=', officer.id)
        .executeTakeFirstOrThrow()
    ).full_name;
    let d = await toAppraisal(o, 'handler', { procedureCode });
    d = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'coordinate'),
      assigneeId: officer.id,
    });
    const other = await new TestClient(rt.app, '10.9.251.1').init();
    assert.equal((await other.signIn(officer.username, PASSWORD)).statusCode, 200);
    d = await o.detail(other, d.id);
    assert.equal(d.holderAgencyName, n.otherAgency);
    await showsRow(
      o,
      d,
      'I.process.3.4',
      processing(d, {
        agency: n.otherAgency,
        position: 'Cơ quan phối hợp cho ý kiến',
        department: 'Phòng liên thông',
        handler: fullName,
      }),
    );
    // The other agency sends its part back: the answer is the dossier as it now is, read-only for it.
    d = await o.must(other, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'forward'),
      assigneeId: o.ids.handler,
    });
    assert.equal(d.stepId, 'du-thao');
    assert.equal(d.holderAgencyName, n.agency);
    assert.deepEqual(
      d.actions.map((a) => a.action),
      [],
    );
    const later = await o.act(other, d.id, { action: 'comment', text: 'Bổ sung ý kiến' });
    assert.equal(later.statusCode, 403, 'a former participant no longer acts');
  });

  row('I.process.3.5', async () => {
    const d0 = await toAppraisal(o);
    // The appointment passed three days ago.
    const due = new Date(Date.now() - 3 * 86_400_000);
    await rt.database.db
      .updateTable('dossiers')
      .set({ appointment_at: due })
      .where('id', '=', d0.id)
      .execute();
    const d = await o.detail(o.handler, d0.id);
    assert.equal(d.due, 'overdue');
    const lines = processing(d, {
      position: 'Thẩm định hồ sơ',
      department: n.department,
      handler: n.person.handler,
      overdue: '3 ngày',
    });
    assert.equal(lines.at(-1), `Hạn xử lý ${formatDate(due)} - Quá hạn 3 ngày`);
    await showsRow(o, d, 'I.process.3.5', lines);
  });

  row('I.process.4', async () => {
    let d = await toProcessSupplement(o);
    d = await o.must(o.counter, d.id, { action: 'supplement', rowVersion: d.rowVersion, channel: 'counter' });
    assert.equal(d.status, 'da_bo_sung');
    assert.equal(d.stepId, 'tham-dinh', 'back to the step that asked for it');
    assert.equal(d.holderName, n.person.handler, 'and to its handler');
    await showsRow(o, d, 'I.process.4', []);
    d = await o.detail(o.handler, d.id);
    assert.ok(d.actions.some((a) => a.action === 'resume'));
  });

  row('I.process.5', async () => {
    const def = paymentProcess();
    const procedureCode = await publishProcedure(o, def);
    let d = await o.receive({ procedureCode });
    d = await o.must(o.counter, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'forward'),
      assigneeId: o.ids.handler,
    });
    d = await o.must(o.handler, d.id, {
      action: 'move',
      rowVersion: d.rowVersion,
      transitionId: arrowIn(def, d, 'request_payment'),
      amount: 150_000,
    });
    assert.equal(d.status, 'yeu_cau_nghia_vu_tai_chinh');
    assert.equal(d.feeAmount, 150_000);
    await showsRow(o, d, 'I.process.5', []);
    d = await o.must(o.counter, d.id, { action: 'pay', rowVersion: d.rowVersion, receipt: 'BL-42' });
    assert.equal(d.status, 'dang_xu_ly');
    assert.ok(d.feePaidAt);
  });

  row('I.return.1', async () => {
    const d = await toFinished(o);
    assert.equal(d.status, 'da_xu_ly_xong');
    assert.equal(d.task, 'return');
    assert.ok(d.completedAt);
    await showsRow(o, d, 'I.return.1', ['Đang trả kết quả']);
  });

  row('I.return.2', async () => {
    let d = await toFinished(o);
    d = await o.detail(o.counter, d.id);
    d = await o.must(o.counter, d.id, {
      action: 'return_result',
      rowVersion: d.rowVersion,
      recipient: { relation: 'self', name: 'Trần Thị Bình', idNumber: o.citizenIdNumber },
    });
    assert.equal(d.status, 'da_tra_ket_qua');
    assert.ok(d.returnedAt);
    const p = await showsRow(o, d, 'I.return.2', [`Ngày trả kết quả: ${formatDate(d.returnedAt)}`]);
    assert.equal(p.history.at(-1)?.statusLabel, 'Đã trả kết quả');
  });

  it('covers every row of handling and return that names a status', () => {
    const rows = ANNEX_I_ROWS.filter((r) => PHASES.includes(r.phase) && r.statuses.length > 0).map(
      (r) => r.id,
    );
    assert.deepEqual(tested, rows);
  });
});
