import type { ProcessDefinition, ProcessStep, ProcessTransition } from '../../../src/domain/process.ts';

/**
 * Geometry of a process diagram (TT 22/2019 II.24.1), in diagram units (1 unit = 1 CSS pixel):
 * step boxes, arrows between them (straight, bent apart when several join the same two steps, or a
 * loop when a step returns to itself), arrowheads and label anchors. Pure and deterministic: the same
 * definition gives the same drawing on the server, in the browser and in tests.
 * A step's (x, y) is the top-left corner of its box.
 */

export const STEP_W = 184;
export const STEP_H = 88;
/** Drag and arrow-key moves snap to this grid. */
export const GRID = 10;
/** Margin around the drawing. */
export const PAD = 24;
/** Characters per line of a step name in its box (13 px text in 184 px). */
export const NAME_CHARS = 24;
/** Distance between arrows joining the same two steps. */
const BEND = 40;
const HEAD = 10;

export interface Point {
  x: number;
  y: number;
}

export interface EdgeShape {
  id: string;
  /** SVG path data of the line. */
  d: string;
  /** The arrowhead triangle, as SVG polygon points. */
  head: string;
  /** Where the label is centred. */
  label: Point;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const fmt = (p: Point) => `${round(p.x)} ${round(p.y)}`;

export const snap = (n: number) => Math.round(n / GRID) * GRID;

export function center(s: Pick<ProcessStep, 'x' | 'y'>): Point {
  return { x: s.x + STEP_W / 2, y: s.y + STEP_H / 2 };
}

/** Where the ray from the centre of `s` towards `toward` leaves its box. */
export function boxExit(s: Pick<ProcessStep, 'x' | 'y'>, toward: Point): Point {
  const c = center(s);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const tx = dx === 0 ? Infinity : STEP_W / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : STEP_H / 2 / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

function arrowHead(tip: Point, from: Point): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const base = { x: tip.x - ux * HEAD, y: tip.y - uy * HEAD };
  const half = HEAD * 0.55;
  const a = { x: base.x - uy * half, y: base.y + ux * half };
  const b = { x: base.x + uy * half, y: base.y - ux * half };
  return [tip, a, b].map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
}

/** The loop of a transition from a step to itself, above the box; `k` stacks several loops. */
function loopShape(t: ProcessTransition, s: ProcessStep, k: number): EdgeShape {
  const c = center(s);
  const h = 44 + k * 26;
  const start = { x: c.x - 26, y: s.y };
  const end = { x: c.x + 26, y: s.y };
  const c1 = { x: c.x - 56, y: s.y - h };
  const c2 = { x: c.x + 56, y: s.y - h };
  return {
    id: t.id,
    d: `M ${fmt(start)} C ${fmt(c1)} ${fmt(c2)} ${fmt(end)}`,
    head: arrowHead(end, c2),
    label: { x: c.x, y: s.y - h * 0.75 - 4 },
  };
}

/**
 * The arrows of `def`, in the order of its transitions. Arrows whose ends are not (yet) steps are
 * left out (the text list still names them). Arrows joining the same two steps, in either direction,
 * bend apart so that each stays visible with its label.
 */
export function edgeShapes(def: Pick<ProcessDefinition, 'steps' | 'transitions'>): EdgeShape[] {
  const steps = new Map(def.steps.map((s) => [s.id, s]));
  const pairs = new Map<string, string[]>();
  const loops = new Map<string, string[]>();
  for (const t of def.transitions) {
    if (!steps.has(t.from) || !steps.has(t.to)) continue;
    if (t.from === t.to) {
      loops.set(t.from, [...(loops.get(t.from) ?? []), t.id]);
      continue;
    }
    const key = t.from < t.to ? `${t.from}\u0000${t.to}` : `${t.to}\u0000${t.from}`;
    pairs.set(key, [...(pairs.get(key) ?? []), t.id]);
  }
  const out: EdgeShape[] = [];
  for (const t of def.transitions) {
    const a = steps.get(t.from);
    const b = steps.get(t.to);
    if (!a || !b) continue;
    if (a === b) {
      out.push(loopShape(t, a, (loops.get(a.id) ?? []).indexOf(t.id)));
      continue;
    }
    const key = t.from < t.to ? `${t.from}\u0000${t.to}` : `${t.to}\u0000${t.from}`;
    const group = pairs.get(key) ?? [t.id];
    // Offsets are measured along the normal of the pair's canonical direction (lower id to higher),
    // so A→B and B→A get different sides.
    const offset = (group.indexOf(t.id) - (group.length - 1) / 2) * BEND;
    const ca = center(a);
    const cb = center(b);
    const [lo, hi] = t.from < t.to ? [ca, cb] : [cb, ca];
    const mid = { x: (ca.x + cb.x) / 2, y: (ca.y + cb.y) / 2 };
    const len = Math.hypot(hi.x - lo.x, hi.y - lo.y) || 1;
    const nx = -(hi.y - lo.y) / len;
    const ny = (hi.x - lo.x) / len;
    if (offset === 0) {
      const start = boxExit(a, cb);
      const end = boxExit(b, ca);
      out.push({
        id: t.id,
        d: `M ${fmt(start)} L ${fmt(end)}`,
        head: arrowHead(end, start),
        label: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 },
      });
      continue;
    }
    // A quadratic curve whose middle passes `offset` away from the straight line.
    const ctrl = { x: mid.x + nx * offset * 2, y: mid.y + ny * offset * 2 };
    const start = boxExit(a, ctrl);
    const end = boxExit(b, ctrl);
    out.push({
      id: t.id,
      d: `M ${fmt(start)} Q ${fmt(ctrl)} ${fmt(end)}`,
      head: arrowHead(end, ctrl),
      label: {
        x: 0.25 * start.x + 0.5 * ctrl.x + 0.25 * end.x,
        y: 0.25 * start.y + 0.5 * ctrl.y + 0.25 * end.y,
      },
    });
  }
  return out;
}

