import type { ProcessingRow } from '../../src/modules/reports/schema.ts';

/**
 * Hand-built dossiers for the report tests (test/api/reports.test.ts) with chosen receipt,
 * appointment and end times, and the report's columns computed straight from them by their
 * definitions (II.13.1; QĐ 766: finished at or before the appointment is on time).
 */

export interface Spec {
  name: string;
  agency: 'main' | 'child' | 'other';
  channel: 'counter' | 'online';
  received: string;
  appointment: string | null;
  ended: string | null;
  status: string;
}

export const at = (s: string) => new Date(`${s}+07:00`);
export const day = (s: string) => s.slice(0, 10);
export const STOPPED = ['dung_xu_ly', 'cong_dan_yeu_cau_rut', 'khong_duoc_tiep_nhan'];

export const SPECS: Spec[] = [
  {
    name: 'd1',
    agency: 'main',
    channel: 'counter',
    received: '2025-10-20T09:00:00',
    appointment: '2025-10-25T17:00:00',
    ended: null,
    status: 'dang_xu_ly',
  },
  {
    name: 'd2',
    agency: 'main',
    channel: 'online',
    received: '2025-10-25T09:00:00',
    appointment: '2025-11-05T17:00:00',
    ended: '2025-11-04T10:00:00',
    status: 'da_tra_ket_qua',
  },
  {
    name: 'd3',
    agency: 'main',
    channel: 'counter',
    received: '2025-11-03T09:00:00',
    appointment: '2025-11-10T17:00:00',
    ended: '2025-11-10T16:00:00',
    status: 'da_xu_ly_xong',
  },
  {
    name: 'd4',
    agency: 'child',
    channel: 'online',
    received: '2025-11-05T09:00:00',
    appointment: '2025-11-12T17:00:00',
    ended: '2025-11-14T08:00:00',
    status: 'da_tra_ket_qua',
  },
  {
    name: 'd5',
    agency: 'child',
    channel: 'counter',
    received: '2025-11-20T09:00:00',
    appointment: '2025-12-05T17:00:00',
    ended: null,
    status: 'dang_xu_ly',
  },
  {
    name: 'd6',
    agency: 'main',
    channel: 'counter',
    received: '2025-11-06T09:00:00',
    appointment: '2025-11-20T17:00:00',
    ended: '2025-11-25T10:00:00',
    status: 'dung_xu_ly',
  },
  {
    name: 'd7',
    agency: 'main',
    channel: 'counter',
    received: '2025-10-01T09:00:00',
    appointment: null,
    ended: '2025-10-05T10:00:00',
    status: 'da_tra_ket_qua',
  },
  {
    name: 'd8',
    agency: 'child',
    channel: 'counter',
    received: '2025-12-02T09:00:00',
    appointment: '2025-12-09T17:00:00',
    ended: null,
    status: 'dang_xu_ly',
  },
  {
    name: 'd9',
    agency: 'main',
    channel: 'counter',
    received: '2025-11-10T09:00:00',
    appointment: '2025-11-15T17:00:00',
    ended: '2025-12-03T09:00:00',
    status: 'da_xu_ly_xong',
  },
  {
    name: 'd10',
    agency: 'main',
    channel: 'online',
    received: '2025-10-10T09:00:00',
    appointment: '2025-10-15T17:00:00',
    ended: '2025-11-02T11:00:00',
    status: 'cong_dan_yeu_cau_rut',
  },
  {
    name: 'd11',
    agency: 'other',
    channel: 'counter',
    received: '2025-11-05T09:00:00',
    appointment: '2025-11-12T17:00:00',
    ended: null,
    status: 'dang_xu_ly',
  },
];

/** The report's columns for [from, to] computed straight from the specs, by their definitions. */
export function expected(
  specs: readonly Spec[],
  from: string,
  to: string,
): Omit<ProcessingRow, 'key' | 'label'> {
  const before = (t: string | null, d: string) => t !== null && day(t) < d;
  const within = (t: string | null) => t !== null && day(t) >= from && day(t) <= to;
  const afterTo = (d: string) => d > to;
  const n = (f: (s: Spec) => boolean) => specs.filter(f).length;
  const finished = (s: Spec) => !STOPPED.includes(s.status) && within(s.ended);
  const carriedOver = n((s) => before(s.received, from) && !before(s.ended, from));
  const received = n((s) => within(s.received));
  const early = n((s) => finished(s) && s.appointment !== null && day(s.ended!) < day(s.appointment));
  const onTime = n(
    (s) =>
      finished(s) &&
      (s.appointment === null || (at(s.ended!) <= at(s.appointment) && day(s.ended!) === day(s.appointment))),
  );
  const late = n((s) => finished(s) && s.appointment !== null && at(s.ended!) > at(s.appointment));
  const pending = specs.filter(
    (s) => !afterTo(day(s.received)) && (s.ended === null || afterTo(day(s.ended))),
  );
  const overdue = pending.filter((s) => s.appointment !== null && !afterTo(day(s.appointment))).length;
  const resolved = early + onTime + late;
  return {
    carriedOver,
    received,
    receivedOnline: n((s) => within(s.received) && s.channel === 'online'),
    total: carriedOver + received,
    resolved,
    resolvedEarly: early,
    resolvedOnTime: onTime,
    resolvedLate: late,
    cancelled: n((s) => STOPPED.includes(s.status) && within(s.ended)),
    pendingOnTime: pending.length - overdue,
    pendingOverdue: overdue,
    onTimeRate: resolved > 0 ? Math.round(((early + onTime) * 1000) / resolved) / 10 : null,
  };
}

export const numbers = ({ key: _k, label: _l, ...rest }: ProcessingRow) => rest;
