import { z } from 'zod';
import { DOSSIER_STATUSES } from '../../domain/dossier-status.ts';
import { required, str, uuid } from './schema-fields.ts';
import { DossierRow } from './worklist-schema.ts';

export * from './worklist-schema.ts';

/**
 * Contracts of dossier handling (Annex I; Annex II groups 5–11, 15, 18–20, 22–23): receipt at the
 * counter, online submission, the actions officials take, worklists and search, the public tracking
 * answer. Every message names its field in Vietnamese.
 */

const reason = (label = 'Lý do (reason)') => required(label, 2000);

export const PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;
export const ID_NUMBER_PATTERN = /^[0-9A-Z]{6,20}$/;

export const ApplicantInput = z.object({
  kind: z.enum(['citizen', 'organisation'], {
    error: 'Loại người nộp (applicant.kind) phải là citizen (cá nhân) hoặc organisation (tổ chức)',
  }),
  idNumber: required('Số giấy tờ tùy thân hoặc mã số thuế (applicant.idNumber)', 20).regex(
    ID_NUMBER_PATTERN,
    'Số giấy tờ tùy thân hoặc mã số thuế (applicant.idNumber) chỉ gồm 6–20 chữ số hoặc chữ in hoa',
  ),
  fullName: required('Họ và tên (applicant.fullName)', 200),
  orgName: str('Tên tổ chức (applicant.orgName)', 300).nullish(),
  phone: str('Số điện thoại (applicant.phone)', 15)
    .regex(PHONE_PATTERN, 'Số điện thoại (applicant.phone) không đúng định dạng, ví dụ 0912345678')
    .nullish(),
  email: z.email({ error: 'Thư điện tử (applicant.email) không đúng định dạng' }).max(254).nullish(),
  address: str('Địa chỉ (applicant.address)', 500).nullish(),
  communeCode: str('Xã, phường (applicant.communeCode)', 10).nullish(),
});
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const ComponentInput = z.object({
  name: required('Tên thành phần hồ sơ (components[].name)', 1000),
  copyType: z.enum(['original', 'certified_copy', 'copy', 'electronic'], {
    error:
      'Loại bản (components[].copyType) phải là original (bản chính), certified_copy (bản sao chứng thực), copy (bản sao) hoặc electronic (bản điện tử)',
  }),
  count: z
    .number({ error: 'Số lượng (components[].count) phải là số' })
    .int('Số lượng (components[].count) phải là số nguyên')
    .min(0, 'Số lượng (components[].count) không được âm')
    .max(100, 'Số lượng (components[].count) tối đa 100'),
  received: z.boolean({ error: 'Đã nhận (components[].received) phải là true hoặc false' }),
});

const MissingItems = z
  .array(required('Giấy tờ cần bổ sung (missingItems[])', 1000))
  .min(1, 'Cần nêu ít nhất một giấy tờ cần bổ sung (missingItems)')
  .max(50, 'Tối đa 50 giấy tờ cần bổ sung (missingItems)');

const FileIds = z.array(uuid('Tệp đính kèm (fileIds[])')).max(50, 'Tối đa 50 tệp (fileIds)').default([]);
const RowVersion = z
  .number({ error: 'Phiên bản hồ sơ (rowVersion) là bắt buộc' })
  .int()
  .min(1, 'Phiên bản hồ sơ (rowVersion) không hợp lệ');

export const PostalInput = z.object({
  name: required('Họ tên người nhận (postal.name)', 200),
  phone: required('Số điện thoại người nhận (postal.phone)', 15).regex(
    PHONE_PATTERN,
    'Số điện thoại người nhận (postal.phone) không đúng định dạng',
  ),
  provinceCode: required('Tỉnh, thành phố (postal.provinceCode)', 10),
  communeCode: required('Xã, phường (postal.communeCode)', 10),
  address: required('Địa chỉ chi tiết (postal.address)', 500),
});

/** Receipt at the counter (II.5.1–5.3, II.5.9): the dossier enters the system with the counter's decision. */
export const ReceiveBody = z.object({
  procedureCode: required('Thủ tục (procedureCode)', 40),
  agencyId: uuid('Cơ quan tiếp nhận (agencyId)'),
  channel: z
    .enum(['counter', 'postal', 'interagency'], {
      error:
        'Hình thức nộp (channel) phải là counter (trực tiếp), postal (bưu chính) hoặc interagency (liên thông từ cơ quan khác)',
    })
    .default('counter'),
  /** For a dossier handed over by another agency (liên thông): who sent it and under which code. */
  source: z
    .object({
      agencyId: uuid('Cơ quan chuyển hồ sơ (source.agencyId)'),
      code: str('Mã hồ sơ tại cơ quan chuyển (source.code)', 40).nullish(),
    })
    .nullish(),
  applicant: ApplicantInput,
  summary: str('Nội dung yêu cầu (summary)', 2000).default(''),
  formData: z.record(z.string(), z.unknown()).default({}),
  components: z.array(ComponentInput).max(100, 'Tối đa 100 thành phần hồ sơ (components)').default([]),
  fileIds: FileIds,
  resultDelivery: z
    .enum(['counter', 'postal'], { error: 'Hình thức nhận kết quả (resultDelivery) không hợp lệ' })
    .default('counter'),
  postal: PostalInput.nullish(),
  decision: z.enum(['accept', 'request_supplement', 'refuse'], {
    error:
      'Quyết định (decision) phải là accept (tiếp nhận), request_supplement (yêu cầu bổ sung) hoặc refuse (từ chối)',
  }),
  reason: str('Lý do (reason)', 2000).nullish(),
  missingItems: z.array(required('Giấy tờ cần bổ sung (missingItems[])', 1000)).max(50).default([]),
});
export type ReceiveBody = z.infer<typeof ReceiveBody>;

