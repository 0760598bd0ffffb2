import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counterProcess, departmentProcess } from '../modules/processes/templates.ts';
import {
  dueState,
  inReception,
  NEAR_DUE_MS,
  statusAfter,
  stepTasks,
  TASK_LABEL,
  TASKS,
} from './dossier-flow.ts';
import { DOSSIER_STATUSES } from './dossier-status.ts';
import type { DossierStatus } from './dossier-status.ts';
import { ACTION_KINDS, ACTION_STATUS } from './process.ts';
import type { ProcessDefinition, ProcessStep, ProcessTransition } from './process.ts';

const role = (r: string): ProcessStep['actor'] => ({ kind: 'role', role: r });
const step = (id: string, kind: ProcessStep['kind'], actor: ProcessStep['actor']): ProcessStep => ({
  id,
  name: id,
  kind,
  actor,
  budgetMinutes: 0,
  x: 0,
  y: 0,
});
const arrow = (from: string, to: string, action: ProcessTransition['action']): ProcessTransition => ({
  id: `${from}-${to}-${action}`,
  from,
  to,
  action,
});

describe('stepTasks', () => {
  it('reads the task of every step of the department template', () => {
    const def = departmentProcess({ name: 'x', deadlineMinutes: 2400 });
    assert.deepEqual(stepTasks(def), {
      'tiep-nhan': 'receive',
      'tiep-nhan-truc-tuyen': 'receive',
      'phan-cong': 'assign',
      'tham-dinh': 'process',
      'lay-y-kien': 'coordinate',
      'du-thao': 'process',
      'duyet-phong': 'approve',
      'phe-duyet': 'sign',
      'tra-ket-qua': 'return',
      'da-tra-ket-qua': 'done',
      'khong-tiep-nhan': 'done',
    });
  });

  it('reads the counter template: one handler, no assignment', () => {
    const def = counterProcess({ name: 'x', deadlineMinutes: null });
    assert.deepEqual(stepTasks(def), {
      'tiep-nhan': 'receive',
      'giai-quyet': 'process',
      'tra-ket-qua': 'return',
      'da-tra-ket-qua': 'done',
      'khong-tiep-nhan': 'done',
    });
  });

  it('a head’s step assigns only when it just forwards (or refuses) to someone who is not a head', () => {
    const base = (arrows: ProcessTransition[], target = role('can_bo_thu_ly')): ProcessDefinition => ({
      name: 'x',
      steps: [
        step('in', 'receive', role('can_bo_mot_cua')),
        step('head', 'work', role('lanh_dao_phong')),
        step('work', 'work', target),
        step('out', 'return', role('can_bo_mot_cua')),
        step('end', 'end', null),
      ],
      transitions: [arrow('in', 'head', 'forward'), ...arrows],
    });
    const task = (def: ProcessDefinition) => stepTasks(def).head;
    assert.equal(task(base([arrow('head', 'work', 'forward'), arrow('head', 'end', 'reject')])), 'assign');
    assert.equal(task(base([arrow('head', 'work', 'forward'), arrow('head', 'in', 'send_back')])), 'assign');
    // The head finishes it: handles it.
    assert.equal(task(base([arrow('head', 'work', 'forward'), arrow('head', 'out', 'finish')])), 'process');
    // Forwarding to another head is not an assignment.
    assert.equal(task(base([arrow('head', 'work', 'forward')], role('lanh_dao_phong'))), 'process');
    // Nobody to forward to: handles it.
    assert.equal(task(base([arrow('head', 'out', 'finish')])), 'process');
  });

  it('a step reached by submit_approval is signed by the agency leader and approved by anyone else', () => {
    const def: ProcessDefinition = {
      name: 'x',
      steps: [
        step('in', 'receive', role('can_bo_mot_cua')),
        step('a', 'work', role('can_bo_thu_ly')),
        step('b', 'work', { kind: 'department', departmentId: 'd1' }),
        step('c', 'work', role('lanh_dao_don_vi')),
        step('out', 'return', role('can_bo_mot_cua')),
      ],
      transitions: [
        arrow('in', 'a', 'forward'),
        arrow('a', 'b', 'submit_approval'),
        arrow('b', 'c', 'submit_approval'),
        arrow('c', 'out', 'finish'),
      ],
    };
    assert.deepEqual(stepTasks(def), { in: 'receive', a: 'process', b: 'approve', c: 'sign', out: 'return' });
  });

  it('labels every task in Vietnamese', () => {
    assert.deepEqual(Object.keys(TASK_LABEL).sort(), [...TASKS].sort());
    for (const t of TASKS) assert.match(TASK_LABEL[t], /[à-ỹđ]/i);
  });
});

