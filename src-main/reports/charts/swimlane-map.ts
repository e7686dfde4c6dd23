import { LABEL_W, layoutMap, type PlacedStep } from '../../../src-shared/processes/map-layout';
import { severityFill, wrapText } from '../../../src-shared/processes/map-drawing';
import type { ProcessMap } from '../../../src-shared/processes/map';
import { esc } from '../html/escape';
import { REPORT_FONT, type SvgChart } from './ssr';

// A process's swimlane map for a report: the app's layout (src-shared/processes/map-layout.ts) drawn
// as static SVG text with the app's colours (features/processes/map-svg.tsx draws the interactive
// one), so the printed map is vector and shows the same boxes, flows and gap markers.

const INK = '#212529';
const DIM = '#868e96';
const LOOP = '#7048e8';

export interface MapWords {
  noLane: string;
  legendTitle: string;
  legendLow: string;
  legendMid: string;
  legendHigh: string;
  loop: string;
}

const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x}" y="${y}" ${attrs}>${esc(s)}</text>`;

function marker(p: PlacedStep): string {
  const g = p.step.gaps;
  if (g.openGaps === 0) return '';
  const cx = p.step.kind === 'gateway' ? p.x + p.w : p.x + p.w - 2;
  const fill = (g.worstSeverity ?? 0) >= 3 ? '#ffffff' : INK;
  return `<circle cx="${cx}" cy="${p.y + 2}" r="11" fill="${severityFill(g.worstSeverity)}" stroke="#ffffff" stroke-width="2"/>` +
    text(cx, p.y + 6, g.openGaps > 99 ? '99+' : String(g.openGaps), `text-anchor="middle" font-size="11" font-weight="700" fill="${fill}"`);
}

function step(p: PlacedStep): string {
  const s = p.step;
  if (s.kind === 'gateway') {
    return `<g><polygon points="${p.cx},${p.y} ${p.x + p.w},${p.cy} ${p.cx},${p.y + p.h} ${p.x},${p.cy}" fill="#fff9db" stroke="#f59f00" stroke-width="1.5"/>` +
      text(p.cx, p.cy + 5, '×', 'text-anchor="middle" font-size="16" font-weight="700" fill="#e67700"') +
      p.label.lines.map((l, i) => text(p.cx, p.label.baselines[i]!, l, `text-anchor="middle" font-size="12" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke"`)).join('') +
      marker(p) + '</g>';
  }
  const container = s.kind === 'sub_process' || s.kind === 'call_activity';
  const stroke = container ? '#5c7cfa' : '#adb5bd';
  const nameLines = wrapText(s.name, 21, s.system ? 2 : 3);
  const blockH = nameLines.length * 15 + (s.system ? 14 : 0);
  const top = p.y + (p.h - blockH) / 2 + 11 - (container ? 5 : 0);
  return `<g><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="10" fill="${s.depth > 0 ? '#f8f9ff' : '#ffffff'}" stroke="${stroke}" stroke-width="${s.kind === 'call_activity' ? 3 : 1.5}"/>` +
    (container ? `<rect x="${p.cx - 7}" y="${p.y + p.h - 15}" width="14" height="12" rx="2" fill="#ffffff" stroke="${stroke}" stroke-width="1.2"/><path d="M${p.cx - 4},${p.y + p.h - 9} H${p.cx + 4} M${p.cx},${p.y + p.h - 13} V${p.y + p.h - 5}" stroke="${stroke}" stroke-width="1.4"/>` : '') +
    nameLines.map((l, i) => text(p.cx, top + i * 15, l, `text-anchor="middle" font-size="12.5" font-weight="500" fill="${INK}"`)).join('') +
    (s.system ? text(p.cx, top + nameLines.length * 15, wrapText(s.system, 26, 1)[0] ?? '', `text-anchor="middle" font-size="10.5" fill="${DIM}"`) : '') +
    marker(p) + '</g>';
}

