import type { ProcessDefinition, ProcessStep, ProcessTransition, StepActor } from '../../domain/process.ts';
import { DEFAULT_MINUTES_PER_WORKING_DAY } from '../../domain/process-budget.ts';

/**
 * Ready-made process definitions: the starter of a new draft and the demo's processes. Budgets are
 * shares of the legal deadline (in working minutes), rounded down, so the longest path always fits it
 * with a margin; without a comparable deadline they are planned on three working days.
 */

export type ActorSlot = 'counter' | 'head' | 'handler' | 'leader' | 'coordinator';

export interface TemplateOptions {
  name: string;
  /** The legal deadline in working minutes, or null. */
  deadlineMinutes: number | null;
  /** Who acts at each kind of step; roles of the platform by default. */
  actors?: Partial<Record<ActorSlot, StepActor>>;
  /** The agency or department consulted (multi-department process). */
  coordinateWith?: { kind: 'department' | 'agency'; id: string } | null;
}

const ROLE_ACTORS: Record<ActorSlot, StepActor> = {
  counter: { kind: 'role', role: 'can_bo_mot_cua' },
  head: { kind: 'role', role: 'lanh_dao_phong' },
  handler: { kind: 'role', role: 'can_bo_thu_ly' },
  leader: { kind: 'role', role: 'lanh_dao_don_vi' },
  coordinator: { kind: 'role', role: 'can_bo_thu_ly' },
};

const PLANNED_WITHOUT_DEADLINE = 3 * DEFAULT_MINUTES_PER_WORKING_DAY;

interface StepPlan {
  id: string;
  name: string;
  kind: ProcessStep['kind'];
  actor: ActorSlot | null;
  /** Share of the deadline, in percent. */
  share: number;
  onlineEntry?: boolean;
  at: [number, number];
}

function build(
  opts: TemplateOptions,
  plans: StepPlan[],
  arrows: [string, string, ProcessTransition['action'], string][],
): ProcessDefinition {
  const total = opts.deadlineMinutes ?? PLANNED_WITHOUT_DEADLINE;
  const actor = (slot: ActorSlot | null) => (slot ? (opts.actors?.[slot] ?? ROLE_ACTORS[slot]) : null);
  return {
    name: opts.name,
    steps: plans.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      actor: actor(p.actor),
      budgetMinutes: Math.floor((total * p.share) / 100),
      onlineEntry: p.onlineEntry ?? false,
      x: p.at[0] * 300,
      y: p.at[1] * 180,
    })),
    transitions: arrows.map(([from, to, action, label], i) => ({
      id: `c${i + 1}`,
      from,
      to,
      action,
      label,
      coordinateWith: action === 'coordinate' ? (opts.coordinateWith ?? null) : null,
    })),
  };
}

/**
 * Handled at the one-stop counter's agency by one officer: receive (at the desk, by post or online)
 * → handle → return → end, with supplement requests and refusals at reception and at handling.
 * 95% of the deadline is planned.
 */
export function counterProcess(opts: TemplateOptions): ProcessDefinition {
  return build(
    opts,
    [
      {
        id: 'tiep-nhan',
        name: 'Tiếp nhận hồ sơ (trực tiếp, bưu chính, trực tuyến)',
        kind: 'receive',
        actor: 'counter',
        share: 10,
        onlineEntry: true,
        at: [0, 0],
      },
      {
        id: 'giai-quyet',
        name: 'Thẩm định, giải quyết hồ sơ',
        kind: 'work',
        actor: 'handler',
        share: 75,
        at: [1, 0],
      },
      { id: 'tra-ket-qua', name: 'Trả kết quả', kind: 'return', actor: 'counter', share: 10, at: [2, 0] },
      { id: 'da-tra-ket-qua', name: 'Đã trả kết quả', kind: 'end', actor: null, share: 0, at: [3, 0] },
      {
        id: 'khong-tiep-nhan',
        name: 'Không tiếp nhận hồ sơ',
        kind: 'end',
        actor: null,
        share: 0,
        at: [0, 1],
      },
    ],
    [
      ['tiep-nhan', 'giai-quyet', 'forward', 'Chuyển giải quyết'],
      ['tiep-nhan', 'tiep-nhan', 'request_supplement', 'Hướng dẫn bổ sung hồ sơ'],
      ['tiep-nhan', 'khong-tiep-nhan', 'reject', 'Từ chối tiếp nhận (nêu rõ lý do)'],
      ['giai-quyet', 'tra-ket-qua', 'finish', 'Hoàn thành, chuyển trả kết quả'],
      ['giai-quyet', 'tiep-nhan', 'request_supplement', 'Yêu cầu bổ sung hồ sơ'],
      ['giai-quyet', 'tra-ket-qua', 'reject', 'Từ chối giải quyết (trả văn bản nêu lý do)'],
      ['tra-ket-qua', 'da-tra-ket-qua', 'return_result', 'Trả kết quả cho người nộp'],
    ],
  );
}