/** Online submission by a signed-in applicant (the portal's e-form comes with a later issue). */
export const SubmitBody = z.object({
  procedureCode: required('Thủ tục (procedureCode)', 40),
  agencyId: uuid('Cơ quan tiếp nhận (agencyId)'),
  applicant: ApplicantInput,
  summary: str('Nội dung yêu cầu (summary)', 2000).default(''),
  formData: z.record(z.string(), z.unknown()).default({}),
  components: z.array(ComponentInput).max(100).default([]),
  fileIds: FileIds,
  resultDelivery: z.enum(['counter', 'postal']).default('counter'),
  postal: PostalInput.nullish(),
  /** The applicant's draft this submission came from: deleted in the same transaction. */
  draftId: uuid('Bản nháp (draftId)').nullish(),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const RecipientInput = z.object({
  relation: z.enum(['self', 'proxy'], {
    error: 'Người nhận (recipient.relation) phải là self (chính chủ) hoặc proxy (nhận thay)',
  }),
  name: required('Họ tên người nhận (recipient.name)', 200),
  idNumber: required('Số giấy tờ của người nhận (recipient.idNumber)', 20).regex(
    ID_NUMBER_PATTERN,
    'Số giấy tờ của người nhận (recipient.idNumber) chỉ gồm 6–20 chữ số hoặc chữ in hoa',
  ),
  authorisation: str('Giấy ủy quyền (recipient.authorisation)', 500).nullish(),
});

/** Every action on an existing dossier; `rowVersion` is the version the official saw (409 when stale). */
export const ActionBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept'), rowVersion: RowVersion }),
    z.object({ action: z.literal('refuse'), rowVersion: RowVersion, reason: reason() }),
    z.object({
      action: z.literal('request_supplement'),
      rowVersion: RowVersion,
      reason: reason(),
      missingItems: MissingItems,
      transitionId: str('Bước chuyển (transitionId)', 100).nullish(),
    }),
    z.object({
      action: z.literal('supplement'),
      rowVersion: RowVersion,
      channel: z.enum(['counter', 'postal', 'online'], { error: 'Hình thức bổ sung (channel) không hợp lệ' }),
      note: str('Ghi chú (note)', 2000).nullish(),
      fileIds: FileIds,
    }),
    z.object({
      action: z.literal('move'),
      rowVersion: RowVersion,
      transitionId: required('Bước chuyển (transitionId)', 100),
      assigneeId: uuid('Người nhận xử lý (assigneeId)').nullish(),
      reason: str('Lý do, ý kiến (reason)', 2000).nullish(),
      extensionMinutes: z
        .number({ error: 'Thời gian gia hạn (extensionMinutes) phải là số' })
        .int()
        .min(1, 'Thời gian gia hạn (extensionMinutes) phải lớn hơn 0')
        .max(60 * 480, 'Thời gian gia hạn (extensionMinutes) tối đa 60 ngày làm việc')
        .nullish(),
      amount: z.number({ error: 'Số tiền (amount) phải là số' }).int().min(0).max(1e12).nullish(),
      missingItems: z.array(required('Giấy tờ cần bổ sung (missingItems[])', 1000)).max(50).nullish(),
      fileIds: FileIds,
      /** On finishing: the draft from the procedure's result template becomes a result file too. */
      useDraftResult: z.boolean({ error: 'Dùng dự thảo (useDraftResult) phải là true/false' }).optional(),
    }),
    z.object({ action: z.literal('resume'), rowVersion: RowVersion }),
    z.object({
      action: z.literal('request_payment'),
      rowVersion: RowVersion,
      amount: z
        .number({ error: 'Số tiền phí, lệ phí (amount) là bắt buộc' })
        .int('Số tiền (amount) phải là số nguyên (đồng)')
        .min(1, 'Số tiền (amount) phải lớn hơn 0')
        .max(1e12, 'Số tiền (amount) quá lớn'),
      reason: str('Nội dung (reason)', 2000).nullish(),
    }),
    z.object({
      action: z.literal('pay'),
      rowVersion: RowVersion,
      receipt: str('Số biên lai (receipt)', 100).nullish(),
    }),
    z.object({
      action: z.literal('assign'),
      rowVersion: RowVersion,
      assigneeId: uuid('Người nhận xử lý (assigneeId)'),
      reason: str('Lý do (reason)', 2000).nullish(),
    }),
    z.object({
      action: z.literal('recall'),
      rowVersion: RowVersion,
      reason: str('Lý do (reason)', 2000).nullish(),
    }),
    z.object({ action: z.literal('stop'), rowVersion: RowVersion, reason: reason() }),
    z.object({
      action: z.literal('return_result'),
      rowVersion: RowVersion,
      recipient: RecipientInput.nullish(),
      postal: PostalInput.nullish(),
      feeReceipt: str('Biên lai thu phí (feeReceipt)', 100).nullish(),
    }),
    z.object({ action: z.literal('not_returned'), rowVersion: RowVersion, reason: reason() }),
    z.object({
      action: z.literal('withdraw'),
      rowVersion: RowVersion,
      reason: reason('Lý do rút hồ sơ (reason)'),
    }),
    z.object({ action: z.literal('cancel'), rowVersion: RowVersion }),
    z.object({ action: z.literal('restore'), rowVersion: RowVersion }),
    z.object({
      action: z.literal('comment'),
      text: required('Ý kiến (text)', 4000),
      fileIds: FileIds,
    }),
  ],
  { error: 'Thao tác (action) không hợp lệ' },
);
export type ActionBody = z.infer<typeof ActionBody>;
export type DossierAction = ActionBody['action'];