/** Rough width of a label in 12 px text (for its background and the drawing's bounds). */
export function labelWidth(text: string): number {
  return Math.round(text.length * 6.4 + 10);
}

/** The area the drawing needs: every box, arrow label and loop, plus the margin. */
export function diagramBounds(
  def: Pick<ProcessDefinition, 'steps' | 'transitions'>,
  edges: readonly EdgeShape[] = edgeShapes(def),
  labels: ReadonlyMap<string, string> = new Map(),
): Bounds {
  if (def.steps.length === 0) return { x: 0, y: 0, width: 320, height: 160 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x1: number, y1: number, x2: number, y2: number) => {
    minX = Math.min(minX, x1);
    minY = Math.min(minY, y1);
    maxX = Math.max(maxX, x2);
    maxY = Math.max(maxY, y2);
  };
  // Count badges sit on the top edge of a box, half outside.
  for (const s of def.steps) grow(s.x, s.y - 12, s.x + STEP_W, s.y + STEP_H);
  for (const e of edges) {
    const w = labelWidth(labels.get(e.id) ?? '') / 2;
    grow(e.label.x - w, e.label.y - 12, e.label.x + w, e.label.y + 12);
  }
  const x = Math.floor(minX - PAD);
  const y = Math.floor(minY - PAD);
  return { x, y, width: Math.ceil(maxX + PAD) - x, height: Math.ceil(maxY + PAD) - y };
}

/** Splits a step name into at most `lines` lines of about `chars` characters, ending with "…" if cut. */
export function wrapText(text: string, chars = NAME_CHARS, lines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    if (out.length === lines) break;
    line = word.length > chars ? `${word.slice(0, chars - 1)}…` : word;
  }
  if (out.length < lines && line) {
    out.push(line);
    line = '';
  }
  const cut = i < words.length || line !== '';
  if (cut && out.length > 0) {
    const last = out[out.length - 1] ?? '';
    out[out.length - 1] = last.endsWith('…') ? last : `${last.slice(0, chars - 1).trimEnd()}…`;
  }
  return out;
}

/** The step whose box contains the point, the topmost (last drawn) first; undefined when none. */
export function stepAt(steps: readonly ProcessStep[], p: Point): ProcessStep | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s && p.x >= s.x && p.x <= s.x + STEP_W && p.y >= s.y && p.y <= s.y + STEP_H) return s;
  }
  return undefined;
}

/** A free place for a new step: right of the rightmost box on the top row, or the start. */
export function freeSpot(steps: readonly ProcessStep[]): Point {
  if (steps.length === 0) return { x: 40, y: 40 };
  const right = Math.max(...steps.map((s) => s.x));
  const top = Math.min(...steps.map((s) => s.y));
  return { x: snap(right + STEP_W + 60), y: snap(top) };
}
