import { useRef, useState } from 'react';
import type { Dispatch, KeyboardEvent, PointerEvent } from 'react';
import type { ProcessDefinition, ProcessStep } from '../../../src/domain/process.ts';
import { EdgeGraphic, StepShape, stepVisibleText } from './DiagramParts.tsx';
import type { EditorAction, Selection } from './editor-state.ts';
import { diagramBounds, edgeShapes, GRID, STEP_H, STEP_W, stepAt } from './geometry.ts';
import type { Bounds, Point } from './geometry.ts';
import type { ProcessWords } from './words.ts';

type Drag =
  | { kind: 'move'; id: string; dx: number; dy: number; start: Point; moved: boolean; box: Bounds }
  | { kind: 'connect'; from: string; start: Point; at: Point; box: Bounds };

interface Props {
  def: ProcessDefinition;
  selected: Selection | null;
  /** Steps and arrows a validation problem names (marked on the drawing). */
  problemSteps: ReadonlySet<string>;
  words: ProcessWords;
  dispatch: Dispatch<EditorAction>;
  /** Delete was pressed on a step or arrow: the editor asks for confirmation. */
  onDelete: (selection: Selection) => void;
  labelId: string;
  helpId: string;
}

/** Room to drag into, right of and below the drawing. */
const ROOM_X = 260;
const ROOM_Y = 160;
/** The connect handle sits on the right edge, below where straight arrows leave. */
const HANDLE_UP = 16;
/** Ids of the text version's items (ProcessTextList idPrefix), which describe steps and arrows. */
export const TEXT_ID = 'pd-text-';

const isSel = (s: Selection | null, kind: Selection['kind'], id: string) => s?.kind === kind && s.id === id;

/**
 * The designer's drawing (TT 22/2019 II.3.1, II.24.1), with pointer events and the keyboard: drag a
 * step to move it, drag from the round handle on its right to another step to connect them; Tab
 * goes through steps and arrows (focus selects), arrow keys move the selected step by one grid cell
 * (five with Shift), Delete asks to delete. Everything here can also be done in the properties panel.
 */
