import { z } from 'zod';
import {
  APPLICANT_KINDS,
  CHANNELS,
  DEADLINE_UNITS,
  IMPLEMENTING_LEVELS,
  ONLINE_LEVELS,
} from '../../domain/procedure.ts';
import type { ProcedureContent } from '../../domain/procedure.ts';

/** Contracts of the procedure catalog (II.1–II.2, III.3, III.10, V.20): one schema per request and response. */

/**
 * Required text: NFC, runs of spaces collapsed, trimmed; the message names the field. A codec, not a
 * transform, because responses are written with the same contract (the serializer encodes, and a
 * one-way transform cannot be encoded).
 */
function text(label: string, max: number) {
  return z.codec(
    z.string({ error: `${label} là bắt buộc` }),
    z.string().min(1, `${label} là bắt buộc`).max(max, `${label} tối đa ${max} ký tự`),
    {
      decode: (s) =>
        s
          .normalize('NFC')
          .replace(/[ \t]+/g, ' ')
          .trim(),
      encode: (s) => s,
    },
  );
}
/** Optional text: empty becomes null. */
function optionalText(label: string, max: number) {
  return z
    .codec(
      z.string({ error: `${label} phải là chuỗi ký tự` }),
      z.string().max(max, `${label} tối đa ${max} ký tự`).nullable(),
      {
        decode: (s) => {
          const t = s.normalize('NFC').trim();
          return t === '' ? null : t;
        },
        encode: (s) => s ?? '',
      },
    )
    .nullable()
    .default(null);
}
function count(label: string) {
  return z
    .number({ error: `${label} phải là số nguyên` })
    .int(`${label} phải là số nguyên`)
    .min(0, `${label} không được âm`)
    .max(100, `${label} tối đa 100`);
}

export const ProcedureCode = z
  .string({ error: 'Mã thủ tục (code) là bắt buộc' })
  .trim()
  .regex(
    /^[0-9A-Za-z][0-9A-Za-z.-]{2,39}$/,
    'Mã thủ tục (code) gồm 3–40 chữ cái không dấu, chữ số, dấu chấm hoặc gạch ngang, ví dụ 1.001193',
  );

export const FieldCode = z
  .string({ error: 'Mã lĩnh vực (fieldCode) là bắt buộc' })
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,79}$/,
    'Mã lĩnh vực (fieldCode) chỉ gồm chữ thường không dấu, chữ số và gạch ngang',
  );

const Deadline = z.object({
  value: z
    .number({ error: 'Thời hạn giải quyết (deadline.value) phải là số' })
    .positive('Thời hạn giải quyết (deadline.value) phải lớn hơn 0')
    .max(10_000, 'Thời hạn giải quyết (deadline.value) quá lớn'),
  unit: z
    .enum(DEADLINE_UNITS, {
      error:
        'Đơn vị thời hạn (deadline.unit) phải là working_hours (giờ làm việc), working_days (ngày làm việc), calendar_days (ngày) hoặc months (tháng)',
    })
    .nullable(),
});

const Fee = z.object({
  amountVnd: z
    .number({ error: 'Mức phí (fees[].amountVnd) phải là số đồng' })
    .int('Mức phí (fees[].amountVnd) là số nguyên đồng')
    .min(0, 'Mức phí (fees[].amountVnd) không được âm')
    .max(1_000_000_000_000, 'Mức phí (fees[].amountVnd) quá lớn')
    .nullable(),
  description: optionalText('Mô tả phí, lệ phí (fees[].description)', 2000),
});

const ChannelTerms = z.object({
  channel: z.enum(CHANNELS, {
    error:
      'Cách thức thực hiện (channel) phải là counter (trực tiếp), online (trực tuyến) hoặc postal (bưu chính)',
  }),
  deadline: Deadline.nullable().default(null),
  deadlineNote: optionalText('Ghi chú thời hạn (deadlineNote)', 500),
  free: z.boolean({ error: 'Miễn phí (free) phải là true, false hoặc null' }).nullable().default(null),
  fees: z.array(Fee).max(20, 'Tối đa 20 mức phí, lệ phí mỗi cách thức').default([]),
  description: optionalText('Mô tả cách thức (description)', 20_000),
});

