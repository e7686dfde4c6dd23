import { memo, useState, type KeyboardEvent } from 'react';
import { LABEL_W, type MapLayout, type PlacedStep } from '@shared/processes/map-layout';
import { severityFill, wrapText } from '@shared/processes/map-drawing';

// The map as plain SVG with every style inline (attributes, no CSS classes), so the very same node
// can be serialised for "Save as SVG/PNG" and look the same in a slide.

export const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
const INK = '#212529';
const DIM = '#868e96';
const ACCENT = '#4c6ef5';
const LOOP = '#7048e8';

export interface MapTexts {
  noLane: string;
  legendTitle: string;
  legendLow: string;
  legendMid: string;
  legendHigh: string;
  openGaps(n: number): string;
  loop: string;
  decision: string;
}

interface Props {
  layout: MapLayout;
  texts: MapTexts;
  selectedId: string | null;
  onSelect(id: string): void;
  idPrefix: string;
  /** A click on a drawn flow (to edit its label or delete it); implicit sequences are not flows. */
  onFlowClick?(id: string): void;
  /** The step a flow being drawn starts from. */
  markedId?: string | null;
}

function StepShape({ p, selected, marked = false, onSelect, texts }: { p: PlacedStep; selected: boolean; marked?: boolean; onSelect(id: string): void; texts: MapTexts }) {
  const s = p.step;
  const gateway = s.kind === 'gateway';
  const inner = s.depth > 0;
  const container = s.kind === 'sub_process' || s.kind === 'call_activity';
  const stroke = container ? '#5c7cfa' : '#adb5bd';
  // The selection is an outline of its own, left out of "Save as SVG/PNG".
  const [focused, setFocused] = useState(false);
  const outline = (selected || focused || marked) && (
    <rect x={p.x - 5} y={p.y - 5} width={p.w + 10} height={p.h + 10} rx={gateway ? 8 : 14} fill={marked ? '#2f9e44' : ACCENT}
      fillOpacity={selected || marked ? 0.08 : 0} stroke={marked ? '#2f9e44' : ACCENT} strokeWidth={2.5}
      strokeDasharray={selected || marked ? undefined : '4 3'} data-export="skip" data-testid={marked ? 'map-flow-start' : undefined} />
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(s.id);
    }
  };
  const marker = s.gaps.openGaps > 0 && (
    <g data-testid={`map-marker-${s.id}`} data-count={s.gaps.openGaps} data-severity={s.gaps.worstSeverity ?? ''}>
      <circle
        cx={gateway ? p.x + p.w : p.x + p.w - 2}
        cy={p.y + 2}
        r={11}
        fill={severityFill(s.gaps.worstSeverity)}
        stroke="#ffffff"
        strokeWidth={2}
      />
      <text
        x={gateway ? p.x + p.w : p.x + p.w - 2}
        y={p.y + 6}
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        fill={(s.gaps.worstSeverity ?? 0) >= 3 ? '#ffffff' : INK}
        data-testid={`map-badge-${s.id}`}
      >
        {s.gaps.openGaps > 99 ? '99+' : s.gaps.openGaps}
      </text>
    </g>
  );
  const title = `${s.name}${s.lane ? ` — ${s.lane}` : ''}${s.system ? ` · ${s.system}` : ''}${
    s.gaps.openGaps ? ` · ${texts.openGaps(s.gaps.openGaps)}` : ''
  }`;

  if (gateway) {
    return (
      <g
        role="button"
        tabIndex={0}
        aria-label={title}
        aria-pressed={selected}
        data-testid={`map-step-${s.id}`}
        data-step-name={s.name}
        style={{ cursor: 'pointer', outline: 'none' }}
        onClick={() => onSelect(s.id)}
        onKeyDown={onKey}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        <title>{title}</title>
        {outline}
        <polygon
          points={`${p.cx},${p.y} ${p.x + p.w},${p.cy} ${p.cx},${p.y + p.h} ${p.x},${p.cy}`}
          fill="#fff9db"
          stroke="#f59f00"
          strokeWidth={1.5}
        />
        <text x={p.cx} y={p.cy + 5} textAnchor="middle" fontSize={16} fontWeight={700} fill="#e67700">×</text>
        {p.label.lines.map((l, i) => (
          // Where the layout keeps it clear of every flow (map-layout.ts); the halo keeps it readable on a lane's tint.
          <text key={i} x={p.cx} y={p.label.baselines[i]} textAnchor="middle" fontSize={12} fill={INK}
            stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
            {l}
          </text>
        ))}
        {marker}
      </g>
    );
  }

  const nameLines = wrapText(s.name, 21, s.system ? 2 : 3);
  const blockH = nameLines.length * 15 + (s.system ? 14 : 0);
  const top = p.y + (p.h - blockH) / 2 + 11;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={title}
      aria-pressed={selected}
      data-testid={`map-step-${s.id}`}
      data-step-name={s.name}
      style={{ cursor: 'pointer', outline: 'none' }}
      onClick={() => onSelect(s.id)}
      onKeyDown={onKey}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <title>{title}</title>
      {outline}
      <rect
        x={p.x}
        y={p.y}
        width={p.w}
        height={p.h}
        rx={10}
        fill={inner ? '#f8f9ff' : '#ffffff'}
        stroke={stroke}
        strokeWidth={s.kind === 'call_activity' ? 3 : 1.5}
      />
      {container && (
        <g>
          <rect x={p.cx - 7} y={p.y + p.h - 15} width={14} height={12} rx={2} fill="#ffffff" stroke={stroke} strokeWidth={1.2} />
          <path d={`M${p.cx - 4},${p.y + p.h - 9} H${p.cx + 4} M${p.cx},${p.y + p.h - 13} V${p.y + p.h - 5}`} stroke={stroke} strokeWidth={1.4} />
        </g>
      )}
      {nameLines.map((l, i) => (
        <text key={i} x={p.cx} y={top + i * 15 - (container ? 5 : 0)} textAnchor="middle" fontSize={12.5} fontWeight={500} fill={INK}>
          {l}
        </text>
      ))}
      {s.system && (
        <text x={p.cx} y={top + nameLines.length * 15 - (container ? 5 : 0)} textAnchor="middle" fontSize={10.5} fill={DIM}>
          {wrapText(s.system, 26, 1)[0]}
        </text>
      )}
      {marker}
    </g>
  );
}