export function Canvas({ def, selected, problemSteps, words, dispatch, onDelete, labelId, helpId }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const edges = edgeShapes(def);
  const labels = new Map(def.transitions.map((t) => [t.id, words.arrow(t)]));
  const natural = diagramBounds(def, edges, labels);
  const x = Math.min(natural.x, 0);
  const y = Math.min(natural.y, 0);
  const roomy: Bounds = {
    x,
    y,
    width: natural.x + natural.width + ROOM_X - x,
    height: natural.y + natural.height + ROOM_Y - y,
  };
  // While dragging, the frame keeps its size so the pointer and the drawing stay in step.
  const box = drag?.box ?? roomy;
  const byId = new Map(def.transitions.map((t) => [t.id, t]));
  const names = new Map(def.steps.map((s) => [s.id, s.name]));

  const toDiagram = (e: { clientX: number; clientY: number }): Point => {
    const ctm = svgRef.current?.getScreenCTM();
    if (!ctm) return { x: e.clientX, y: e.clientY };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const capture = (e: PointerEvent) => svgRef.current?.setPointerCapture(e.pointerId);

  const startMove = (e: PointerEvent<SVGGElement>, s: ProcessStep) => {
    if (e.button !== 0) return;
    e.currentTarget.focus({ preventScroll: true });
    dispatch({ type: 'select', selection: { kind: 'step', id: s.id } });
    const p = toDiagram(e);
    setDrag({ kind: 'move', id: s.id, dx: p.x - s.x, dy: p.y - s.y, start: p, moved: false, box });
    capture(e);
  };
  const startConnect = (e: PointerEvent<SVGCircleElement>, s: ProcessStep) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const start = { x: s.x + STEP_W, y: s.y + STEP_H - HANDLE_UP };
    setDrag({ kind: 'connect', from: s.id, start, at: toDiagram(e), box });
    capture(e);
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const p = toDiagram(e);
    if (drag.kind === 'connect') {
      setDrag({ ...drag, at: p });
      return;
    }
    if (!drag.moved && Math.hypot(p.x - drag.start.x, p.y - drag.start.y) < 3) return;
    if (!drag.moved) setDrag({ ...drag, moved: true });
    dispatch({ type: 'move', id: drag.id, x: p.x - drag.dx, y: p.y - drag.dy });
  };
  const onUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    if (drag.kind === 'connect') {
      const target = stepAt(def.steps, toDiagram(e));
      if (target && target.id !== drag.from) dispatch({ type: 'connect', from: drag.from, to: target.id });
    }
    setDrag(null);
    if (svgRef.current?.hasPointerCapture(e.pointerId)) svgRef.current.releasePointerCapture(e.pointerId);
  };

  const stepKeys = (e: KeyboardEvent<SVGGElement>, s: ProcessStep) => {
    const step = e.shiftKey ? GRID * 5 : GRID;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      dispatch({ type: 'nudge', id: s.id, dx: m[0], dy: m[1] });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onDelete({ kind: 'step', id: s.id });
    }
  };

  return (
    <div className="process-scroll">
      <svg
        ref={svgRef}
        className={`process-svg pd-canvas${drag ? ' pd-dragging' : ''}`}
        role="group"
        aria-labelledby={labelId}
        aria-describedby={helpId}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        width={box.width}
        height={box.height}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => setDrag(null)}
        data-testid="process-canvas"
      >
        <rect
          className="pd-paper"
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          onPointerDown={() => dispatch({ type: 'select', selection: null })}
        />
        {def.steps.map((s) => (
          <g
            key={s.id}
            tabIndex={0}
            role="button"
            aria-pressed={isSel(selected, 'step', s.id)}
            aria-label={words.t('pr.stepAria', { text: stepVisibleText(s, words) })}
            aria-describedby={`${TEXT_ID}${s.id}`}
            data-step={s.id}
            onPointerDown={(e) => startMove(e, s)}
            onFocus={() => {
              if (!isSel(selected, 'step', s.id))
                dispatch({ type: 'select', selection: { kind: 'step', id: s.id } });
            }}
            onKeyDown={(e) => stepKeys(e, s)}
          >
            <StepShape
              step={s}
              words={words}
              selected={isSel(selected, 'step', s.id)}
              problem={problemSteps.has(s.id)}
            />
          </g>
        ))}
        {edges.map((edge) => {
          const t = byId.get(edge.id);
          if (!t) return null;
          const select = () => dispatch({ type: 'select', selection: { kind: 'transition', id: t.id } });
          return (
            <g
              key={edge.id}
              tabIndex={0}
              role="button"
              aria-pressed={isSel(selected, 'transition', t.id)}
              aria-label={words.t('pr.edgeAria', {
                label: words.arrow(t),
                from: names.get(t.from) ?? t.from,
                to: names.get(t.to) ?? t.to,
              })}
              aria-describedby={`${TEXT_ID}${t.id}`}
              data-transition={t.id}
              onPointerDown={(e) => {
                if (e.button === 0) select();
              }}
              onFocus={() => {
                if (!isSel(selected, 'transition', t.id)) select();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Delete' || e.key === 'Backspace') {
                  e.preventDefault();
                  onDelete({ kind: 'transition', id: t.id });
                }
              }}
            >
              <path className="pd-hit" d={edge.d} />
              <EdgeGraphic
                edge={edge}
                label={words.arrow(t)}
                kind={t.action}
                selected={isSel(selected, 'transition', t.id)}
              />
            </g>
          );
        })}
        {def.steps
          .filter((s) => s.kind !== 'end')
          .map((s) => (
            <circle
              key={s.id}
              className="pd-handle"
              cx={s.x + STEP_W}
              cy={s.y + STEP_H - HANDLE_UP}
              r={8}
              aria-hidden="true"
              data-handle={s.id}
              onPointerDown={(e) => startConnect(e, s)}
            />
          ))}
        {drag?.kind === 'connect' ? (
          <line className="pd-ghost" x1={drag.start.x} y1={drag.start.y} x2={drag.at.x} y2={drag.at.y} />
        ) : null}
      </svg>
    </div>
  );
}
