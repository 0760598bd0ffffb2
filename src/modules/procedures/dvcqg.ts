import { z } from 'zod';
import type {
  Channel,
  ChannelTerms,
  ContentIssue,
  DeadlineUnit,
  ImplementingLevel,
  OnlineLevel,
  ProcedureContent,
} from '../../domain/procedure.ts';
import { fieldCodeFromName } from '../../domain/procedure.ts';
import { foldVietnamese } from '../../domain/text.ts';

/**
 * The national procedure database's record shape (DVCQG service `LayThuTuc`, result[i]; field names in
 * shared/spec/regulations.md §5.2), and its translation to and from our ProcedureContent.
 *
 * Fields beyond the documented ones (CAPTHUCHIEN, LOAITTHC, QUYETDINHCONGBO, COQUANBANHANH,
 * DOITUONGTHUCHIEN, SOBANCHINH, SOBANSAO, MUCDO, URLNGUON, KHONGRO…) are our extension: the national
 * portal publishes these attributes and an export must carry everything II.1.2 asks for. Unknown
 * fields are ignored on import.
 */

const str = z.string().nullish();
const num = z.union([z.number(), z.string()]).nullish();

export const NationalProcedure = z.object({
  MATTHC: z.string({ error: 'MATTHC (mã thủ tục) là bắt buộc' }).min(1, 'MATTHC (mã thủ tục) là bắt buộc'),
  TENTTHC: z
    .string({ error: 'TENTTHC (tên thủ tục) là bắt buộc' })
    .min(1, 'TENTTHC (tên thủ tục) là bắt buộc'),
  LINHVUCTHUCHIEN: z
    .array(
      z.object({
        MALINHVUC: str,
        TENLINHVUC: z.string({ error: 'TENLINHVUC (tên lĩnh vực) là bắt buộc' }).min(1),
      }),
      {
        error: 'LINHVUCTHUCHIEN (lĩnh vực) phải là danh sách',
      },
    )
    .min(1, 'LINHVUCTHUCHIEN (lĩnh vực) cần ít nhất một lĩnh vực'),
  CAPTHUCHIEN: z.array(z.string()).nullish(),
  LOAITTHC: str,
  QUYETDINHCONGBO: str,
  COQUANBANHANH: str,
  DOITUONGTHUCHIEN: z.array(z.string()).nullish(),
  MOTADOITUONGTHUCHIEN: str,
  MUCDO: z.enum(['TOANTRINH', 'MOTPHAN', 'KHONG']).nullish(),
  TRINHTUTHUCHIEN: z
    .array(z.object({ TRUONGHOP: str, TRINHTU: z.array(z.object({ TENTRINHTU: z.string() })) }))
    .nullish(),
  CACHTHUCTHUCHIEN: z
    .array(
      z.object({
        KENH: z.string({ error: 'KENH (kênh thực hiện) là bắt buộc' }),
        THOIGIAN: z
          .array(
            z.object({
              THOIGIANGIAIQUYET: num,
              DONVITINH: str,
              MOTA: str,
              GHICHUTHOIHAN: str,
              PHILEPHI: z.array(z.object({ SOTIEN: num, DONVI: str, MOTA: str })).nullish(),
            }),
          )
          .nullish(),
        /** Extension: the source could not separate deadline and fee; the raw text is in THOIGIAN[0].MOTA. */
        KHONGRO: z.boolean().nullish(),
      }),
    )
    .nullish(),
  YEUCAU: str,
  KETQUATHUCHIEN: z.array(z.object({ MAKETQUA: str, TENKETQUA: z.string() })).nullish(),
  CANCUPHAPLY: z.array(z.object({ SOVANBAN: str, TENVANBAN: z.string() })).nullish(),
  COQUANTHUCHIEN: z.array(z.object({ TENDONVI: z.string() })).nullish(),
  COQUANCOTHAMQUYEN: str,
  COQUANDUOCUYQUYEN: str,
  COQUANPHOIHOP: str,
  DIACHITIEPNHAN: str,
  THANHPHANHOSO: z
    .array(
      z.object({
        TRUONGHOP: str,
        GIAYTO: z.array(
          z.object({
            MAGIAYTO: str,
            TENGIAYTO: z.string({ error: 'TENGIAYTO (tên giấy tờ) là bắt buộc' }),
            TENMAUDON: str,
            URL: str,
            SOBANCHINH: num,
            SOBANSAO: num,
            MAMAUDON: str,
            BANDIENTU: z.boolean().nullish(),
            BATBUOC: z.boolean().nullish(),
            DIEUKIEN: str,
          }),
        ),
      }),
    )
    .nullish(),
  URLNGUON: str,
});
export type NationalProcedure = z.infer<typeof NationalProcedure>;

