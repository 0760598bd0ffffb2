/**
 * What the applicant is told at each decision on their dossier (II.5.10, II.6.5, II.8.9, II.10.2,
 * II.10.3, Mẫu 04 for an extension): one Vietnamese title and text per notice, filled from the
 * dossier. The dossiers module writes the notice to the outbox in the action's transaction; delivery
 * (portal, e-mail, SMS, Zalo) reads the same text.
 */
import { formatDateTime } from './datetime.ts';

export const NOTICE_KINDS = [
  'submitted',
  'received',
  'supplement_requested',
  'refused',
  'supplemented',
  'processing',
  'extended',
  'payment_requested',
  'paid',
  'stopped',
  'finished',
  'returned',
  'withdrawn',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeFacts {
  code: string;
  procedure: string;
  agency: string;
  appointmentAt?: Date | string | null;
  reason?: string | null;
  missingItems?: readonly string[];
  amount?: number | null;
}

export interface Notice {
  kind: NoticeKind;
  title: string;
  text: string;
}

const when = (d: Date | string | null | undefined) => (d ? formatDateTime(d) : 'sẽ được thông báo sau');
const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

const TEXTS: Readonly<Record<NoticeKind, (f: NoticeFacts) => Omit<Notice, 'kind'>>> = {
  submitted: (f) => ({
    title: `Đã nộp hồ sơ ${f.code}`,
    text: `Hồ sơ ${f.code} (${f.procedure}) đã được gửi đến ${f.agency} và đang chờ tiếp nhận.`,
  }),
  received: (f) => ({
    title: `Hồ sơ ${f.code} đã được tiếp nhận`,
    text: `${f.agency} đã tiếp nhận hồ sơ ${f.code} (${f.procedure}). Ngày hẹn trả kết quả: ${when(f.appointmentAt)}.`,
  }),
  supplement_requested: (f) => ({
    title: `Hồ sơ ${f.code} cần bổ sung`,
    text: `${f.agency} yêu cầu bổ sung, hoàn thiện hồ sơ ${f.code}. Lý do: ${f.reason ?? ''}.${
      f.missingItems?.length ? ` Giấy tờ cần bổ sung: ${f.missingItems.join('; ')}.` : ''
    }`,
  }),
  refused: (f) => ({
    title: `Hồ sơ ${f.code} không được tiếp nhận`,
    text: `${f.agency} từ chối tiếp nhận hồ sơ ${f.code} (${f.procedure}). Lý do: ${f.reason ?? ''}.`,
  }),
  supplemented: (f) => ({
    title: `Đã bổ sung hồ sơ ${f.code}`,
    text: `Hồ sơ ${f.code} đã được bổ sung và được chuyển để tiếp tục giải quyết.`,
  }),
  processing: (f) => ({
    title: `Hồ sơ ${f.code} đang được giải quyết`,
    text: `Hồ sơ ${f.code} đã được chuyển đến cơ quan có thẩm quyền và đang được thụ lý. Ngày hẹn trả kết quả: ${when(f.appointmentAt)}.`,
  }),
  extended: (f) => ({
    title: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${f.code}`,
    text: `${f.agency} xin lỗi vì chưa trả kết quả hồ sơ ${f.code} đúng hẹn. Lý do: ${f.reason ?? ''}. Ngày hẹn trả kết quả mới: ${when(f.appointmentAt)}.`,
  }),
  payment_requested: (f) => ({
    title: `Hồ sơ ${f.code}: đề nghị thực hiện nghĩa vụ tài chính`,
    text: `Đề nghị nộp ${f.amount != null ? vnd(f.amount) : 'phí, lệ phí'} để tiếp tục giải quyết hồ sơ ${f.code}.${f.reason ? ` ${f.reason}.` : ''}`,
  }),
  paid: (f) => ({
    title: `Đã ghi nhận nộp phí hồ sơ ${f.code}`,
    text: `${f.agency} đã ghi nhận việc nộp phí, lệ phí của hồ sơ ${f.code}; hồ sơ tiếp tục được giải quyết.`,
  }),
  stopped: (f) => ({
    title: `Hồ sơ ${f.code} dừng xử lý`,
    text: `Hồ sơ ${f.code} (${f.procedure}) không được giải quyết. Lý do: ${f.reason ?? ''}.`,
  }),
  finished: (f) => ({
    title: `Hồ sơ ${f.code} đã có kết quả`,
    text: `Hồ sơ ${f.code} đã được giải quyết xong; mời nhận kết quả tại ${f.agency} hoặc theo hình thức đã đăng ký.`,
  }),
  returned: (f) => ({
    title: `Đã trả kết quả hồ sơ ${f.code}`,
    text: `Kết quả giải quyết hồ sơ ${f.code} (${f.procedure}) đã được trả.`,
  }),
  withdrawn: (f) => ({
    title: `Đã rút hồ sơ ${f.code}`,
    text: `Hồ sơ ${f.code} đã được rút theo yêu cầu của người nộp.${f.reason ? ` Lý do: ${f.reason}.` : ''}`,
  }),
};

export function noticeFor(kind: NoticeKind, facts: NoticeFacts): Notice {
  return { kind, ...TEXTS[kind](facts) };
}