const ComponentItem = z.object({
  code: optionalText('Mã giấy tờ (code)', 80),
  name: text('Tên giấy tờ (components[].items[].name)', 20_000),
  formCode: optionalText('Mã biểu mẫu (formCode)', 80),
  formName: optionalText('Tên mẫu đơn, tờ khai (formName)', 500),
  originals: count('Số bản chính (originals)').default(0),
  copies: count('Số bản sao (copies)').default(0),
  electronic: z.boolean({ error: 'Bản điện tử (electronic) phải là true hoặc false' }).default(false),
  required: z.boolean({ error: 'Bắt buộc (required) phải là true hoặc false' }).default(true),
  condition: optionalText('Điều kiện nộp giấy tờ (condition)', 2000),
});

export const ProcedureContentSchema = z.object({
  name: text('Tên thủ tục (name)', 2000),
  fieldCode: FieldCode,
  levels: z
    .array(
      z.enum(IMPLEMENTING_LEVELS, {
        error: 'Cấp thực hiện (levels) phải là ministry, province, commune hoặc other',
      }),
    )
    .default([]),
  procedureType: optionalText('Loại thủ tục (procedureType)', 200),
  decision: optionalText('Quyết định công bố (decision)', 200),
  issuingBody: optionalText('Cơ quan ban hành (issuingBody)', 300),
  applicantTypes: z.array(text('Đối tượng thực hiện (applicantTypes)', 300)).max(50).default([]),
  onlineLevel: z.enum(ONLINE_LEVELS, {
    error: 'Mức độ trực tuyến (onlineLevel) phải là full (toàn trình), partial (một phần) hoặc none',
  }),
  legacyLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: 'Mức độ dịch vụ công (legacyLevel) phải là 1, 2, 3 hoặc 4',
  }),
  steps: z
    .array(
      z.object({
        case: optionalText('Trường hợp (steps[].case)', 500),
        steps: z.array(text('Bước thực hiện (steps[].steps[])', 8000)).max(200),
      }),
    )
    .max(50)
    .default([]),
  channels: z.array(ChannelTerms).max(20).default([]),
  components: z
    .array(
      z.object({
        group: optionalText('Nhóm giấy tờ (components[].group)', 20_000),
        items: z.array(ComponentItem).max(200),
      }),
    )
    .max(50)
    .default([]),
  results: z
    .array(
      z.object({
        code: optionalText('Mã kết quả (results[].code)', 80),
        name: text('Tên kết quả (results[].name)', 1000),
      }),
    )
    .max(50)
    .default([]),
  conditions: optionalText('Yêu cầu, điều kiện (conditions)', 100_000),
  legalBasis: z
    .array(
      z.object({
        number: optionalText('Số hiệu văn bản (legalBasis[].number)', 80),
        title: text('Tên văn bản (legalBasis[].title)', 2000),
      }),
    )
    .max(100)
    .default([]),
  agencies: z
    .object({
      implementing: optionalText('Cơ quan thực hiện (agencies.implementing)', 8000),
      competent: optionalText('Cơ quan có thẩm quyền (agencies.competent)', 1000),
      delegated: optionalText('Cơ quan được ủy quyền (agencies.delegated)', 1000),
      coordinating: optionalText('Cơ quan phối hợp (agencies.coordinating)', 1000),
      address: optionalText('Địa chỉ tiếp nhận (agencies.address)', 8000),
    })
    .default({ implementing: null, competent: null, delegated: null, coordinating: null, address: null }),
  sourceUrl: z.url({ error: 'Đường dẫn nguồn (sourceUrl) phải là địa chỉ web' }).nullable().default(null),
});
// The contract and the domain type describe the same thing.
export type ProcedureContentInput = z.input<typeof ProcedureContentSchema>;
export const toProcedureContent: (v: z.output<typeof ProcedureContentSchema>) => ProcedureContent = (v) => v;

export const CreateProcedure = z.object({ code: ProcedureCode, content: ProcedureContentSchema });
export type CreateProcedure = z.infer<typeof CreateProcedure>;

export const UpdateProcedure = z.object({
  version: z.number({ error: 'Phiên bản (version) là bắt buộc' }).int().min(1),
  content: ProcedureContentSchema,
  note: optionalText('Ghi chú thay đổi (note)', 500),
});
export type UpdateProcedure = z.infer<typeof UpdateProcedure>;

export const PublishProcedure = z.object({
  version: z.number({ error: 'Phiên bản (version) là bắt buộc' }).int().min(1),
  note: optionalText('Ghi chú (note)', 500),
});

