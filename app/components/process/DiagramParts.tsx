import type { ProcessStep } from '../../../src/domain/process.ts';
import type { EdgeShape } from './geometry.ts';
import { LABEL_LINE_H, labelBox, STEP_H, STEP_W, textWidth, wrapText } from './geometry.ts';
import type { ProcessWords } from './words.ts';

/**
 * The drawing of one step and one arrow, shared by the read-only diagram and the designer's canvas.
 * A step's kind shows three ways: its outline (rounded for entry, double for return, thick stadium
 * for the end), its colour, and the kind written in the box.
 */

const RADIUS = { receive: 22, work: 4, return: 4, end: STEP_H / 2 } as const;

/** What a step's box says: its kind (and online entry), its name on its lines, its time. */
function stepTexts(step: ProcessStep, words: ProcessWords) {
  return {
    caption: step.onlineEntry ? `${words.kind(step.kind)} · ${words.t('pr.online')}` : words.kind(step.kind),
    lines: wrapText(step.name || '—'),
    budget: step.budgetMinutes > 0 ? words.budget(step.budgetMinutes) : '',
  };
}

/**
 * The text of a step's box as one string, in its order: the accessible name of the step on the
 * designer's canvas, so that what is seen is what is announced (WCAG 2.5.3).
 */
export function stepVisibleText(step: ProcessStep, words: ProcessWords): string {
  const { caption, lines, budget } = stepTexts(step, words);
  return [caption, ...lines, budget].filter(Boolean).join(' ');
}

// Each piece of text ends with a space: SVG drops it when drawing, and assistive technologies (and
// axe) then read the lines as separate words rather than glued together.

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
  const { caption, lines, budget } = stepTexts(step, words);
  const nameTop = lines.length === 1 ? y + 47 : y + 40;
  // Only steps holding dossiers get a badge; the text version gives every count, zeros included.
  const countText = count ? words.count(count) : '';
  const countW = textWidth(countText, 12) + 4;
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
        {`${caption} `}
      </text>
      <text className="pd-name" x={x + STEP_W / 2} y={nameTop} textAnchor="middle">
        {lines.map((line, i) => (
          <tspan key={i} x={x + STEP_W / 2} dy={i === 0 ? 0 : 16}>
            {`${line} `}
          </tspan>
        ))}
      </text>
      {budget ? (
        <text className="pd-budget" x={x + STEP_W / 2} y={y + STEP_H - 9} textAnchor="middle">
          {`${budget} `}
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
            {`${countText} `}
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
  const box = labelBox(label);
  const top = edge.label.y - box.height / 2;
  return (
    <g className={`pd-edge pd-action-${kind}${selected ? ' pd-selected' : ''}`} data-transition-id={edge.id}>
      <path className="pd-line" d={edge.d} />
      <polygon className="pd-head" points={edge.head} />
      <rect
        className="pd-label-bg"
        x={edge.label.x - box.width / 2}
        y={top}
        width={box.width}
        height={box.height}
        rx={4}
      />
      <text className="pd-label" x={edge.label.x} y={top + LABEL_LINE_H} textAnchor="middle">
        {box.lines.map((line, i) => (
          <tspan key={i} x={edge.label.x} dy={i === 0 ? 0 : LABEL_LINE_H}>
            {`${line} `}
          </tspan>
        ))}
      </text>
    </g>
  );
}