/** The file a synchronisation reads: LayThuTuc's envelope, or a bare list of records. */
export const NationalFile = z.union([
  z.object({ error_code: z.union([z.string(), z.number()]).optional(), result: z.array(z.unknown()) }),
  z.array(z.unknown()),
]);

/** Larger counts of originals or copies are run-together digits of the source, not quantities. */
const MAX_COPIES = 20;

const UNIT_LABELS: Record<string, DeadlineUnit> = {
  'ngay lam viec': 'working_days',
  ngay: 'calendar_days',
  'ngay (theo lich)': 'calendar_days',
  gio: 'working_hours',
  'gio lam viec': 'working_hours',
  thang: 'months',
};
export const UNIT_TO_LABEL: Record<DeadlineUnit, string> = {
  working_days: 'Ngày làm việc',
  calendar_days: 'Ngày',
  working_hours: 'Giờ làm việc',
  months: 'Tháng',
};
const CHANNEL_TO_LABEL: Record<Channel, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Nộp qua bưu chính công ích',
};
const LEVEL_LABELS: Record<string, ImplementingLevel> = {
  'cap bo': 'ministry',
  'cap tinh': 'province',
  'cap xa': 'commune',
  'co quan khac': 'other',
};
const LEVEL_TO_LABEL: Record<ImplementingLevel, string> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
  other: 'Cơ quan khác',
};

/** A problem in one record of an import file: which record, which field, what is wrong. */
export interface RecordProblem {
  field: string;
  message: string;
}

export interface Translated {
  code: string;
  field: { code: string; name: string; nationalCode: string | null };
  content: ProcedureContent;
  /** What the source leaves uncertain: imported as far as it is certain, flagged for an editor. */
  flags: ContentIssue[];
}

