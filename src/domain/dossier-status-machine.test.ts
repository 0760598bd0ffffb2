import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANNEX_I_IDS, ANNEX_I_ROWS } from './annex-i.ts';
import { STATUS_DISPLAY, statusDisplay } from './dossier-status-display.ts';
import {
  ENTRY_STATUSES,
  InvalidTransitionError,
  STATUS_TRANSITIONS,
  TERMINAL_STATUSES,
  assertTransition,
  canTransition,
  isTerminal,
  nextStatuses,
  supplementPhase,
  transitionOf,
} from './dossier-status-machine.ts';
import { DOSSIER_STATUSES, STATUS_INFO } from './dossier-status.ts';
import type { DossierStatus } from './dossier-status.ts';
import { ACTION_KINDS, ACTION_STATUS } from './process.ts';

// The chart written out by hand from Annex I and the brief, independently of the table under test.
const ENTRY = '(entry)';
const EXPECTED: Record<DossierStatus | typeof ENTRY, DossierStatus[]> = {
  [ENTRY]: ['moi_dang_ky', 'duoc_tiep_nhan', 'khong_duoc_tiep_nhan', 'yeu_cau_bo_sung'],
  moi_dang_ky: ['duoc_tiep_nhan', 'khong_duoc_tiep_nhan', 'yeu_cau_bo_sung', 'cong_dan_yeu_cau_rut'],
  duoc_tiep_nhan: ['dang_xu_ly', 'cong_dan_yeu_cau_rut'],
  khong_duoc_tiep_nhan: [],
  dang_xu_ly: [
    'dang_xu_ly',
    'yeu_cau_bo_sung',
    'yeu_cau_nghia_vu_tai_chinh',
    'cong_dan_yeu_cau_rut',
    'dung_xu_ly',
    'da_xu_ly_xong',
  ],
  yeu_cau_bo_sung: ['da_bo_sung', 'cong_dan_yeu_cau_rut'],
  da_bo_sung: ['duoc_tiep_nhan', 'khong_duoc_tiep_nhan', 'dang_xu_ly', 'cong_dan_yeu_cau_rut'],
  yeu_cau_nghia_vu_tai_chinh: ['dang_xu_ly', 'cong_dan_yeu_cau_rut'],
  cong_dan_yeu_cau_rut: [],
  dung_xu_ly: [],
  da_xu_ly_xong: ['da_tra_ket_qua', 'cong_dan_yeu_cau_rut'],
  da_tra_ket_qua: [],
};
const FROMS: (DossierStatus | null)[] = [null, ...DOSSIER_STATUSES];
const expectedFrom = (from: DossierStatus | null) => EXPECTED[from ?? ENTRY];
const name = (s: DossierStatus | null) => s ?? ENTRY;
const sorted = (xs: readonly string[]) => [...xs].sort();

// Annex I wording (tt22-criteria.md, "Dossier statuses required by Phụ lục I") and DVCQG §5.4.
const LABELS: Record<DossierStatus, [string, number]> = {
  moi_dang_ky: ['Mới đăng ký', 1],
  duoc_tiep_nhan: ['Được tiếp nhận', 2],
  khong_duoc_tiep_nhan: ['Không được tiếp nhận', 3],
  dang_xu_ly: ['Đang xử lý', 4],
  yeu_cau_bo_sung: ['Yêu cầu bổ sung giấy tờ', 5],
  da_bo_sung: ['Đã bổ sung hồ sơ', 4],
  yeu_cau_nghia_vu_tai_chinh: ['Yêu cầu thực hiện nghĩa vụ tài chính', 6],
  cong_dan_yeu_cau_rut: ['Công dân yêu cầu rút hồ sơ', 7],
  dung_xu_ly: ['Dừng xử lý', 8],
  da_xu_ly_xong: ['Đã xử lý xong', 9],
  da_tra_ket_qua: ['Đã trả kết quả', 10],
};

