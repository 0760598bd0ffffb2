import type { Column, Content } from 'pdfmake/interfaces.d.ts';
import { formatDate, formatDateTime } from '../../../domain/datetime.ts';
import type { DossierDetail } from '../../dossiers/schema.ts';
import { BLANK, labelValues, nationalHeading } from '../blocks.ts';
import type { LabelValue } from '../blocks.ts';

/** What the standard forms of a dossier are filled from (gathered once by facts.ts). */
export interface FormFacts {
  dossier: DossierDetail;
  /** The dossier's history without comments, in order, with what each step recorded. */
  events: readonly FormEvent[];
  /** The agency that received the dossier. */
  agency: AgencyFacts;
  /** The legal time to settle the procedure, in words ("5 ngày làm việc"); null when it has none. */
  deadline: string | null;
  /** The signed tracking link (the receipt's QR code). */
  trackingUrl: string;
  /** The portal's address, where the applicant finds the rules (help lines of Mẫu 02, 03). */
  portalUrl: string;
  now: Date;
}

export interface AgencyFacts {
  name: string;
  /** The governing body (the parent agency), first line of the heading. */
  parentName: string | null;
  phone: string | null;
  /** The place name of the place-and-date line ("Thanh Hóa"); null leaves it to the hand. */
  place: string | null;
}

export interface FormEvent {
  seq: number;
  at: Date;
  action: string;
  actionLabel: string;
  actorName: string;
  fromStepName: string | null;
  toStepName: string;
  fromHolderName: string | null;
  toHolderName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Parts of an instant in Vietnam's time zone. */
function vnParts(at: Date | string) {
  const [date = '', time = ''] = formatDateTime(at).split(' ');
  const [day, month, year] = date.split('/');
  const [hour, minute] = time.split(':');
  return { day, month, year, hour, minute };
}

/** "14 giờ 05 phút, ngày 04 tháng 12 năm 2026", as the forms write a time; blank when unknown. */
export function timeOfDayText(at: Date | string | null): string {
  if (!at) return `${BLANK} giờ ${BLANK} phút, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const p = vnParts(at);
  return `${p.hour} giờ ${p.minute} phút, ${dayText(at)}`;
}

/** "ngày 04 tháng 12 năm 2026"; blank when unknown. */
export function dayText(at: Date | string | null): string {
  if (!at) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const p = vnParts(at);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "14 giờ 05 phút, ngày 04/12/2026": the short form, for table cells. */
export function shortTimeText(at: Date | string): string {
  const p = vnParts(at);
  return `${p.hour} giờ ${p.minute} phút, ngày ${formatDate(at)}`;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The heading of an agency's form: governing body, agency, "Số: …" on the left; the national motto right. */
export function agencyHeading(agency: AgencyFacts, numberSuffix = ''): Content {
  const lines = [agency.parentName, agency.name].filter((x): x is string => Boolean(x)).map(upper);
  return nationalHeading([...lines, `Số: ${BLANK}${numberSuffix}`]);
}

/** Who the applicant is: the organisation's name when it is one, else the person's. */
export const applicantOf = (d: DossierDetail) => d.applicant.orgName ?? d.applicant.fullName;

/** The applicant's contact lines every form repeats. */
export function applicantLines(d: DossierDetail, who: string): LabelValue[] {
  return [
    { label: who, value: applicantOf(d) },
    { label: 'Địa chỉ', value: d.applicant.address },
    { label: 'Số điện thoại', value: d.applicant.phone },
    { label: 'Email', value: d.applicant.email },
  ];
}

/** "Nội dung yêu cầu giải quyết": what the applicant asked, or the procedure when they wrote nothing. */
export const requestText = (d: DossierDetail) => d.summary.trim() || d.procedureName;

export const lines = (rows: LabelValue[]): Content => labelValues(rows);

export const paragraph = (text: string | Content[], extra: Record<string, unknown> = {}): Content => ({
  text,
  margin: [0, 0, 0, 4],
  alignment: 'justify',
  ...extra,
});

/** Two signatures side by side (applicant and official); the names printed when known. */
export function twoSignatures(
  left: { role: string; name: string | null },
  right: { role: string; name: string | null },
): Content {
  const block = (s: { role: string; name: string | null }): Column => ({
    width: '50%',
    stack: [
      { text: s.role, bold: true },
      { text: '(Ký và ghi rõ họ tên)', italics: true, fontSize: 11 },
      { text: s.name ?? '', bold: true, margin: [0, 40, 0, 0] },
    ],
    alignment: 'center',
  });
  return { columns: [block(left), block(right)], columnGap: 8, unbreakable: true, margin: [0, 6, 0, 0] };
}

/** Every event of `action`, in order: the occurrences of a form printed once per event (Mẫu 02, 03). */
export const eventsOf = (f: FormFacts, action: string): FormEvent[] =>
  f.events.filter((e) => e.action === action);

/** The latest event of one of `actions`, or null. */
export function lastEvent(f: FormFacts, ...actions: string[]): FormEvent | null {
  return [...f.events].reverse().find((e) => actions.includes(e.action)) ?? null;
}

/** The help line of Mẫu 02 and 03: where to read the rules and whom to call. */
export function helpLine(f: FormFacts, official: string | null): Content {
  return paragraph([
    'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể tra cứu các quy định về thủ tục ' +
      'hành chính tại Website: ',
    // An address cut at its slashes cannot be typed back.
    { text: f.portalUrl, noWrap: true },
    ` hoặc liên hệ với công chức ${official ?? BLANK}, số điện thoại ${f.agency.phone ?? BLANK} để được hướng dẫn./.`,
  ]);
}
