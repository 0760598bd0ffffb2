import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { BOX_W, diagramSize, edgeShapes, nodeBoxes, wrapText } from './diagram.ts';
import type { Arrow, NodeBox } from './diagram.ts';

interface Props {
  transitions: readonly (Arrow & { event: string })[];
  codes: Readonly<Record<DossierStatus, number>>;
  terminal: readonly DossierStatus[];
}

const LINE = 15;

/**
 * The status transition chart drawn on the server as inline SVG: one box per status, one arrow per
 * transition. The SVG is an image with a title and description; the table of transitions next to it
 * is its full text alternative. It keeps its size and scrolls inside its frame on narrow screens.
 */
export function StatusDiagram({ transitions, codes, terminal }: Props) {
  const t = useT();
  const boxes = nodeBoxes(transitions);
  const edges = edgeShapes(transitions, boxes);
  const { width, height } = diagramSize(boxes);
  const name = (s: DossierStatus | null) => (s ? t(`st.status.${s}` as MessageKey) : t('st.fromEntry'));
  return (
    <div className="st-scroll" tabIndex={0} role="region" aria-label={t('st.diagramScroll')}>
      <svg
        className="st-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="st-svg-title st-svg-desc"
        data-testid="status-diagram"
      >
        <title id="st-svg-title">{t('st.diagramTitle')}</title>
        <desc id="st-svg-desc">
          {t('st.diagramDesc', { statuses: Object.keys(codes).length, transitions: transitions.length })}
        </desc>
        <defs>
          <marker
            id="st-head"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0 0 L10 5 L0 10 z" className="st-head" />
          </marker>
          <marker
            id="st-head-soft"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0 0 L10 5 L0 10 z" className="st-head-soft" />
          </marker>
        </defs>
        <g>
          {boxes.map((b) => (
            <Box
              key={b.id}
              box={b}
              label={b.id === 'entry' ? t('st.entryNode') : name(b.id)}
              code={b.id === 'entry' ? null : t('st.codeShort', { code: codes[b.id] })}
              terminal={b.id !== 'entry' && terminal.includes(b.id)}
            />
          ))}
        </g>
        <g>
          {transitions.map((tr, i) => {
            const withdraw = tr.to === 'cong_dan_yeu_cau_rut';
            return (
              <path
                key={`${tr.from ?? ''}>${tr.to}`}
                d={edges[i]?.d}
                className={withdraw ? 'st-edge st-edge-withdraw' : 'st-edge'}
                markerEnd={withdraw ? 'url(#st-head-soft)' : 'url(#st-head)'}
                data-transition={`${tr.from ?? ''}>${tr.to}`}
              >
                <title>
                  {t('st.edge', {
                    from: name(tr.from),
                    to: name(tr.to),
                    event: t(`st.event.${tr.event}` as MessageKey),
                  })}
                </title>
              </path>
            );
          })}
        </g>
      </svg>
    </div>
  );
}

function Box({
  box,
  label,
  code,
  terminal,
}: {
  box: NodeBox;
  label: string;
  code: string | null;
  terminal: boolean;
}) {
  const wide = box.width > BOX_W;
  const lines = wide ? [label] : wrapText(label, box.id === 'entry' ? 12 : 17);
  const all = code ? [...lines, code] : lines;
  const cx = box.x + box.width / 2;
  const top = box.y + box.height / 2 - ((all.length - 1) * LINE) / 2;
  return (
    <g
      className={box.id === 'entry' ? 'st-node st-entry' : terminal ? 'st-node st-terminal' : 'st-node'}
      data-status={box.id}
    >
      <rect
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        rx={box.id === 'entry' ? box.height / 2 : 6}
        className="st-box"
      />
      {terminal ? (
        <rect
          x={box.x + 4}
          y={box.y + 4}
          width={box.width - 8}
          height={box.height - 8}
          rx={3}
          className="st-inner"
        />
      ) : null}
      <text x={cx} y={top} textAnchor="middle" dominantBaseline="central">
        {all.map((line, i) => (
          <tspan
            key={i}
            x={cx}
            y={top + i * LINE}
            className={code && i === all.length - 1 ? 'st-code' : undefined}
          >
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
