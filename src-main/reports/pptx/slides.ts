import type PptxGenJS from 'pptxgenjs';
import type { Fmt } from '../format';
import type { ReportChart } from '../charts/report-charts';
import { renderChartSvg } from '../charts/ssr';
import { svgToPng } from './png';

// Shared pieces of the deck: the slide frame (title, footer), a chart as PNG, a table that continues
// on as many slides as it needs with its header row repeated.

export const SLIDE_W = 13.33;
export const SLIDE_H = 7.5;
export const INK = '212529';
export const ACCENT = '364FC7';
export const FONT = 'Calibri';

export interface DeckContext {
  pres: PptxGenJS;
  f: Fmt;
  footer: string;
}

export function newSlide(d: DeckContext, title: string, notes?: string): PptxGenJS.Slide {
  const s = d.pres.addSlide();
  s.addText(title, { x: 0.5, y: 0.25, w: SLIDE_W - 1, h: 0.6, fontFace: FONT, fontSize: 24, bold: true, color: ACCENT });
  s.addShape(d.pres.ShapeType.line, { x: 0.5, y: 0.9, w: SLIDE_W - 1, h: 0, line: { color: 'DBE4FF', width: 1.5 } });
  if (d.footer) s.addText(d.footer, { x: 0.5, y: SLIDE_H - 0.4, w: SLIDE_W - 1, h: 0.3, fontFace: FONT, fontSize: 9, color: '868E96' });
  if (notes) s.addNotes(notes);
  return s;
}

/** A chart as a PNG of its report SVG, fitted into the box (x, y, w, h in inches) keeping its ratio. */
export function addChartPng(s: PptxGenJS.Slide, c: ReportChart, box: { x: number; y: number; w: number; h: number }): void {
  const { svg, width, height } = renderChartSvg(c.option, c.width, c.height);
  const png = svgToPng(svg, width);
  const ratio = height / width;
  const w = Math.min(box.w, box.h / ratio);
  const h = w * ratio;
  s.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: box.x + (box.w - w) / 2, y: box.y, w, h, altText: c.title });
}

type Cell = string | number;

/** Rows of text as a native table, continued on new slides (header repeated) when they do not fit. */
export function addTableSlides(d: DeckContext, title: string, head: string[], rows: Cell[][], colW?: number[], notes?: string): void {
  const header = head.map((h) => ({ text: h, options: { bold: true, fill: { color: 'F1F3F5' }, color: '495057' } }));
  const body = rows.map((r) => r.map((c) => ({ text: String(c) })));
  const perSlide = 12;
  for (let i = 0; i === 0 || i < body.length; i += perSlide) {
    const s = newSlide(d, i === 0 ? title : `${title} (${Math.floor(i / perSlide) + 1})`, notes);
    s.addTable([header, ...body.slice(i, i + perSlide)], {
      x: 0.5, y: 1.1, w: SLIDE_W - 1, fontFace: FONT, fontSize: 10, color: INK, border: { type: 'solid', pt: 0.5, color: 'DEE2E6' }, valign: 'top',
      ...(colW ? { colW } : {}),
    });
  }
}