/** One national record → our content; throws the list of problems when the record cannot be read. */
export function fromNational(rec: NationalProcedure): Translated | RecordProblem[] {
  const problems: RecordProblem[] = [];
  const flags: ContentIssue[] = [];
  const channels: ChannelTerms[] = [];
  (rec.CACHTHUCTHUCHIEN ?? []).forEach((c, i) => {
    const channel = channelOf(c.KENH);
    if (!channel) {
      problems.push({
        field: `CACHTHUCTHUCHIEN[${i}].KENH`,
        message: `Kênh "${c.KENH}" không rõ: dùng "Trực tiếp", "Trực tuyến" hoặc "Nộp qua bưu chính công ích"`,
      });
      return;
    }
    const time = c.THOIGIAN?.[0];
    if (c.KHONGRO) {
      flags.push({
        field: `channels[${channels.length}]`,
        message: `Nguồn không tách được thời hạn và phí của kênh "${c.KENH}": "${time?.MOTA ?? ''}"`,
      });
      channels.push({
        channel,
        deadline: null,
        deadlineNote: null,
        free: null,
        fees: [],
        description: time?.MOTA ?? null,
      });
      return;
    }
    const given = toNumber(time?.THOIGIANGIAIQUYET);
    const value = given !== null && given > 0 ? given : null;
    const unitLabel = time?.DONVITINH?.trim() ? time.DONVITINH.trim() : null;
    let unit: DeadlineUnit | null = null;
    if (unitLabel) {
      const known = UNIT_LABELS[foldVietnamese(unitLabel)];
      if (!known) {
        problems.push({
          field: `CACHTHUCTHUCHIEN[${i}].THOIGIAN[0].DONVITINH`,
          message: `Đơn vị thời hạn "${unitLabel}" không rõ: dùng "Ngày làm việc", "Ngày", "Giờ làm việc" hoặc "Tháng"`,
        });
        return;
      }
      unit = known;
    }
    if (value === null)
      flags.push({
        field: `channels[${channels.length}].deadline`,
        message: `Kênh "${c.KENH}" không có thời hạn giải quyết trong nguồn`,
      });
    else if (unit === null)
      flags.push({
        field: `channels[${channels.length}].deadline.unit`,
        message: `Thời hạn ${value} của kênh "${c.KENH}" không ghi đơn vị trong nguồn`,
      });
    const fees = (time?.PHILEPHI ?? []).map((f) => {
      const vnd = /^(vnd|vnđ|dong|đồng)?$/i.test((f.DONVI ?? '').trim());
      return {
        amountVnd: vnd ? toNumber(f.SOTIEN) : null,
        description: f.MOTA ?? (vnd ? null : `${f.SOTIEN ?? ''} ${f.DONVI ?? ''}`.trim()),
      };
    });
    const free = fees.length === 0 ? null : fees.every((f) => f.amountVnd === 0);
    channels.push({
      channel,
      deadline: value === null ? null : { value, unit },
      deadlineNote: time?.GHICHUTHOIHAN ?? null,
      free,
      // "Miễn phí" is said by `free`; a zero fee line is kept only when it explains something else.
      fees: free ? fees.filter((f) => f.description && !/^miễn phí$/i.test(f.description)) : fees,
      description: time?.MOTA ?? null,
    });
  });
  if (problems.length > 0) return problems;

  const [firstField] = rec.LINHVUCTHUCHIEN;
  const fieldName = (firstField?.TENLINHVUC ?? '').normalize('NFC').trim();
  const nationalFieldCode = firstField?.MALINHVUC ?? null;
  const field = {
    code: fieldCodeFromName(nationalFieldCode ?? fieldName),
    name: fieldName,
    nationalCode: nationalFieldCode,
  };
  const legalBasis = (rec.CANCUPHAPLY ?? []).map((l) => ({ number: l.SOVANBAN ?? null, title: l.TENVANBAN }));
  if (legalBasis.some((l) => l.number !== null && l.title === l.number))
    flags.push({
      field: 'legalBasis',
      message: 'Nguồn chỉ có số hiệu của một số văn bản, chưa có tên văn bản',
    });
  const components = (rec.THANHPHANHOSO ?? []).map((g, gi) => ({
    group: g.TRUONGHOP ?? null,
    items: g.GIAYTO.map((p, pi) => {
      const [originals, copies] = [toNumber(p.SOBANCHINH) ?? 0, toNumber(p.SOBANSAO) ?? 0].map((n, k) => {
        if (Number.isInteger(n) && n >= 0 && n <= MAX_COPIES) return n;
        flags.push({
          field: `components[${gi}].items[${pi}].${k === 0 ? 'originals' : 'copies'}`,
          message: `Số ${k === 0 ? 'bản chính' : 'bản sao'} của "${p.TENGIAYTO.slice(0, 60)}" không đọc được từ nguồn (${n})`,
        });
        return 0;
      }) as [number, number];
      return {
        code: p.MAGIAYTO ?? null,
        name: p.TENGIAYTO,
        formCode: p.MAMAUDON ?? (p.TENMAUDON ? formCodeOf(p.TENMAUDON) : null),
        formName: p.TENMAUDON ?? null,
        originals,
        copies,
        electronic: p.BANDIENTU ?? false,
        required: p.BATBUOC ?? originals + copies > 0,
        condition: p.DIEUKIEN ?? null,
      };
    }),
  }));
  if (components.length === 0)
    flags.push({ field: 'components', message: 'Nguồn không có (hoặc không đọc được) thành phần hồ sơ' });
  const online = channels.some((c) => c.channel === 'online');
  const onlineLevel: OnlineLevel =
    rec.MUCDO === 'TOANTRINH' ? 'full' : rec.MUCDO === 'KHONG' ? 'none' : online ? 'partial' : 'none';
  const steps = (rec.TRINHTUTHUCHIEN ?? [])
    .map((s) => ({
      case: s.TRUONGHOP ?? null,
      steps: s.TRINHTU.map((t) => t.TENTRINHTU.trim()).filter(Boolean),
    }))
    .filter((s) => s.steps.length > 0);
  const content: ProcedureContent = {
    name: rec.TENTTHC.normalize('NFC').trim(),
    fieldCode: field.code,
    levels: [
      ...new Set(
        (rec.CAPTHUCHIEN ?? [])
          .map((l) => LEVEL_LABELS[foldVietnamese(l.trim())])
          .filter((l) => l !== undefined),
      ),
    ],
    procedureType: rec.LOAITTHC ?? null,
    decision: rec.QUYETDINHCONGBO ?? null,
    issuingBody: rec.COQUANBANHANH ?? null,
    applicantTypes: rec.DOITUONGTHUCHIEN?.length
      ? rec.DOITUONGTHUCHIEN
      : rec.MOTADOITUONGTHUCHIEN
        ? [rec.MOTADOITUONGTHUCHIEN]
        : [],
    onlineLevel,
    legacyLevel: onlineLevel === 'full' ? 4 : onlineLevel === 'partial' ? 3 : 2,
    steps,
    channels,
    components,
    results: (rec.KETQUATHUCHIEN ?? []).map((r) => ({ code: r.MAKETQUA ?? null, name: r.TENKETQUA })),
    conditions: rec.YEUCAU ?? null,
    legalBasis,
    agencies: {
      implementing:
        (rec.COQUANTHUCHIEN ?? [])
          .map((a) => a.TENDONVI.trim())
          .filter(Boolean)
          .join('; ') || null,
      competent: rec.COQUANCOTHAMQUYEN ?? null,
      delegated: rec.COQUANDUOCUYQUYEN ?? null,
      coordinating: rec.COQUANPHOIHOP ?? null,
      address: rec.DIACHITIEPNHAN ?? null,
    },
    sourceUrl: rec.URLNGUON && /^https?:\/\//.test(rec.URLNGUON) ? rec.URLNGUON : null,
  };
  return { code: rec.MATTHC.trim(), field, content, flags };
}