export const DossierEventView = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  toStatusLabel: z.string(),
  fromStep: z.string().nullable(),
  toStep: z.string(),
  toStepName: z.string(),
  toHolderName: z.string().nullable(),
  reason: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), fileName: z.string() })),
});

export const DossierFileView = z.object({
  id: z.string(),
  kind: z.string(),
  component: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export type DossierFileView = z.infer<typeof DossierFileView>;

export const AvailableAction = z.object({
  action: z.string(),
  transitionId: z.string().nullable(),
  label: z.string(),
  /** What the form must ask for; `result`: the result document (uploaded, or drawn from the template). */
  needs: z.array(
    z
      .enum(['reason', 'missingItems', 'assignee', 'extension', 'amount', 'recipient', 'receipt', 'channel'])
      .or(z.literal('result')),
  ),
  toStepName: z.string().nullable(),
});
export type AvailableAction = z.infer<typeof AvailableAction>;

export const DossierDetail = DossierRow.extend({
  agencyId: z.string(),
  agencyName: z.string(),
  fieldCode: z.string(),
  processId: z.string(),
  stepId: z.string(),
  holderDepartment: z.string().nullable(),
  holderAgencyName: z.string(),
  applicant: z.object({
    kind: z.string(),
    idNumber: z.string(),
    fullName: z.string(),
    orgName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
  }),
  formData: z.record(z.string(), z.unknown()),
  components: z.array(ComponentInput),
  completedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  missingItems: z.array(z.string()),
  feeAmount: z.number().nullable(),
  feePaidAt: z.string().nullable(),
  resultDelivery: z.string(),
  postal: z.record(z.string(), z.unknown()).nullable(),
  recipient: z.record(z.string(), z.unknown()).nullable(),
  originalsMissing: z.boolean(),
  cancelledAt: z.string().nullable(),
  /** What Annex I requires with the status, as lines to show. */
  annexLines: z.array(z.string()),
  files: z.array(DossierFileView),
  history: z.array(DossierEventView),
  actions: z.array(AvailableAction),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

/** The tracking answer (portal, kiosk): the status and Annex I information, nothing private. */
export const PublicDossier = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  dvcqgCode: z.number(),
  lines: z.array(z.string()),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), statusLabel: z.string(), stepName: z.string() })),
});
export type PublicDossier = z.infer<typeof PublicDossier>;

export const TrackQuery = z
  .object({
    phone: str('Số điện thoại (phone)', 15).optional(),
    idNumber: str('Số giấy tờ tùy thân (idNumber)', 20).optional(),
  })
  .refine((q) => Boolean(q.phone || q.idNumber), {
    message: 'Cần nhập số điện thoại (phone) hoặc số giấy tờ tùy thân (idNumber) của người nộp',
    path: ['phone'],
  });

export const OfficialChoice = z.object({
  id: z.string(),
  fullName: z.string(),
  department: z.string().nullable(),
  /** Dossiers this official now holds: helps spread the work. */
  load: z.number(),
});
export type OfficialChoice = z.infer<typeof OfficialChoice>;

export const ApplicantView = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'organisation']),
  idNumber: z.string(),
  fullName: z.string(),
  orgName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  communeCode: z.string().nullable(),
  source: z.enum(['applicant', 'account']),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

export const UploadView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
});