describe('inReception', () => {
  it('is true before the dossier is handed to the competent unit', () => {
    const cases: [DossierStatus, 'receive' | 'process' | null, boolean][] = [
      ['moi_dang_ky', null, true],
      ['duoc_tiep_nhan', null, true],
      ['yeu_cau_bo_sung', 'receive', true],
      ['yeu_cau_bo_sung', null, true],
      ['yeu_cau_bo_sung', 'process', false],
      ['da_bo_sung', 'receive', true],
      ['da_bo_sung', 'process', false],
      ['dang_xu_ly', null, false],
      ['dang_xu_ly', 'receive', false],
      ['khong_duoc_tiep_nhan', null, false],
      ['yeu_cau_nghia_vu_tai_chinh', null, false],
      ['cong_dan_yeu_cau_rut', null, false],
      ['dung_xu_ly', null, false],
      ['da_xu_ly_xong', null, false],
      ['da_tra_ket_qua', null, false],
    ];
    for (const [status, phase, expected] of cases)
      assert.equal(inReception(status, phase), expected, `${status} ${String(phase)}`);
  });
});

describe('statusAfter', () => {
  it('follows the status of each action, wherever it happens', () => {
    for (const action of ACTION_KINDS) {
      if (action === 'reject' || action === 'return_result') continue;
      for (const from of DOSSIER_STATUSES)
        for (const reception of [true, false])
          assert.equal(statusAfter(action, from, reception), ACTION_STATUS[action], `${action} from ${from}`);
    }
  });

  it('a refusal is “Không được tiếp nhận” at reception and “Dừng xử lý” later', () => {
    assert.equal(statusAfter('reject', 'moi_dang_ky', true), 'khong_duoc_tiep_nhan');
    assert.equal(statusAfter('reject', 'da_bo_sung', true), 'khong_duoc_tiep_nhan');
    assert.equal(statusAfter('reject', 'dang_xu_ly', false), 'dung_xu_ly');
  });

  it('handing over the letter of a stopped dossier keeps “Dừng xử lý”', () => {
    assert.equal(statusAfter('return_result', 'dung_xu_ly', false), 'dung_xu_ly');
    assert.equal(statusAfter('return_result', 'da_xu_ly_xong', false), 'da_tra_ket_qua');
  });
});

describe('dueState', () => {
  const now = new Date('2025-03-10T03:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  it('is on time without a due time, or more than a day ahead', () => {
    assert.equal(dueState(null, now), 'on_time');
    assert.equal(dueState(at(NEAR_DUE_MS + 1), now), 'on_time');
    assert.equal(dueState(at(7 * 86_400_000).toISOString(), now), 'on_time');
  });
  it('is near due within a day, up to the due instant', () => {
    assert.equal(NEAR_DUE_MS, 24 * 3_600_000);
    assert.equal(dueState(at(NEAR_DUE_MS), now), 'near_due');
    assert.equal(dueState(at(60_000), now), 'near_due');
    assert.equal(dueState(at(0), now), 'near_due');
  });
  it('is overdue once the due instant has passed', () => {
    assert.equal(dueState(at(-1), now), 'overdue');
    assert.equal(dueState(at(-3 * 86_400_000).toISOString(), now), 'overdue');
  });
});