/** Our content → the national record shape (export for synchronisation, II.1.3). */
export function toNational(
  code: string,
  c: ProcedureContent,
  field: { code: string; name: string; nationalCode: string | null },
): NationalProcedure {
  return {
    MATTHC: code,
    TENTTHC: c.name,
    LINHVUCTHUCHIEN: [{ MALINHVUC: field.nationalCode ?? field.code, TENLINHVUC: field.name }],
    CAPTHUCHIEN: c.levels.map((l) => LEVEL_TO_LABEL[l]),
    LOAITTHC: c.procedureType,
    QUYETDINHCONGBO: c.decision,
    COQUANBANHANH: c.issuingBody,
    DOITUONGTHUCHIEN: c.applicantTypes,
    MOTADOITUONGTHUCHIEN: c.applicantTypes.join(', '),
    MUCDO: c.onlineLevel === 'full' ? 'TOANTRINH' : c.onlineLevel === 'partial' ? 'MOTPHAN' : 'KHONG',
    TRINHTUTHUCHIEN: c.steps.map((s) => ({
      TRUONGHOP: s.case,
      TRINHTU: s.steps.map((t) => ({ TENTRINHTU: t })),
    })),
    CACHTHUCTHUCHIEN: c.channels.map((ch) => ({
      KENH: CHANNEL_TO_LABEL[ch.channel],
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: ch.deadline?.value ?? null,
          DONVITINH: ch.deadline?.unit ? UNIT_TO_LABEL[ch.deadline.unit] : null,
          MOTA: ch.description,
          GHICHUTHOIHAN: ch.deadlineNote,
          PHILEPHI:
            ch.free === true
              ? [
                  { SOTIEN: 0, DONVI: 'VNĐ', MOTA: 'Miễn phí' },
                  ...ch.fees.map((f) => ({ SOTIEN: f.amountVnd ?? 0, DONVI: 'VNĐ', MOTA: f.description })),
                ]
              : ch.fees.map((f) => ({
                  SOTIEN: f.amountVnd,
                  DONVI: f.amountVnd === null ? null : 'VNĐ',
                  MOTA: f.description,
                })),
        },
      ],
    })),
    YEUCAU: c.conditions,
    KETQUATHUCHIEN: c.results.map((r) => ({ MAKETQUA: r.code, TENKETQUA: r.name })),
    CANCUPHAPLY: c.legalBasis.map((l) => ({ SOVANBAN: l.number, TENVANBAN: l.title })),
    COQUANTHUCHIEN: (c.agencies.implementing ?? '')
      .split('; ')
      .filter(Boolean)
      .map((n) => ({ TENDONVI: n })),
    COQUANCOTHAMQUYEN: c.agencies.competent,
    COQUANDUOCUYQUYEN: c.agencies.delegated,
    COQUANPHOIHOP: c.agencies.coordinating,
    DIACHITIEPNHAN: c.agencies.address,
    THANHPHANHOSO: c.components.map((g) => ({
      TRUONGHOP: g.group,
      GIAYTO: g.items.map((p) => ({
        MAGIAYTO: p.code,
        TENGIAYTO: p.name,
        TENMAUDON: p.formName,
        URL: null,
        SOBANCHINH: p.originals,
        SOBANSAO: p.copies,
        MAMAUDON: p.formCode,
        BANDIENTU: p.electronic,
        BATBUOC: p.required,
        DIEUKIEN: p.condition,
      })),
    })),
    URLNGUON: c.sourceUrl,
  };
}

/** Code of the form template a component refers to, from its file name ("Mau A17.doc" → "mau-a17"). */
export function formCodeOf(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{2,5}$/, '');
  return fieldCodeFromName(stem).slice(0, 80).replace(/-+$/, '') || 'mau';
}

function channelOf(label: string): Channel | null {
  const f = foldVietnamese(label);
  if (f.includes('truc tuyen')) return 'online';
  if (f.includes('buu chinh') || f.includes('buu dien')) return 'postal';
  if (f.includes('truc tiep')) return 'counter';
  return null;
}

function toNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v.replace(/[.\s]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