/**
 * Handled by a specialised department with a coordinating agency and two levels of approval:
 * reception at the counter or online → the department head assigns → an officer appraises, consults
 * the coordinating agency if needed, drafts the result → the department head reviews → the agency
 * leader approves and signs → the counter returns the result. Supplement requests, send-backs,
 * refusals and an extension are on the way. 96% of the deadline is planned on the longest path.
 */
export function departmentProcess(opts: TemplateOptions): ProcessDefinition {
  return build(
    opts,
    [
      {
        id: 'tiep-nhan',
        name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa',
        kind: 'receive',
        actor: 'counter',
        share: 4,
        at: [0, 0],
      },
      {
        id: 'tiep-nhan-truc-tuyen',
        name: 'Tiếp nhận hồ sơ nộp trực tuyến trên Cổng Dịch vụ công',
        kind: 'receive',
        actor: 'counter',
        share: 4,
        onlineEntry: true,
        at: [0, 1],
      },
      {
        id: 'phan-cong',
        name: 'Lãnh đạo phòng phân công thụ lý',
        kind: 'work',
        actor: 'head',
        share: 4,
        at: [1, 0.5],
      },
      { id: 'tham-dinh', name: 'Thẩm định hồ sơ', kind: 'work', actor: 'handler', share: 35, at: [2, 0.5] },
      {
        id: 'lay-y-kien',
        name: 'Cơ quan phối hợp cho ý kiến',
        kind: 'work',
        actor: 'coordinator',
        share: 20,
        at: [3, -0.5],
      },
      {
        id: 'du-thao',
        name: 'Tổng hợp, dự thảo kết quả',
        kind: 'work',
        actor: 'handler',
        share: 12,
        at: [4, 0.5],
      },
      {
        id: 'duyet-phong',
        name: 'Lãnh đạo phòng xem xét, trình ký',
        kind: 'work',
        actor: 'head',
        share: 8,
        at: [5, 0.5],
      },
      {
        id: 'phe-duyet',
        name: 'Lãnh đạo cơ quan phê duyệt, ký kết quả',
        kind: 'work',
        actor: 'leader',
        share: 10,
        at: [6, 0.5],
      },
      { id: 'tra-ket-qua', name: 'Trả kết quả', kind: 'return', actor: 'counter', share: 3, at: [7, 0.5] },
      { id: 'da-tra-ket-qua', name: 'Đã trả kết quả', kind: 'end', actor: null, share: 0, at: [8, 0.5] },
      {
        id: 'khong-tiep-nhan',
        name: 'Không tiếp nhận hồ sơ',
        kind: 'end',
        actor: null,
        share: 0,
        at: [1, 2],
      },
    ],
    [
      ['tiep-nhan', 'phan-cong', 'forward', 'Chuyển phòng chuyên môn'],
      ['tiep-nhan-truc-tuyen', 'phan-cong', 'forward', 'Chuyển phòng chuyên môn'],
      ['tiep-nhan', 'tiep-nhan', 'request_supplement', 'Hướng dẫn bổ sung hồ sơ'],
      [
        'tiep-nhan-truc-tuyen',
        'tiep-nhan-truc-tuyen',
        'request_supplement',
        'Yêu cầu bổ sung hồ sơ trực tuyến',
      ],
      ['tiep-nhan', 'khong-tiep-nhan', 'reject', 'Từ chối tiếp nhận (nêu rõ lý do)'],
      ['tiep-nhan-truc-tuyen', 'khong-tiep-nhan', 'reject', 'Từ chối tiếp nhận (nêu rõ lý do)'],
      ['phan-cong', 'tham-dinh', 'forward', 'Phân công thụ lý'],
      ['tham-dinh', 'lay-y-kien', 'coordinate', 'Lấy ý kiến cơ quan phối hợp'],
      ['lay-y-kien', 'du-thao', 'forward', 'Gửi ý kiến phối hợp'],
      ['tham-dinh', 'du-thao', 'forward', 'Đủ điều kiện, dự thảo kết quả'],
      ['tham-dinh', 'tiep-nhan', 'request_supplement', 'Yêu cầu bổ sung hồ sơ'],
      ['tham-dinh', 'tham-dinh', 'extend', 'Gia hạn (gửi thư xin lỗi người nộp)'],
      ['du-thao', 'duyet-phong', 'submit_approval', 'Trình lãnh đạo phòng'],
      ['duyet-phong', 'phe-duyet', 'submit_approval', 'Trình lãnh đạo cơ quan'],
      ['duyet-phong', 'tham-dinh', 'send_back', 'Trả lại để thẩm định lại'],
      ['phe-duyet', 'tra-ket-qua', 'finish', 'Phê duyệt, chuyển trả kết quả'],
      ['phe-duyet', 'duyet-phong', 'send_back', 'Trả lại lãnh đạo phòng'],
      ['phe-duyet', 'tra-ket-qua', 'reject', 'Không phê duyệt (trả văn bản nêu lý do)'],
      ['tra-ket-qua', 'da-tra-ket-qua', 'return_result', 'Trả kết quả cho người nộp'],
    ],
  );
}

/** The definition a new draft starts from when there is nothing published to copy. */
export function starterDefinition(name: string, deadlineMinutes: number | null): ProcessDefinition {
  return counterProcess({ name, deadlineMinutes });
}