/** The lane rows with their labels on the left; also drawn alone, pinned, when the map is panned sideways. */
export function LaneRows({ layout, texts, labelsOnly = false }: { layout: MapLayout; texts: MapTexts; labelsOnly?: boolean }) {
  return (
    <g fontFamily={FONT}>
      {layout.lanes.map((l) => {
        const lines = wrapText(l.name ?? texts.noLane, 18, 4);
        return (
          <g key={l.index} data-testid={labelsOnly ? undefined : 'map-lane'} data-lane-name={l.name ?? ''}>
            {!labelsOnly && <rect x={0} y={l.y} width={layout.width} height={l.h} fill={l.index % 2 ? '#f8f9fa' : '#ffffff'} />}
            <rect x={0} y={l.y} width={LABEL_W - 12} height={l.h} fill={l.index % 2 ? '#e7ebf7' : '#eef1fa'} />
            <line x1={0} x2={labelsOnly ? LABEL_W - 12 : layout.width} y1={l.y} y2={l.y} stroke="#dee2e6" strokeWidth={1} />
            {lines.map((line, i) => (
              <text
                key={i}
                x={12}
                y={l.y + l.h / 2 - ((lines.length - 1) * 16) / 2 + 4 + i * 16}
                fontSize={13}
                fontWeight={600}
                fill={l.name ? '#364fc7' : DIM}
                fontStyle={l.name ? undefined : 'italic'}
              >
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </g>
  );
}

function MapSvgContent({ layout, texts, selectedId, onSelect, idPrefix, onFlowClick, markedId }: Props) {
  // The legend's items start after its title, whose width depends on the language.
  const legendX = 24 + texts.legendTitle.length * 6.8;
  const arrow = `${idPrefix}-arrow`;
  const arrowLoop = `${idPrefix}-arrow-loop`;
  return (
    <g fontFamily={FONT}>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#495057" />
        </marker>
        <marker id={arrowLoop} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill={LOOP} />
        </marker>
      </defs>
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      <LaneRows layout={layout} texts={texts} />
      {layout.lanes.length > 0 && (
        <line
          x1={0}
          x2={layout.width}
          y1={layout.lanes.at(-1)!.y + layout.lanes.at(-1)!.h}
          y2={layout.lanes.at(-1)!.y + layout.lanes.at(-1)!.h}
          stroke="#dee2e6"
        />
      )}
      {layout.frames.map((f) => (
        <g key={f.parentId} data-testid="map-subprocess-frame">
          <rect x={f.x} y={f.y} width={f.w} height={f.h} rx={14} fill="#5c7cfa" fillOpacity={0.04} stroke="#748ffc" strokeWidth={1.2} strokeDasharray="6 4" />
        </g>
      ))}
      {layout.edges.map((e) => (
        <g key={e.id} data-testid="map-flow" data-flow-id={e.kind === 'implicit' ? undefined : e.id} data-flow-label={e.label ?? ''}>
          <path
            d={e.d}
            fill="none"
            stroke={e.loop ? LOOP : e.kind === 'implicit' ? '#adb5bd' : '#495057'}
            strokeWidth={1.4}
            strokeDasharray={e.loop ? '5 3' : undefined}
            markerEnd={`url(#${e.loop ? arrowLoop : arrow})`}
            strokeLinejoin="round"
          />
          {e.kind === 'default' && !e.loop && (
            <path d={`${e.d.split(' ')[0]} m5,-5 l-4,10`} stroke="#495057" strokeWidth={1.4} fill="none" />
          )}
          {onFlowClick && e.kind !== 'implicit' && (
            // A wide invisible stroke makes the thin line easy to click; not part of an export.
            <path d={e.d} fill="none" stroke="transparent" strokeWidth={12} style={{ cursor: 'pointer' }} data-export="skip"
              data-testid={`map-flow-hit-${e.id}`} onClick={(ev) => { ev.stopPropagation(); onFlowClick(e.id); }} />
          )}
        </g>
      ))}
      {/* Flow labels on top of every line, with a white halo so crossings stay readable. */}
      {layout.edges
        .filter((e) => e.label)
        .map((e) => (
          <text
            key={`l-${e.id}`}
            x={e.labelX}
            y={e.labelY}
            textAnchor={e.labelAnchor}
            fontSize={11}
            fill={e.loop ? LOOP : '#495057'}
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
            fontStyle="italic"
          >
            <title>{e.label}</title>
            {wrapText(e.label!, Math.min(24, e.labelMax), 1)[0]}
          </text>
        ))}
      {layout.steps.map((p) => (
        <StepShape key={p.step.id} p={p} selected={p.step.id === selectedId} marked={p.step.id === markedId} onSelect={onSelect} texts={texts} />
      ))}
      <g transform={`translate(${LABEL_W - 12}, ${layout.legendY})`}>
        <text x={12} y={14} fontSize={12} fill={DIM}>{texts.legendTitle}</text>
        {[
          { fill: severityFill(1), label: texts.legendLow },
          { fill: severityFill(3), label: texts.legendMid },
          { fill: severityFill(5), label: texts.legendHigh },
        ].map((item, i) => (
          <g key={i} transform={`translate(${legendX + i * 130}, 0)`}>
            <circle cx={8} cy={10} r={8} fill={item.fill} />
            <text x={22} y={14} fontSize={12} fill={INK}>{item.label}</text>
          </g>
        ))}
        <g transform={`translate(${legendX + 3 * 130}, 0)`}>
          <path d="M0,10 H34" stroke={LOOP} strokeDasharray="5 3" strokeWidth={1.4} markerEnd={`url(#${arrowLoop})`} />
          <text x={42} y={14} fontSize={12} fill={INK}>{texts.loop}</text>
        </g>
        <g transform={`translate(${legendX + 3 * 130 + 56 + texts.loop.length * 6.8}, 0)`}>
          <polygon points="9,1 18,10 9,19 0,10" fill="#fff9db" stroke="#f59f00" strokeWidth={1.3} />
          <text x={26} y={14} fontSize={12} fill={INK}>{texts.decision}</text>
        </g>
      </g>
    </g>
  );
}

export const MapSvgBody = memo(MapSvgContent);
