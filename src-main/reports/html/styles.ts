import type { PaperSize } from '../../../src-shared/reports/schemas';
import { REPORT_FONT } from '../charts/ssr';

// The report's stylesheet, for paper (Chromium prints it) and for the screen (the HTML file and the
// app's preview). Each section starts a page; tables repeat their header row on every page and never
// cut a row in two; charts are inline SVG and keep their aspect ratio.

export function reportCss(paper: PaperSize): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  return `
@page { size: ${size}; margin: 22mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${REPORT_FONT}; font-size: 9.5pt; line-height: 1.4; color: #212529; margin: 0; }
h1 { font-size: 18pt; color: #364fc7; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #dbe4ff; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; color: #212529; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; color: #495057; }
p { margin: 0 0 2mm; }
.section { break-before: page; }
.indicator-page { break-before: page; }
.indicator-page:first-of-type { break-before: auto; }
.muted { color: #868e96; }
.small { font-size: 8pt; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.02em; color: #495057; background: #f1f3f5; border-bottom: 1px solid #ced4da; padding: 1.5mm 1.5mm; }
td { border-bottom: 1px solid #e9ecef; padding: 1.3mm 1.5mm; vertical-align: top; }
td.title { font-weight: 600; }
/* A name beside seven columns of figures that do not wrap: keep it readable (the ROI table). */
.row-name { display: inline-block; min-width: 42mm; }
.chart { break-inside: avoid; margin: 2mm 0 4mm; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .caption { font-size: 9pt; font-weight: 600; color: #495057; margin-bottom: 1mm; }
.map svg { width: 100%; height: auto; max-height: 215mm; display: block; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 2mm 0 5mm; }
.kpi { border: 1px solid #dee2e6; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.kpi .label { font-size: 7.5pt; text-transform: uppercase; color: #868e96; font-weight: 600; letter-spacing: 0.02em; }
.kpi .value { font-size: 15pt; font-weight: 700; font-variant-numeric: tabular-nums; margin: 0.5mm 0; }
.kpi .change { font-size: 8pt; color: #495057; }
.kpi .change.good { color: #2b8a3e; } .kpi .change.bad { color: #c92a2a; }
.badge { display: inline-block; padding: 0.3mm 1.8mm; border-radius: 2mm; font-size: 8pt; font-weight: 600; white-space: nowrap; }
.rag-green { background: #d3f9d8; color: #2b8a3e; } .rag-amber { background: #fff3bf; color: #e67700; } .rag-red { background: #ffe3e3; color: #c92a2a; }
.rag-no_data, .rag-no_target { background: #f1f3f5; color: #868e96; }
.sev { display: inline-block; min-width: 5mm; text-align: center; border-radius: 1mm; font-weight: 700; }
.sev-1, .sev-2 { background: #fff3bf; } .sev-3 { background: #ffe8cc; } .sev-4, .sev-5 { background: #ffe3e3; color: #c92a2a; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm 5mm; margin: 2mm 0 3mm; }
.facts div span { display: block; font-size: 7.5pt; color: #868e96; text-transform: uppercase; }
.facts div b { font-variant-numeric: tabular-nums; }
.impact { border-left: 3px solid #dbe4ff; padding: 1mm 3mm; margin: 2mm 0; break-inside: avoid; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: space-between; }
.cover .logo img { max-height: 28mm; max-width: 80mm; }
.cover .company { font-size: 14pt; font-weight: 600; color: #495057; margin-top: 6mm; }
.cover h1.report-title { font-size: 28pt; border: none; margin: 30mm 0 4mm; color: #212529; }
.cover .meta { font-size: 11pt; color: #495057; }
.cover .meta div { margin-bottom: 2mm; }
.cover .confidential { border-top: 1px solid #dee2e6; padding-top: 3mm; color: #c92a2a; font-weight: 600; font-size: 9pt; }
.methods dt { font-weight: 700; margin-top: 2.5mm; }
.methods dd { margin: 0.5mm 0 0 0; }
.figures li { margin-bottom: 1mm; }
@media screen {
  body { background: #f1f3f5; padding: 16px 0; }
  .cover, .section { background: #fff; max-width: 210mm; margin: 0 auto 16px; padding: 16mm 15mm; box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
  .cover { height: auto; min-height: 260mm; }
  .indicator-page { border-top: 1px dashed #dee2e6; padding-top: 4mm; margin-top: 6mm; }
}
`;
}
