import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';

/**
 * Geometry of the status transition chart (TT 22/2019 II.4.2, II.24.1), in CSS pixels: a fixed,
 * hand-placed layout (the chart is fixed by law, so positions are data), straight or bent arrows
 * clipped to the box edges, a loop for "still being processed", and the withdrawal drawn as a bar
 * under the chart that every open status drops into. Pure and deterministic.
 */

export const BOX_W = 132;
export const BOX_H = 66;
const START_W = 96;
const START_H = 44;
const PAD = 16;
const BAR_H = 44;

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox {
  /** A status, or 'entry' for where a new dossier comes from. */
  id: DossierStatus | 'entry';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A transition of the chart: from null is where a new dossier enters. */
export interface Arrow {
  from: DossierStatus | null;
  to: DossierStatus;
}

export interface EdgeShape {
  from: DossierStatus | null;
  to: DossierStatus;
  /** SVG path data; the arrowhead is a marker at its end. */
  d: string;
}

/** Centres of the boxes. Main line left to right; refusals and stops above; supplements and fees below. */
const CENTRE: Readonly<Record<DossierStatus | 'entry', Point>> = {
  entry: { x: 56, y: 195 },
  moi_dang_ky: { x: 186, y: 195 },
  duoc_tiep_nhan: { x: 356, y: 195 },
  dang_xu_ly: { x: 526, y: 195 },
  da_xu_ly_xong: { x: 696, y: 195 },
  da_tra_ket_qua: { x: 866, y: 195 },
  khong_duoc_tiep_nhan: { x: 441, y: 50 },
  dung_xu_ly: { x: 696, y: 50 },
  yeu_cau_bo_sung: { x: 271, y: 340 },
  da_bo_sung: { x: 441, y: 340 },
  yeu_cau_nghia_vu_tai_chinh: { x: 611, y: 340 },
  // The withdrawal bar spans the open statuses; its centre is computed below.
  cong_dan_yeu_cau_rut: { x: 0, y: 470 },
};

/** Arrows bent off the straight line (positive: to the left of the direction of travel). */
const BEND: Readonly<Record<string, number>> = {
  '>duoc_tiep_nhan': -48,
  '>khong_duoc_tiep_nhan': 24,
  'dang_xu_ly>yeu_cau_nghia_vu_tai_chinh': 14,
  'yeu_cau_nghia_vu_tai_chinh>dang_xu_ly': 14,
};

const key = (from: DossierStatus | null, to: DossierStatus) => `${from ?? ''}>${to}`;
const round = (n: number) => Math.round(n * 10) / 10;
const fmt = (p: Point) => `${round(p.x)} ${round(p.y)}`;

/** The boxes of the chart; the withdrawal bar runs under every status that may be withdrawn. */
export function nodeBoxes(transitions: readonly Arrow[]): NodeBox[] {
  const boxes: NodeBox[] = [];
  const xs = transitions.flatMap((t) =>
    t.to === 'cong_dan_yeu_cau_rut' && t.from ? [CENTRE[t.from].x] : [],
  );
  const left = Math.min(...xs) - 30;
  const right = Math.max(...xs) + 30;
  for (const [id, c] of Object.entries(CENTRE) as [DossierStatus | 'entry', Point][]) {
    if (id === 'cong_dan_yeu_cau_rut') {
      boxes.push({ id, x: left, y: c.y - BAR_H / 2, width: right - left, height: BAR_H });
      continue;
    }
    const [w, h] = id === 'entry' ? [START_W, START_H] : [BOX_W, BOX_H];
    boxes.push({ id, x: c.x - w / 2, y: c.y - h / 2, width: w, height: h });
  }
  return boxes;
}

const centreOf = (b: NodeBox): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Where the ray from the centre of `b` towards `toward` leaves the box. */
export function boxExit(b: NodeBox, toward: Point): Point {
  const c = centreOf(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const tx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** One arrow per transition, in the order of the chart. */
export function edgeShapes(transitions: readonly Arrow[], boxes: readonly NodeBox[]): EdgeShape[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const boxOf = (id: DossierStatus | 'entry') => {
    const box = byId.get(id);
    if (!box) throw new Error(`No box for ${id}`);
    return box;
  };
  return transitions.map((t) => {
    const a = boxOf(t.from ?? 'entry');
    const b = boxOf(t.to);
    if (a === b) {
      // Still being processed: a loop over the top of the box.
      const top = a.y;
      const cx = a.x + a.width / 2;
      const d = `M ${fmt({ x: cx - 22, y: top })} C ${fmt({ x: cx - 46, y: top - 48 })} ${fmt({ x: cx + 46, y: top - 48 })} ${fmt({ x: cx + 22, y: top })}`;
      return { from: t.from, to: t.to, d };
    }
    if (t.to === 'cong_dan_yeu_cau_rut') {
      // Straight down into the withdrawal bar.
      const x = a.x + a.width / 2;
      return { from: t.from, to: t.to, d: `M ${fmt({ x, y: a.y + a.height })} L ${fmt({ x, y: b.y })}` };
    }
    const ca = centreOf(a);
    const cb = centreOf(b);
    const bend = BEND[key(t.from, t.to)] ?? 0;
    if (bend === 0) {
      return { from: t.from, to: t.to, d: `M ${fmt(boxExit(a, cb))} L ${fmt(boxExit(b, ca))}` };
    }
    const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
    const normal = { x: (cb.y - ca.y) / len, y: -(cb.x - ca.x) / len };
    // A quadratic curve whose middle passes `bend` pixels off the straight line.
    const ctrl = { x: (ca.x + cb.x) / 2 + normal.x * bend * 2, y: (ca.y + cb.y) / 2 + normal.y * bend * 2 };
    return {
      from: t.from,
      to: t.to,
      d: `M ${fmt(boxExit(a, ctrl))} Q ${fmt(ctrl)} ${fmt(boxExit(b, ctrl))}`,
    };
  });
}

/** The size of the drawing: every box and loop, plus the margin (the origin stays at 0, 0). */
export function diagramSize(boxes: readonly NodeBox[]): { width: number; height: number } {
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { width: Math.ceil(right + PAD), height: Math.ceil(bottom + PAD) };
}

/** Splits a label into lines of about `chars` characters, at spaces. */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
