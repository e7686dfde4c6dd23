import type { IndicatorPage } from '../../../src-shared/reports/model';
import { RAG_COLOURS } from '../../../src-shared/charts/indicator-trend';
import { impactMethod } from '../html/sections/impact';
import { FONT, INK, newSlide, SLIDE_W, type DeckContext } from './slides';

// One slide per indicator: its trend as a native, editable line chart (values, target, baseline),
// the status and each linked intervention's impact; how they are computed goes in the speaker notes.

const POINTS = 36;

export function indicatorSlide(d: DeckContext, p: IndicatorPage): void {
  const { f, pres } = d;
  const i = p.indicator;
  const t = f.t.indicator;
  const notes = [f.t.methods.items[3]!.join(': '), f.t.methods.items[4]!.join(': ')];
  for (const im of p.impacts) notes.push(`${f.fill(t.impact, { title: im.interventionTitle })}: ${impactMethod(f, im.result)}`);
  const s = newSlide(d, i.name, notes.join('\n\n'));
  const pts = p.measurements.slice(-POINTS);
  if (pts.length) {
    const labels = pts.map((x) => f.date(x.period));
    const series = [{ name: f.t.col.value, labels, values: pts.map((x) => x.value) }];
    if (i.targetValue !== null) series.push({ name: f.t.col.target, labels, values: pts.map(() => i.targetValue!) });
    if (i.baselineValue !== null) series.push({ name: f.t.col.baseline, labels, values: pts.map(() => i.baselineValue!) });
    s.addChart(pres.ChartType.line, series, {
      x: 0.5, y: 1.1, w: 8.4, h: 5.6,
      chartColors: ['1C7ED6', '2F9E44', '868E96'],
      lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 5,
      showLegend: true, legendPos: 'b', legendFontFace: FONT, legendFontSize: 10,
      catAxisLabelFontSize: 9, valAxisLabelFontSize: 9, catAxisLabelRotate: 45,
      valAxisTitle: i.unit || undefined, showValAxisTitle: !!i.unit,
      catAxisLabelFrequency: String(Math.max(1, Math.ceil(pts.length / 12))),
    });
  } else {
    s.addText(t.noData, { x: 0.5, y: 1.2, w: 8.4, h: 0.5, fontFace: FONT, fontSize: 14, color: '868E96' });
  }
  const st = p.status;
  const lines: { text: string; options?: Record<string, unknown> }[] = [
    { text: f.t.rag[st.status], options: { bold: true, fontSize: 18, color: RAG_COLOURS[st.status].slice(1), breakLine: true } },
    { text: `${t.latest}: ${st.latest ? `${f.value(st.latest.value, i.unit)} (${f.date(st.latest.period)})` : '—'}`, options: { breakLine: true } },
    { text: `${f.t.col.target}: ${f.value(st.targetValue, i.unit)}`, options: { breakLine: true } },
    { text: `${t.delta}: ${st.deltaToTarget === null ? '—' : f.value(st.deltaToTarget, i.unit)}`, options: { breakLine: true } },
  ];
  for (const im of p.impacts) {
    const r = im.result;
    lines.push({ text: ' ', options: { breakLine: true } });
    lines.push({ text: f.fill(t.impact, { title: im.interventionTitle }), options: { bold: true, breakLine: true } });
    if (r.effect) {
      lines.push({ text: `${f.t.verdict[r.verdict]} · ${t.change} ${f.value(r.effect.estimate, i.unit)}${r.changePct === null ? '' : ` (${f.pct(r.changePct, 1)})`}`, options: { breakLine: true } });
      lines.push({ text: `${t.interval}: ${f.num(r.effect.low)} … ${f.num(r.effect.high)}`, options: { breakLine: true } });
    } else {
      lines.push({ text: f.t.verdict[r.verdict], options: { breakLine: true } });
    }
    // Without a clear effect, the reason in the core's words.
    if (r.verdict === 'no_clear_effect') lines.push({ text: r.method.text[f.lang].at(-1) ?? '', options: { breakLine: true, fontSize: 10 } });
  }
  s.addText(lines, { x: 9.1, y: 1.1, w: SLIDE_W - 9.6, h: 5.6, fontFace: FONT, fontSize: 12, color: INK, valign: 'top' });
}
