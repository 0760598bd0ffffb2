import type { Content, TableCell } from 'pdfmake/interfaces.d.ts';
import { vietnamDay } from '../../../domain/dossier-code.ts';
import { BLANK, documentTitle } from '../blocks.ts';
import type { PdfDocument } from '../render.ts';
import type { FormEvent, FormFacts } from './common.ts';
import { agencyHeading, applicantOf, lines, shortTimeText, timeOfDayText } from './common.ts';

export const MAU_05_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

/** Mẫu 05 goes with every dossier from the moment it exists. */
export const controlApplies = () => true;

/** A hand-over: the dossier changed step or holder (a note or a payment on the spot is not one). */
export const handOvers = (f: FormFacts): FormEvent[] =>
  f.events.filter(
    (e, i) => i > 0 && (e.fromStepName !== e.toStepName || e.fromHolderName !== e.toHolderName),
  );

/** Before, on or after the appointment's day, as the form's result column asks. */
export function timeliness(at: Date, appointment: string | null): string {
  if (!appointment) return '';
  const [day, due] = [vietnamDay(at), vietnamDay(new Date(appointment))];
  return day < due ? 'Trước hạn' : day === due ? 'Đúng hạn' : 'Quá hạn';
}

const place = (step: string | null, person: string | null) =>
  `${step ?? BLANK}${person ? `\n(${person})` : ''}`;

function row(e: FormEvent, appointment: string | null): TableCell[] {
  const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
    text,
    fontSize: 10,
    ...extra,
  });
  return [
    cell(
      `1. Giao: ${place(e.fromStepName, e.fromHolderName ?? e.actorName)}\n2. Nhận: ${place(e.toStepName, e.toHolderName)}`,
    ),
    {
      stack: [
        { text: shortTimeText(e.at).replace(', ', ',\n'), fontSize: 10 },
        {
          columns: [
            { text: 'Người giao\n(Ký)', fontSize: 9, alignment: 'center' },
            { text: 'Người nhận\n(Ký)', fontSize: 9, alignment: 'center' },
          ],
          margin: [0, 4, 0, 24],
        },
      ],
    },
    cell(timeliness(e.at, appointment)),
    cell(e.actionLabel),
  ];
}

function handOverTable(f: FormFacts): Content {
  const header = (text: string): TableCell => ({ text, bold: true, fontSize: 9, alignment: 'center' });
  const rows = handOvers(f).map((e) => row(e, f.dossier.appointmentAt));
  const empty: TableCell[] = [BLANK, BLANK, BLANK, BLANK].map((t) => ({ text: t, fontSize: 10 }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [170, 105, 75, '*'],
      body: [
        [
          header('TÊN CƠ QUAN'),
          header('THỜI GIAN GIAO, NHẬN HỒ SƠ'),
          header('KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)'),
          header('GHI CHÚ'),
        ],
        ...(rows.length ? rows : [empty]),
      ],
    },
    margin: [0, 8, 0, 0],
  };
}

/** Mẫu 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, from the dossier's history. */
export function mau05(f: FormFacts): PdfDocument {
  const d = f.dossier;
  const coordinating = [
    ...new Set(f.events.filter((e) => e.action === 'coordinate').map((e) => e.toStepName)),
  ];
  return {
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ — ${d.code}`,
    content: [
      agencyHeading(f.agency),
      documentTitle(MAU_05_TITLE),
      lines([
        { label: 'Mã hồ sơ', value: d.code },
        { label: 'Kèm theo hồ sơ của', value: applicantOf(d) },
        { label: 'Ngày nhận', value: d.receivedAt ? timeOfDayText(d.receivedAt) : null },
        {
          label: 'Ngày, giờ hẹn trả kết quả',
          value: d.appointmentAt ? timeOfDayText(d.appointmentAt) : null,
        },
        {
          label: 'Cơ quan (bộ phận) giải quyết hồ sơ',
          value: d.holderDepartment ? `${d.holderDepartment} - ${d.agencyName}` : d.agencyName,
        },
        { label: 'Cơ quan phối hợp giải quyết hồ sơ', value: coordinating.join('; ') },
      ]),
      handOverTable(f),
    ],
  };
}
