import type { ProcessStep } from '../../../src/domain/process.ts';
import type { EdgeShape } from './geometry.ts';
import { labelWidth, STEP_H, STEP_W, wrapText } from './geometry.ts';
import type { ProcessWords } from './words.ts';

/**
 * The drawing of one step and one arrow, shared by the read-only diagram and the designer's canvas.
 * A step's kind shows three ways: its outline (rounded for entry, double for return, thick stadium
 * for the end), its colour, and the kind written in the box.
 */

const RADIUS = { receive: 22, work: 4, return: 4, end: STEP_H / 2 } as const;

export function StepShape({
  step,
  words,
  count,
  selected,
  highlighted,
  problem,
}: {
  step: ProcessStep;
  words: ProcessWords;
  count?: number | undefined;
  selected?: boolean | undefined;
  highlighted?: boolean | undefined;
  /** A validation problem concerns this step (a warning mark, besides the list of problems). */
  problem?: boolean | undefined;
}) {
  const { x, y, kind } = step;
  const lines = wrapText(step.name || '—');
  const caption = step.onlineEntry ? `${words.kind(kind)} · ${words.t('pr.online')}` : words.kind(kind);
  const nameTop = lines.length === 1 ? y + 48 : y + 40;
  const countText = count !== undefined && count > 0 ? words.count(count) : '';
  const countW = labelWidth(countText) + 4;
  return (
    <g className={`pd-step pd-kind-${kind}${selected ? ' pd-selected' : ''}`} data-step-id={step.id}>
      {selected ? (
        <rect
          className="pd-focus-ring"
          x={x - 5}
          y={y - 5}
          width={STEP_W + 10}
          height={STEP_H + 10}
          rx={RADIUS[kind] + 4}
        />
      ) : null}
      {highlighted ? (
        <rect
          className="pd-current"
          x={x - 6}
          y={y - 6}
          width={STEP_W + 12}
          height={STEP_H + 12}
          rx={RADIUS[kind] + 5}
        />
      ) : null}
      <rect className="pd-box" x={x} y={y} width={STEP_W} height={STEP_H} rx={RADIUS[kind]} />
      {kind === 'return' ? (
        <rect className="pd-inner" x={x + 4} y={y + 4} width={STEP_W - 8} height={STEP_H - 8} rx={2} />
      ) : null}
      <text className="pd-caption" x={x + STEP_W / 2} y={y + 19} textAnchor="middle">
        {caption}
      </text>
      <text className="pd-name" x={x + STEP_W / 2} y={nameTop} textAnchor="middle">
        {lines.map((line, i) => (
          <tspan key={i} x={x + STEP_W / 2} dy={i === 0 ? 0 : 17}>
            {line}
          </tspan>
        ))}
      </text>
      {step.budgetMinutes > 0 ? (
        <text className="pd-budget" x={x + STEP_W / 2} y={y + STEP_H - 9} textAnchor="middle">
          {words.budget(step.budgetMinutes)}
        </text>
      ) : null}
      {problem ? (
        <g className="pd-problem-mark">
          <circle cx={x + 14} cy={y + 14} r={9} />
          <text x={x + 14} y={y + 19} textAnchor="middle">
            !
          </text>
        </g>
      ) : null}
      {countText ? (
        <g className="pd-count">
          <rect x={x + STEP_W - countW + 6} y={y - 11} width={countW} height={22} rx={11} />
          <text x={x + STEP_W - countW / 2 + 6} y={y + 5} textAnchor="middle">
            {countText}
          </text>
        </g>
      ) : null}
    </g>
  );
}

export function EdgeGraphic({
  edge,
  label,
  kind,
  selected,
}: {
  edge: EdgeShape;
  label: string;
  /** The action, as a class: returns and refusals are drawn dashed (besides their label). */
  kind: string;
  selected?: boolean | undefined;
}) {
  const w = labelWidth(label);
  return (
    <g className={`pd-edge pd-action-${kind}${selected ? ' pd-selected' : ''}`} data-transition-id={edge.id}>
      <path className="pd-line" d={edge.d} />
      <polygon className="pd-head" points={edge.head} />
      <rect
        className="pd-label-bg"
        x={edge.label.x - w / 2}
        y={edge.label.y - 10}
        width={w}
        height={20}
        rx={4}
      />
      <text className="pd-label" x={edge.label.x} y={edge.label.y + 4} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}
