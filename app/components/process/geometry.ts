import type { ProcessDefinition, ProcessStep, ProcessTransition } from '../../../src/domain/process.ts';

/**
 * Geometry of a process diagram (TT 22/2019 II.24.1), in diagram units (1 unit = 1 CSS pixel):
 * step boxes, arrows between them (straight, bent apart when several join the same two steps, or a
 * loop when a step returns to itself), arrowheads and label anchors. Pure and deterministic: the same
 * definition gives the same drawing on the server, in the browser and in tests.
 * A step's (x, y) is the top-left corner of its box.
 */

export const STEP_W = 160;
export const STEP_H = 84;
/** Drag and arrow-key moves snap to this grid. */
export const GRID = 10;
/** Margin around the drawing. */
export const PAD = 24;
/** Characters per line of a step name in its box (12 px semibold text in 160 px). */
export const NAME_CHARS = 20;
/** Characters per line of an arrow's label (11 px text), on at most LABEL_LINES lines. */
export const LABEL_CHARS = 17;
export const LABEL_LINES = 3;
export const LABEL_LINE_H = 13;
/** Distance between parallel arrows joining the same two steps. */
const BEND = 26;
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

/** Where the segment p→q leaves the box of `s` (p itself when p is outside the box). */
function leaveBox(s: Pick<ProcessStep, 'x' | 'y'>, p: Point, q: Point): Point {
  const [x0, x1, y0, y1] = [s.x, s.x + STEP_W, s.y, s.y + STEP_H];
  if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) return p;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (x1 - p.x) / dx);
  if (dx < 0) t = Math.min(t, (x0 - p.x) / dx);
  if (dy > 0) t = Math.min(t, (y1 - p.y) / dy);
  if (dy < 0) t = Math.min(t, (y0 - p.y) / dy);
  return { x: p.x + dx * t, y: p.y + dy * t };
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

/** Whether the path `at(0..1)` of about `length` units passes through one of `boxes` (with a margin). */
function crosses(at: (u: number) => Point, length: number, boxes: readonly ProcessStep[]): boolean {
  const n = Math.max(2, Math.ceil(length / 8));
  for (let k = 1; k < n; k++) {
    const p = at(k / n);
    for (const s of boxes)
      if (p.x > s.x - 6 && p.x < s.x + STEP_W + 6 && p.y > s.y - 6 && p.y < s.y + STEP_H + 6) return true;
  }
  return false;
}

/** Bends tried, in units along the normal, when a straight arrow would run through another step. */
const DETOURS = [70, -70, 140, -140, 210, -210, 300, -300];

/**
 * An arrow that would cross another step's box, drawn as a curve bent to one side far enough to pass
 * around it (forward arrows try one side first, arrows going back the other), deterministic.
 */
function detour(
  id: string,
  a: ProcessStep,
  b: ProcessStep,
  pa: Point,
  pb: Point,
  offset: number,
  forward: boolean,
  at: number,
  others: readonly ProcessStep[],
): EdgeShape {
  const len = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
  // The canonical normal (lower id to higher), whatever the arrow's direction.
  const sign = forward ? 1 : -1;
  const ux = (-(pb.y - pa.y) / len) * sign;
  const uy = ((pb.x - pa.x) / len) * sign;
  const mid = { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
  let shape: { start: Point; ctrl: Point; end: Point } | undefined;
  for (const k of DETOURS) {
    const bend = (k * sign + offset) * 2;
    const ctrl = { x: mid.x + ux * bend, y: mid.y + uy * bend };
    const start = leaveBox(a, pa, ctrl);
    const end = leaveBox(b, pb, ctrl);
    shape = { start, ctrl, end };
    const curve = (u: number) => quad(start, ctrl, end, u);
    if (!crosses(curve, len + Math.abs(bend), others)) break;
  }
  const { start, ctrl, end } = shape ?? { start: pa, ctrl: mid, end: pb };
  return {
    id,
    d: `M ${fmt(start)} Q ${fmt(ctrl)} ${fmt(end)}`,
    head: arrowHead(end, ctrl),
    label: quad(start, ctrl, end, at),
  };
}

function quad(p0: Point, p1: Point, p2: Point, u: number): Point {
  const v = 1 - u;
  return {
    x: v * v * p0.x + 2 * v * u * p1.x + u * u * p2.x,
    y: v * v * p0.y + 2 * v * u * p1.y + u * u * p2.y,
  };
}

/**
 * The arrows of `def`, in the order of its transitions. Arrows whose ends are not (yet) steps are
 * left out (the text list still names them). Arrows joining the same two steps, in either direction,
 * run parallel, apart, with their labels staggered, so that each stays visible.
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
    const i = group.indexOf(t.id);
    const n = group.length;
    // Parallel lines, spread along the normal of the pair's canonical direction (lower id to higher)
    // so that A→B and B→A get different sides, and kept within the height of a box.
    const spread = n > 1 ? Math.min(BEND, (STEP_H - 14) / (n - 1)) : 0;
    const offset = (i - (n - 1) / 2) * spread;
    const ca = center(a);
    const cb = center(b);
    const forward = t.from < t.to;
    const [lo, hi] = forward ? [ca, cb] : [cb, ca];
    const len = Math.hypot(hi.x - lo.x, hi.y - lo.y) || 1;
    const nx = (-(hi.y - lo.y) / len) * offset;
    const ny = ((hi.x - lo.x) / len) * offset;
    const pa = { x: ca.x + nx, y: ca.y + ny };
    const pb = { x: cb.x + nx, y: cb.y + ny };
    // Labels of arrows sharing a pair are staggered along the lines so they do not sit on each other.
    const along = n > 1 ? (i + 1) / (n + 1) : 0.5;
    const at = forward ? along : 1 - along;
    const others = def.steps.filter((s) => s !== a && s !== b);
    const start = leaveBox(a, pa, pb);
    const end = leaveBox(b, pb, pa);
    const straight = (u: number) => ({
      x: start.x + (end.x - start.x) * u,
      y: start.y + (end.y - start.y) * u,
    });
    if (!crosses(straight, Math.hypot(end.x - start.x, end.y - start.y), others)) {
      out.push({
        id: t.id,
        d: `M ${fmt(start)} L ${fmt(end)}`,
        head: arrowHead(end, start),
        label: straight(at),
      });
      continue;
    }
    out.push(detour(t.id, a, b, pa, pb, offset, forward, at, others));
  }
  return out;
}

/** Rough width of one line of text of `px` pixels (Vietnamese averages ~0.55 em a character). */
export function textWidth(text: string, px = 12): number {
  return Math.round(text.length * px * 0.55 + 10);
}

/** An arrow's label on its lines, and the size of its background. */
export function labelBox(text: string): { lines: string[]; width: number; height: number } {
  const lines = wrapText(text, LABEL_CHARS, LABEL_LINES);
  const width = Math.max(...lines.map((l) => textWidth(l, 11)), 20);
  return { lines, width, height: lines.length * LABEL_LINE_H + 6 };
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
    const b = labelBox(labels.get(e.id) ?? '');
    grow(
      e.label.x - b.width / 2,
      e.label.y - b.height / 2,
      e.label.x + b.width / 2,
      e.label.y + b.height / 2,
    );
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