describe('dossier status machine: the chart', () => {
  for (const from of FROMS) {
    it(`from ${name(from)}: exactly the expected statuses may follow`, () => {
      assert.deepEqual(sorted(nextStatuses(from)), sorted(expectedFrom(from)));
      for (const to of DOSSIER_STATUSES) {
        const allowed = expectedFrom(from).includes(to);
        assert.equal(canTransition(from, to), allowed, `${name(from)} → ${to}`);
        if (allowed) {
          assert.equal(assertTransition(from, to), transitionOf(from, to));
          continue;
        }
        assert.throws(
          () => assertTransition(from, to),
          (err: unknown) => {
            assert.ok(err instanceof InvalidTransitionError);
            assert.equal(err.status, 409);
            assert.equal(err.code, 'invalid_transition');
            assert.equal(err.reason, 'not_in_chart');
            assert.ok(err.message.includes(`“${STATUS_INFO[to].label}”`), err.message);
            if (from) assert.ok(err.message.includes(`“${STATUS_INFO[from].label}”`), err.message);
            return true;
          },
        );
      }
    });
  }

  it('has one row per pair, every row allowed and every cited Annex I row real', () => {
    const pairs = STATUS_TRANSITIONS.map((t) => `${name(t.from)}>${t.to}`);
    assert.equal(new Set(pairs).size, pairs.length);
    assert.equal(pairs.length, Object.values(EXPECTED).flat().length);
    for (const t of STATUS_TRANSITIONS) {
      assert.ok(canTransition(t.from, t.to));
      for (const step of t.steps) assert.ok(ANNEX_I_IDS.has(step), step);
      // Only the withdrawal, which Annex I does not list (DVCQG code 7), cites no row.
      assert.equal(t.steps.length === 0, t.event === 'withdraw', `${name(t.from)} → ${t.to}`);
    }
  });

  it('terminal statuses have no exits; every other status has one and may be withdrawn', () => {
    assert.deepEqual(sorted(TERMINAL_STATUSES), [
      'cong_dan_yeu_cau_rut',
      'da_tra_ket_qua',
      'dung_xu_ly',
      'khong_duoc_tiep_nhan',
    ]);
    for (const s of DOSSIER_STATUSES) {
      if (isTerminal(s)) {
        assert.deepEqual(nextStatuses(s), [], s);
      } else {
        assert.ok(nextStatuses(s).length > 0, s);
        assert.equal(transitionOf(s, 'cong_dan_yeu_cau_rut')?.actor, 'applicant', s);
      }
    }
  });

  it('reaches every status from an entry status, and a terminal status from every status', () => {
    assert.deepEqual(sorted(ENTRY_STATUSES), sorted(EXPECTED[ENTRY]));
    const closure = (start: readonly DossierStatus[]) => {
      const seen = new Set<DossierStatus>(start);
      for (const queue = [...start]; queue.length > 0;) {
        for (const n of nextStatuses(queue.shift()!)) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      return seen;
    };
    assert.deepEqual(sorted([...closure(ENTRY_STATUSES)]), sorted(DOSSIER_STATUSES));
    for (const s of DOSSIER_STATUSES) {
      const ends = closure([s]);
      assert.ok([...ends].some(isTerminal), `no way out of ${s}`);
    }
  });

  it('maps every status to a DVCQG code 1–10, uses every code, and keeps the exact Annex I labels', () => {
    assert.equal(DOSSIER_STATUSES.length, 11);
    for (const s of DOSSIER_STATUSES) {
      assert.deepEqual([STATUS_INFO[s].label, STATUS_INFO[s].dvcqgCode], LABELS[s], s);
      assert.ok(Number.isInteger(STATUS_INFO[s].dvcqgCode));
    }
    const codes = new Set(DOSSIER_STATUSES.map((s) => STATUS_INFO[s].dvcqgCode));
    assert.deepEqual(
      [...codes].sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(new Set(DOSSIER_STATUSES.map((s) => STATUS_INFO[s].label)).size, 11);
  });

  it('implements every Annex I row that shows a status, with a transition into that status', () => {
    const withStatus = ANNEX_I_ROWS.filter((r) => r.statuses.length > 0);
    assert.equal(ANNEX_I_ROWS.length, 24);
    assert.equal(withStatus.length, 19);
    for (const row of withStatus) {
      for (const status of row.statuses) {
        const into = STATUS_TRANSITIONS.filter((t) => t.steps.includes(row.id) && t.to === status);
        assert.ok(into.length > 0, `${row.id} (${status}) has no transition`);
      }
    }
    // And a transition never claims a row that shows another status (I.process.5: paying leaves it).
    for (const t of STATUS_TRANSITIONS)
      for (const id of t.steps) {
        const row = ANNEX_I_ROWS.find((r) => r.id === id)!;
        assert.ok(row.statuses.includes(t.to) || (t.from && row.statuses.includes(t.from)), `${id} ${t.to}`);
      }
  });

  it('allows the status each process action implies (process.ts) from the status it acts in', () => {
    for (const action of ACTION_KINDS) {
      const from: DossierStatus = action === 'return_result' ? 'da_xu_ly_xong' : 'dang_xu_ly';
      assert.ok(canTransition(from, ACTION_STATUS[action]), `${action}: ${from} → ${ACTION_STATUS[action]}`);
    }
  });
});

describe('dossier status machine: rules that depend on the history', () => {
  const processing: DossierStatus[] = ['moi_dang_ky', 'duoc_tiep_nhan', 'dang_xu_ly'];

  it('asks for a supplement once while processing (I.process.3.2.1)', () => {
    assert.ok(assertTransition('dang_xu_ly', 'yeu_cau_bo_sung', processing).once);
    const again = [...processing, 'yeu_cau_bo_sung', 'da_bo_sung', 'dang_xu_ly'] as DossierStatus[];
    assert.throws(
      () => assertTransition('dang_xu_ly', 'yeu_cau_bo_sung', again),
      (e: unknown) =>
        e instanceof InvalidTransitionError && e.reason === 'once_only' && /một lần/.test(e.message),
    );
    // A supplement asked for at receipt does not count.
    const atReceipt = [
      'moi_dang_ky',
      'yeu_cau_bo_sung',
      'da_bo_sung',
      'duoc_tiep_nhan',
      'dang_xu_ly',
    ] as DossierStatus[];
    assert.equal(assertTransition('dang_xu_ly', 'yeu_cau_bo_sung', atReceipt).to, 'yeu_cau_bo_sung');
    // Without the history only the chart is checked.
    assert.ok(assertTransition('dang_xu_ly', 'yeu_cau_bo_sung'));
  });

  it('sends a supplemented dossier back to the phase that asked for it', () => {
    const cases: {
      history: DossierStatus[];
      phase: string;
      ok: DossierStatus[];
      refused: DossierStatus[];
    }[] = [
      {
        history: ['moi_dang_ky', 'yeu_cau_bo_sung', 'da_bo_sung'],
        phase: 'receive',
        ok: ['duoc_tiep_nhan', 'khong_duoc_tiep_nhan', 'cong_dan_yeu_cau_rut'],
        refused: ['dang_xu_ly'],
      },
      {
        history: ['yeu_cau_bo_sung', 'da_bo_sung'], // paper dossier, incomplete at the counter
        phase: 'receive',
        ok: ['duoc_tiep_nhan'],
        refused: ['dang_xu_ly'],
      },
      {
        history: [...processing, 'yeu_cau_bo_sung', 'da_bo_sung'],
        phase: 'process',
        ok: ['dang_xu_ly', 'cong_dan_yeu_cau_rut'],
        refused: ['duoc_tiep_nhan', 'khong_duoc_tiep_nhan'],
      },
    ];
    for (const c of cases) {
      assert.equal(supplementPhase(c.history), c.phase);
      for (const to of c.ok) assert.equal(assertTransition('da_bo_sung', to, c.history).to, to);
      for (const to of c.refused)
        assert.throws(
          () => assertTransition('da_bo_sung', to, c.history),
          (e: unknown) => e instanceof InvalidTransitionError && e.reason === 'wrong_phase',
          `${c.history.join(',')} → ${to}`,
        );
    }
    assert.equal(supplementPhase(processing), undefined);
  });

  it('names both statuses in Vietnamese, and the entry when there is no status yet', () => {
    const e = new InvalidTransitionError('da_tra_ket_qua', 'dang_xu_ly', 'not_in_chart');
    assert.equal(
      e.message,
      'Không thể chuyển hồ sơ từ trạng thái “Đã trả kết quả” sang trạng thái “Đang xử lý”: lưu đồ trạng thái không cho phép',
    );
    assert.equal(
      new InvalidTransitionError(null, 'dang_xu_ly', 'not_in_chart').message,
      'Hồ sơ mới không thể bắt đầu ở trạng thái “Đang xử lý”: lưu đồ trạng thái không cho phép',
    );
  });
});

describe('what is shown with each status (Annex I information)', () => {
  it('requires information exactly where Annex I names some', () => {
    for (const s of DOSSIER_STATUSES) {
      for (const f of STATUS_DISPLAY[s].fields)
        for (const id of f.requiredAt) {
          const row = ANNEX_I_ROWS.find((r) => r.id === id);
          assert.ok(row?.statuses.includes(s) && row.info, `${s}.${f.fact} at ${id}`);
        }
    }
    for (const row of ANNEX_I_ROWS.filter((r) => r.info))
      for (const s of row.statuses) {
        const spec = STATUS_DISPLAY[s];
        assert.ok(spec.note === row.info || spec.fields.some((f) => f.requiredAt.includes(row.id)), row.id);
      }
  });

  const cases: {
    name: string;
    status: DossierStatus;
    facts?: Parameters<typeof statusDisplay>[1];
    step?: string;
    lines: string[];
    missing?: string[];
  }[] = [
    {
      name: 'overdue by whole days (the Annex I example)',
      status: 'dang_xu_ly',
      facts: {
        agency: 'Sở Tư pháp tỉnh Thanh Hóa',
        position: 'Thẩm định hồ sơ',
        department: 'Phòng Hành chính tư pháp',
        handler: 'Lê Thị Ngọc Anh',
        dueAt: '2019-08-15',
        now: new Date('2019-08-18T09:00:00+07:00'),
      },
      lines: [
        'Cơ quan có thẩm quyền giải quyết: Sở Tư pháp tỉnh Thanh Hóa',
        'Vị trí hiện tại: Thẩm định hồ sơ',
        'Phòng ban: Phòng Hành chính tư pháp',
        'Người xử lý hiện tại: Lê Thị Ngọc Anh',
        'Hạn xử lý 15/08/2019 - Quá hạn 3 ngày',
      ],
    },
    {
      name: 'just transferred (I.process.1): only the agency is required',
      status: 'dang_xu_ly',
      facts: { agency: 'Sở Xây dựng tỉnh Thanh Hóa', handler: '  ' },
      step: 'I.process.1',
      lines: ['Cơ quan có thẩm quyền giải quyết: Sở Xây dựng tỉnh Thanh Hóa'],
    },
    {
      name: 'processing without a handler or due date lists them as missing',
      status: 'dang_xu_ly',
      facts: { agency: 'Sở Xây dựng tỉnh Thanh Hóa', handler: null },
      lines: ['Cơ quan có thẩm quyền giải quyết: Sở Xây dựng tỉnh Thanh Hóa'],
      missing: ['position', 'department', 'handler', 'dueAt'],
    },
    {
      name: 'overdue at I.process.3.5, as the legal-time engine counted it',
      status: 'dang_xu_ly',
      facts: { dueAt: new Date('2025-09-05T10:00:00Z'), overdue: { value: 2, unit: 'working_days' } },
      step: 'I.process.3.5',
      lines: ['Hạn xử lý 05/09/2025 - Quá hạn 2 ngày làm việc'],
    },
    {
      name: 'overdue by hours on the due day, in Vietnam time',
      status: 'dang_xu_ly',
      facts: { dueAt: '2025-09-05T09:00:00+07:00', now: '2025-09-05T11:30:00+07:00' },
      step: 'I.process.3.5',
      lines: ['Hạn xử lý 05/09/2025 - Quá hạn 3 giờ'],
    },
    {
      name: 'not yet due',
      status: 'dang_xu_ly',
      facts: { dueAt: '2025-09-05', now: '2025-09-05T16:59:00+07:00' },
      step: 'I.process.3.5',
      lines: ['Hạn xử lý 05/09/2025'],
    },
    {
      name: 'engine says not overdue although now is later',
      status: 'dang_xu_ly',
      facts: { dueAt: '2025-09-05', now: '2025-09-09', overdue: null },
      step: 'I.process.3.5',
      lines: ['Hạn xử lý 05/09/2025'],
    },
    {
      name: 'supplement requested with its reason',
      status: 'yeu_cau_bo_sung',
      facts: { reason: 'Thiếu bản sao Giấy chứng nhận quyền sử dụng đất' },
      lines: ['Lý do, nội dung cần bổ sung: Thiếu bản sao Giấy chứng nhận quyền sử dụng đất'],
    },
    {
      name: 'supplement requested without a reason',
      status: 'yeu_cau_bo_sung',
      lines: [],
      missing: ['reason'],
    },
    {
      name: 'refused',
      status: 'khong_duoc_tiep_nhan',
      facts: { reason: 'Không thuộc thẩm quyền giải quyết' },
      step: 'I.receive.2.1',
      lines: ['Lý do từ chối tiếp nhận: Không thuộc thẩm quyền giải quyết'],
    },
    { name: 'stopped without a reason', status: 'dung_xu_ly', lines: [], missing: ['reason'] },
    { name: 'completed: result being returned', status: 'da_xu_ly_xong', lines: ['Đang trả kết quả'] },
    {
      name: 'returned, on the Vietnamese calendar day',
      status: 'da_tra_ket_qua',
      facts: { returnedAt: new Date('2019-08-14T18:30:00Z') },
      lines: ['Ngày trả kết quả: 15/08/2019'],
    },
    { name: 'returned without a date', status: 'da_tra_ket_qua', lines: [], missing: ['returnedAt'] },
    { name: 'withdrawn: the reason is optional', status: 'cong_dan_yeu_cau_rut', lines: [] },
    { name: 'newly registered: nothing required', status: 'moi_dang_ky', facts: { reason: 'x' }, lines: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = statusDisplay(c.status, c.facts, c.step);
      assert.equal(d.label, STATUS_INFO[c.status].label);
      assert.equal(d.dvcqgCode, STATUS_INFO[c.status].dvcqgCode);
      assert.deepEqual(d.lines, c.lines);
      assert.deepEqual(d.missing, c.missing ?? []);
    });
  }

  it('refuses an Annex I row that does not show the status, and dates that are not dates', () => {
    assert.throws(() => statusDisplay('dang_xu_ly', {}, 'I.return.2'), RangeError);
    assert.throws(() => statusDisplay('da_tra_ket_qua', { returnedAt: '2019-02-30' }), RangeError);
    assert.throws(() => statusDisplay('dang_xu_ly', { dueAt: 'mai' }), RangeError);
  });

  it('reports how long overdue', () => {
    const d = statusDisplay('dang_xu_ly', { dueAt: '2019-08-15', now: '2019-08-16T00:00:01+07:00' });
    assert.deepEqual(d.overdue, { value: 1, unit: 'days' });
  });
});
