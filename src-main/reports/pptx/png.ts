import { Resvg } from '@resvg/resvg-js';

// SVG → PNG for slides (charts other than KPI trends, process maps, an SVG logo): the very SVG the PDF
// shows, rasterised by resvg at twice its size so it stays crisp on a projector.

export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(r.render().asPng());
}
