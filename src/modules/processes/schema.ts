import { z } from 'zod';
import { ACTION_KINDS, STEP_KINDS } from '../../domain/process.ts';
import type { ProcessDefinition, ProcessStep, ProcessTransition } from '../../domain/process.ts';
import type { ProcessProblem } from '../../domain/process-validation.ts';
import { DEADLINE_UNITS } from '../../domain/procedure.ts';

/**
 * Contracts of process definitions (II.3.1–3.4). The shape is checked here (types, enumerations,
 * sizes); what a designer may leave unfinished in a draft (ids, names, budgets, reachability, the
 * legal deadline) is reported by validateProcess as problems instead, so a draft saves with them.
 */

function str(label: string, max: number) {
  return z.string({ error: `${label} phải là chuỗi ký tự` }).max(max, `${label} tối đa ${max} ký tự`);
}

const Id = (label: string) => str(label, 200);

export const StepActorSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('department'), departmentId: Id('Phòng ban thực hiện (actor.departmentId)') }),
    z.object({ kind: z.literal('role'), role: Id('Vai trò thực hiện (actor.role)') }),
    z.object({ kind: z.literal('group'), groupId: Id('Nhóm thực hiện (actor.groupId)') }),
    z.object({
      kind: z.literal('officials'),
      officialIds: z
        .array(Id('Cán bộ thực hiện (actor.officialIds[])'))
        .max(50, 'Tối đa 50 cán bộ thực hiện một bước (actor.officialIds)'),
    }),
  ],
  {
    error:
      'Người thực hiện (actor.kind) phải là department (phòng ban), role (vai trò), group (nhóm) hoặc officials (cán bộ)',
  },
);

const Coordinate = z.object({
  kind: z.enum(['department', 'agency'], {
    error: 'Đơn vị phối hợp (coordinateWith.kind) phải là department (phòng ban) hoặc agency (cơ quan)',
  }),
  id: Id('Đơn vị phối hợp (coordinateWith.id)'),
});

const Coord = (label: string) =>
  z
    .number({ error: `${label} phải là số` })
    .min(-1_000_000, `${label} quá nhỏ`)
    .max(1_000_000, `${label} quá lớn`)
    .default(0);

export const ProcessStepSchema = z.object({
  id: Id('Mã bước (steps[].id)'),
  name: str('Tên bước (steps[].name)', 300),
  kind: z.enum(STEP_KINDS, {
    error:
      'Loại bước (steps[].kind) phải là receive (tiếp nhận), work (xử lý), return (trả kết quả) hoặc end (kết thúc)',
  }),
  actor: StepActorSchema.nullable().default(null),
  budgetMinutes: z
    .number({ error: 'Thời gian xử lý (steps[].budgetMinutes) phải là số phút làm việc' })
    .min(-10_000_000, 'Thời gian xử lý (steps[].budgetMinutes) quá nhỏ')
    .max(10_000_000, 'Thời gian xử lý (steps[].budgetMinutes) quá lớn'),
  onlineEntry: z
    .boolean({ error: 'Tiếp nhận trực tuyến (steps[].onlineEntry) phải là true hoặc false' })
    .optional(),
  x: Coord('Tọa độ (steps[].x)'),
  y: Coord('Tọa độ (steps[].y)'),
});

export const ProcessTransitionSchema = z.object({
  id: Id('Mã bước chuyển (transitions[].id)'),
  from: Id('Bước đi (transitions[].from)'),
  to: Id('Bước đến (transitions[].to)'),
  action: z.enum(ACTION_KINDS, {
    error: `Thao tác (transitions[].action) phải là một trong: ${ACTION_KINDS.join(', ')}`,
  }),
  label: str('Nhãn (transitions[].label)', 200).optional(),
  coordinateWith: Coordinate.nullable().optional(),
});

export const ProcessDefinitionSchema = z.object({
  name: str('Tên quy trình (name)', 300),
  steps: z
    .array(ProcessStepSchema, { error: 'Danh sách bước (steps) là bắt buộc' })
    .max(200, 'Tối đa 200 bước (steps)'),
  transitions: z
    .array(ProcessTransitionSchema, { error: 'Danh sách bước chuyển (transitions) là bắt buộc' })
    .max(1000, 'Tối đa 1000 bước chuyển (transitions)'),
});
export type ProcessDefinitionOutput = z.output<typeof ProcessDefinitionSchema>;

/** The parsed contract as the domain type (optional keys left out rather than undefined). */
export function toDefinition(v: ProcessDefinitionOutput): ProcessDefinition {
  return {
    name: v.name,
    steps: v.steps.map(({ onlineEntry, ...s }): ProcessStep => ({
      ...s,
      ...(onlineEntry !== undefined ? { onlineEntry } : {}),
    })),
    transitions: v.transitions.map(({ label, coordinateWith, ...t }): ProcessTransition => ({
      ...t,
      ...(label !== undefined ? { label } : {}),
      ...(coordinateWith !== undefined ? { coordinateWith } : {}),
    })),
  };
}