export function processMapSvg(map: ProcessMap, words: MapWords, idPrefix: string): SvgChart {
  const layout = layoutMap(map);
  const arrow = `${idPrefix}-a`;
  const arrowLoop = `${idPrefix}-l`;
  const parts: string[] = [];
  parts.push(`<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker>` +
    `<marker id="${arrowLoop}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LOOP}"/></marker></defs>`);
  parts.push(`<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  for (const l of layout.lanes) {
    const lines = wrapText(l.name ?? words.noLane, 18, 4);
    parts.push(`<rect x="0" y="${l.y}" width="${layout.width}" height="${l.h}" fill="${l.index % 2 ? '#f8f9fa' : '#ffffff'}"/>` +
      `<rect x="0" y="${l.y}" width="${LABEL_W - 12}" height="${l.h}" fill="${l.index % 2 ? '#e7ebf7' : '#eef1fa'}"/>` +
      `<line x1="0" x2="${layout.width}" y1="${l.y}" y2="${l.y}" stroke="#dee2e6" stroke-width="1"/>` +
      lines.map((line, i) => text(12, l.y + l.h / 2 - ((lines.length - 1) * 16) / 2 + 4 + i * 16, line, `font-size="13" font-weight="600" fill="${l.name ? '#364fc7' : DIM}"${l.name ? '' : ' font-style="italic"'}`)).join(''));
  }
  const last = layout.lanes.at(-1);
  if (last) parts.push(`<line x1="0" x2="${layout.width}" y1="${last.y + last.h}" y2="${last.y + last.h}" stroke="#dee2e6"/>`);
  for (const f of layout.frames) {
    parts.push(`<rect x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" rx="14" fill="#5c7cfa" fill-opacity="0.04" stroke="#748ffc" stroke-width="1.2" stroke-dasharray="6 4"/>`);
  }
  for (const e of layout.edges) {
    const colour = e.loop ? LOOP : e.kind === 'implicit' ? '#adb5bd' : '#495057';
    parts.push(`<path d="${e.d}" fill="none" stroke="${colour}" stroke-width="1.4"${e.loop ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#${e.loop ? arrowLoop : arrow})" stroke-linejoin="round"/>`);
    if (e.kind === 'default' && !e.loop) parts.push(`<path d="${e.d.split(' ')[0]} m5,-5 l-4,10" stroke="#495057" stroke-width="1.4" fill="none"/>`);
  }
  for (const e of layout.edges.filter((x) => x.label)) {
    parts.push(text(e.labelX, e.labelY, wrapText(e.label!, Math.min(24, e.labelMax), 1)[0] ?? '', `text-anchor="${e.labelAnchor}" font-size="11" fill="${e.loop ? LOOP : '#495057'}" stroke="#ffffff" stroke-width="3" paint-order="stroke" font-style="italic"`));
  }
  for (const p of layout.steps) parts.push(step(p));
  const legendX = 24 + words.legendTitle.length * 6.8;
  const items = [
    { fill: severityFill(1), label: words.legendLow },
    { fill: severityFill(3), label: words.legendMid },
    { fill: severityFill(5), label: words.legendHigh },
  ];
  parts.push(`<g transform="translate(${LABEL_W - 12}, ${layout.legendY})">` + text(12, 14, words.legendTitle, `font-size="12" fill="${DIM}"`) +
    items.map((it, i) => `<g transform="translate(${legendX + i * 130}, 0)"><circle cx="8" cy="10" r="8" fill="${it.fill}"/>${text(22, 14, it.label, `font-size="12" fill="${INK}"`)}</g>`).join('') +
    `<g transform="translate(${legendX + 3 * 130}, 0)"><path d="M0,10 H34" stroke="${LOOP}" stroke-dasharray="5 3" stroke-width="1.4" marker-end="url(#${arrowLoop})"/>${text(42, 14, words.loop, `font-size="12" fill="${INK}"`)}</g></g>`);
  const w = Math.ceil(layout.width);
  const h = Math.ceil(layout.height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${REPORT_FONT}"><title>${esc(map.process.name)}</title>${parts.join('')}</svg>`;
  return { svg, width: w, height: h };
}