export const SetAgencies = z.object({
  version: z.number({ error: 'Phiên bản (version) là bắt buộc' }).int().min(1),
  agencies: z
    .array(
      z.object({
        agencyId: z.uuid({ error: 'Mã cơ quan (agencies[].agencyId) không hợp lệ' }),
        channels: z
          .array(z.enum(CHANNELS))
          .min(1, 'Chọn ít nhất một cách thức cho mỗi cơ quan (agencies[].channels)'),
      }),
    )
    .max(5000),
});

export const CodeParam = z.object({ code: ProcedureCode });

const Cursor = z.string().max(400).optional();
const Limit = z.coerce.number().int().min(1).max(100).default(20);

export const AdminListQuery = z.object({
  q: z.string().max(200).optional(),
  field: FieldCode.optional(),
  status: z.enum(['draft', 'published', 'withdrawn', 'changed', 'flagged']).optional(),
  after: Cursor,
  limit: Limit,
});
export type AdminListQuery = z.infer<typeof AdminListQuery>;

export const PublicSearchQuery = z.object({
  q: z.string().max(200).optional(),
  field: FieldCode.optional(),
  agency: z.uuid({ error: 'Mã cơ quan (agency) không hợp lệ' }).optional(),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  legacyLevel: z.coerce.number().int().min(1).max(4).optional(),
  applicant: z.enum(APPLICANT_KINDS).optional(),
  level: z.enum(IMPLEMENTING_LEVELS).optional(),
  after: Cursor,
  limit: Limit,
});
export type PublicSearchQuery = z.infer<typeof PublicSearchQuery>;

const Flag = z.object({ field: z.string(), message: z.string() });

export const ProcedureSummary = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  onlineLevel: z.enum(ONLINE_LEVELS),
  legacyLevel: z.number().int(),
  channels: z.array(z.enum(CHANNELS)),
  applicantKinds: z.array(z.enum(APPLICANT_KINDS)),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const SearchPage = z.object({
  items: z.array(ProcedureSummary),
  next: z.string().nullable(),
  /** Alternatives when nothing matched: close names, and the fields to browse. */
  suggestions: z.array(z.object({ code: z.string(), slug: z.string(), name: z.string() })),
});
export type SearchPage = z.infer<typeof SearchPage>;

export const PublicProcedure = z.object({
  code: z.string(),
  slug: z.string(),
  field: z.object({ code: z.string(), name: z.string() }),
  content: ProcedureContentSchema,
  agencies: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), channels: z.array(z.enum(CHANNELS)) }),
  ),
  forms: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      legalBasis: z.string().nullable(),
      fileName: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  publishedAt: z.string(),
  version: z.number().int(),
});
export type PublicProcedure = z.infer<typeof PublicProcedure>;

export const AdminProcedureRow = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  hasChanges: z.boolean(),
  flagCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AdminProcedureRow = z.infer<typeof AdminProcedureRow>;

export const AdminProcedure = AdminProcedureRow.extend({
  id: z.string(),
  content: ProcedureContentSchema,
  published: ProcedureContentSchema.nullable(),
  flags: z.array(Flag),
  publicationIssues: z.array(Flag),
  source: z.enum(['local', 'national']),
  publications: z.number().int(),
  publishedAt: z.string().nullable(),
  agencies: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), channels: z.array(z.enum(CHANNELS)) }),
  ),
});
export type AdminProcedure = z.infer<typeof AdminProcedure>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  version: z.number().int(),
  action: z.enum(['create', 'update', 'publish', 'withdraw', 'import']),
  actorName: z.string(),
  /** Full name of the official, when the account still exists. */
  actorFullName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  content: ProcedureContentSchema.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ImportReport = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  published: z.number().int(),
  leftAsDraft: z.array(z.object({ code: z.string(), issues: z.array(Flag) })),
  flagged: z.number().int(),
  fieldsCreated: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  publish: z.enum(['true', 'false']).default('false'),
});

export const FieldView = z.object({
  code: z.string(),
  name: z.string(),
  nationalCode: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  procedureCount: z.number().int(),
});
export type FieldView = z.infer<typeof FieldView>;

export const UpsertField = z.object({
  name: text('Tên lĩnh vực (name)', 300),
  nationalCode: optionalText('Mã lĩnh vực quốc gia (nationalCode)', 40),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  active: z.boolean().default(true),
});
export const CreateField = UpsertField.extend({ code: FieldCode.optional() });