export const ProcessProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  stepId: z.string().optional(),
  transitionId: z.string().optional(),
});

export const PROCESS_STATUSES = ['draft', 'published', 'retired'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const ProcessVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(PROCESS_STATUSES),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  rowVersion: z.number().int(),
});
export type ProcessVersion = z.infer<typeof ProcessVersion>;

export const LegalDeadline = z.object({
  value: z.number(),
  unit: z.enum(DEADLINE_UNITS),
  /** The same in working minutes, as the budgets are compared with it. */
  minutes: z.number().int(),
});
export type LegalDeadline = z.infer<typeof LegalDeadline>;

export const ProcessView = z.object({
  id: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  version: z.number().int(),
  status: z.enum(PROCESS_STATUSES),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  definition: ProcessDefinitionSchema,
  problems: z.array(ProcessProblemSchema),
  /** The strictest deadline among the procedure's channels, or null when none can be compared. */
  legalDeadline: LegalDeadline.nullable(),
  /** The longest way from an entry to a return step, in working minutes (null: none). */
  longestPathMinutes: z.number().int().nullable(),
});
/** What `get` returns (the designer's model); ProcessView is its contract on the wire. */
export interface ProcessDetail {
  id: string;
  procedureCode: string;
  procedureName: string;
  agencyId: string | null;
  agencyName: string | null;
  version: number;
  status: ProcessStatus;
  rowVersion: number;
  updatedAt: string;
  publishedAt: string | null;
  definition: ProcessDefinition;
  problems: ProcessProblem[];
  legalDeadline: LegalDeadline | null;
  longestPathMinutes: number | null;
}

const ProcedureCodeParam = z
  .string({ error: 'Mã thủ tục (procedureCode) là bắt buộc' })
  .trim()
  .min(1, 'Mã thủ tục (procedureCode) là bắt buộc')
  .max(200, 'Mã thủ tục (procedureCode) tối đa 200 ký tự');
const AgencyId = z.uuid({ error: 'Cơ quan (agencyId) phải là mã định danh (uuid) của cơ quan' });
const RowVersion = z
  .number({ error: 'Phiên bản đã đọc (rowVersion) là bắt buộc' })
  .int('Phiên bản đã đọc (rowVersion) là số nguyên')
  .min(1, 'Phiên bản đã đọc (rowVersion) không hợp lệ');

export const ListQuery = z.object({ procedure: ProcedureCodeParam });
export const IdParam = z.object({ id: z.uuid({ error: 'Mã quy trình (id) không hợp lệ' }) });

export const CreateDraftBody = z.object({
  procedureCode: ProcedureCodeParam,
  agencyId: AgencyId.nullable().optional(),
  fromId: z.uuid({ error: 'Quy trình gốc (fromId) không hợp lệ' }).optional(),
});
export const SaveDraftBody = z.object({ definition: ProcessDefinitionSchema, rowVersion: RowVersion });
export const PublishBody = z.object({ rowVersion: RowVersion });
export const ImportQuery = z.object({ procedure: ProcedureCodeParam, agency: AgencyId.optional() });

/** The file exportJson writes and importJson reads (a bare definition is accepted on import too). */
export const PROCESS_FILE_FORMAT = 'dichvucong.quy-trinh/1';
export const ProcessFile = z.object({
  format: z.literal(PROCESS_FILE_FORMAT, {
    error: `Định dạng tệp (format) phải là "${PROCESS_FILE_FORMAT}"`,
  }),
  procedureCode: z.string().max(200).optional(),
  procedureName: z.string().max(2000).optional(),
  agencyId: z.uuid().nullable().optional(),
  agencyCode: z.string().max(100).nullable().optional(),
  agencyName: z.string().max(1000).nullable().optional(),
  version: z.number().int().optional(),
  status: z.enum(PROCESS_STATUSES).optional(),
  publishedAt: z.string().nullable().optional(),
  exportedAt: z.string().optional(),
  definition: ProcessDefinitionSchema,
});
/** What `exportJson` returns. */
export interface ProcessExport {
  format: typeof PROCESS_FILE_FORMAT;
  procedureCode: string;
  procedureName: string;
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  version: number;
  status: ProcessStatus;
  publishedAt: string | null;
  exportedAt: string;
  definition: ProcessDefinition;
}

export const PublicProcess = z.object({
  id: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  version: z.number().int(),
  publishedAt: z.string(),
  definition: ProcessDefinitionSchema,
});
/** What `publishedFor` returns. */
export interface PublishedProcess {
  id: string;
  procedureCode: string;
  procedureName: string;
  agencyId: string | null;
  agencyName: string | null;
  version: number;
  publishedAt: string;
  definition: ProcessDefinition;
}
