import PptxGenJS from 'pptxgenjs';
import type { ReportModel, ReportSectionModel } from '../../../src-shared/reports/model';
import { makeFmt } from '../format';
import { benefitCostChart, departmentsChart, gapCostChart, gapFlowChart, interventionMixChart, playbookChart } from '../charts/report-charts';
import { processMapSvg } from '../charts/swimlane-map';
import { titleOf } from '../html/context';
import { headlineKpis } from '../html/headline';
import { proofText } from '../html/sections/summary';
import { figureLines } from '../html/sections/methods';
import { periodText, scopeText } from '../html/sections/cover';
import { svgToPng } from './png';
import { indicatorSlide } from './indicator-slide';
import { addChartPng, addTableSlides, FONT, INK, newSlide, SLIDE_H, SLIDE_W, type DeckContext } from './slides';
import { pngSize } from '../../services/reports/logo';

// The report as a deck: a slide per section (and per indicator, per process map); KPI trends as native
// charts a user can edit, other charts as PNG of the same SVG as the PDF; methods in the speaker notes.

function coverSlide(d: DeckContext, m: ReportModel): void {
  const s = d.pres.addSlide();
  const meta = m.meta;
  if (meta.logo) {
    const png = meta.logo.mime === 'image/png' ? Buffer.from(meta.logo.base64, 'base64') : svgToPng(Buffer.from(meta.logo.base64, 'base64').toString('utf8'), 300, 1);
    const size = pngSize(png.toString('base64')) ?? { width: 300, height: 100 };
    const h = Math.min(1.2, (3 * size.height) / size.width);
    s.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 0.7, y: 0.6, w: h * (size.width / size.height), h });
  }
  if (meta.companyName) s.addText(meta.companyName, { x: 0.7, y: 2.0, w: SLIDE_W - 1.4, h: 0.5, fontFace: FONT, fontSize: 18, color: '495057' });
  s.addText(meta.title, { x: 0.7, y: 2.6, w: SLIDE_W - 1.4, h: 1.2, fontFace: FONT, fontSize: 40, bold: true, color: INK });
  const ctx = { f: d.f, model: m } as Parameters<typeof periodText>[0];
  s.addText(
    [
      { text: scopeText(ctx), options: { breakLine: true } },
      ...(meta.focusIntervention ? [{ text: `${d.f.t.cover.caseStudy}: ${meta.focusIntervention.title}`, options: { breakLine: true } }] : []),
      { text: periodText(ctx), options: { breakLine: true } },
    ],
    { x: 0.7, y: 3.9, w: SLIDE_W - 1.4, h: 1.2, fontFace: FONT, fontSize: 16, color: '495057' },
  );
  if (meta.confidentiality) s.addText(meta.confidentiality, { x: 0.7, y: SLIDE_H - 1, w: SLIDE_W - 1.4, h: 0.4, fontFace: FONT, fontSize: 12, bold: true, color: 'C92A2A' });
}

const methodNote = (d: DeckContext, ...idx: number[]) => idx.map((i) => d.f.t.methods.items[i]!.join(': ')).join('\n\n');

function sectionSlides(d: DeckContext, m: ReportModel, s: ReportSectionModel): void {
  const { f } = d;
  const title = titleOf(f, s);
  const c = f.t.col;
  const box = { x: 0.5, y: 1.1, w: SLIDE_W - 1, h: SLIDE_H - 1.7 };
  switch (s.kind) {
    case 'cover':
      return coverSlide(d, m);
    case 'executive_summary': {
      const slide = newSlide(d, title, methodNote(d, 0, 1, 2, 6));
      headlineKpis(f, s.headline).forEach((k, i) => {
        const x = 0.5 + (i % 4) * 3.1;
        const y = 1.15 + Math.floor(i / 4) * 1.45;
        slide.addShape(d.pres.ShapeType.roundRect, { x, y, w: 2.95, h: 1.3, fill: { color: 'FFFFFF' }, line: { color: 'DEE2E6' }, rectRadius: 0.08 });
        slide.addText(
          [
            { text: k.label.toUpperCase(), options: { fontSize: 9, color: '868E96', bold: true, breakLine: true } },
            { text: k.value, options: { fontSize: 22, bold: true, color: INK, breakLine: true } },
            { text: k.change, options: { fontSize: 10, color: k.tone === 'good' ? '2B8A3E' : k.tone === 'bad' ? 'C92A2A' : '495057' } },
          ],
          { x: x + 0.1, y: y + 0.05, w: 2.75, h: 1.2, fontFace: FONT, valign: 'top' },
        );
      });
      const charts = [gapCostChart(f, s.charts.gapCost), gapFlowChart(f, s.charts.gapFlow), benefitCostChart(f, s.charts.benefitCost)];
      for (const ch of charts) if (ch) addChartPng(newSlide(d, ch.title, methodNote(d, 0, 1)), ch, box);
      addTableSlides(d, f.t.summary.topGaps, [c.title, c.process, c.severity, c.monthlyCost], s.topGaps.map((g) => [g.title, g.processName ?? '', g.severity, g.monthlyCostCents === null ? '—' : f.money(g.monthlyCostCents, g.currency)]), [6.5, 3.2, 0.8, 1.83], methodNote(d, 0));
      if (s.loopsClosed.length) addTableSlides(d, f.t.summary.loopsClosed, [c.title, c.closedOn, c.proof], s.loopsClosed.map((l) => [l.gap.title, f.date(l.gap.closedOn), proofText(f, l.evidence, l.gap.closureNote)]), [4.5, 1.5, 6.33], methodNote(d, 2));
      return;
    }
    case 'cross_department': {
      const dep = departmentsChart(f, s.departments);
      if (dep) addChartPng(newSlide(d, title, methodNote(d, 1, 2)), dep, box);
      const pb = playbookChart(f, s.playbook);
      if (pb) addChartPng(newSlide(d, f.t.charts.playbook, methodNote(d, 7)), pb, box);
      return;
    }
    case 'process_maps':
      s.maps.forEach((map, i) => {
        const { svg, width } = processMapSvg(map, f.t.maps, `m${i}`);
        const slide = newSlide(d, map.process.name);
        const png = svgToPng(svg, width, 1.5);
        const size = pngSize(png.toString('base64'))!;
        const w = Math.min(box.w, box.h * (size.width / size.height));
        slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: box.x, y: box.y, w, h: w * (size.height / size.width), altText: map.process.name });
      });
      return;
    case 'gap_register':
      return addTableSlides(d, title, [c.title, c.process, c.type, c.severity, c.monthlyCost, c.status], s.gaps.map((g) => [g.title, g.processName ?? '', f.t.gapType[g.type] ?? g.type, g.severity, g.monthlyCostCents === null ? '—' : f.money(g.monthlyCostCents, g.currency), f.t.gapStatus[g.status] ?? g.status]), [4.6, 2.6, 2, 0.7, 1.4, 1.03], methodNote(d, 0));
    case 'interventions': {
      const mix = interventionMixChart(f, s.mix);
      if (mix && s.rows.length > 1) addChartPng(newSlide(d, title), mix, box);
      return addTableSlides(d, title, [c.intervention, c.status, c.start, c.oneOff, c.recurring, c.linkedGaps], s.rows.map((r) => [r.intervention.title, f.t.interventionStatus[r.intervention.status] ?? r.intervention.status, f.date(r.intervention.startDate), f.money(r.intervention.oneOffCostCents, r.intervention.currency), f.money(r.intervention.recurringCostCents, r.intervention.currency), r.linkedGaps.map((g) => g.title).join(', ')]), [3.6, 1.2, 1.3, 1.4, 1.5, 3.33]);
    }
    case 'indicators':
      s.pages.forEach((p) => indicatorSlide(d, p));
      return;
    case 'roi': {
      const rows = s.departments.flatMap((dep) => [
        ...dep.interventions.filter((i) => !s.focus || i.interventionId === s.focus.interventionId).map((i) => [i.title, f.money(i.benefit.hardCents, i.currency), f.money(i.benefit.softCents, i.currency), f.money(i.costCents, i.currency), i.noCost ? f.t.roi.noCost : f.pct(i.roiPct.hard, 0), i.lifetime.paybackMonths.hard === null ? '—' : f.fill(c.months, { n: i.lifetime.paybackMonths.hard })]),
        ...(s.focus ? [] : [[`${f.t.roi.total} — ${dep.departmentName}`, f.money(dep.total.benefit.hardCents, dep.currency), f.money(dep.total.benefit.softCents, dep.currency), f.money(dep.total.costCents, dep.currency), dep.total.noCost ? f.t.roi.noCost : f.pct(dep.total.roiPct.hard, 0), '—']]),
      ]);
      return addTableSlides(d, title, [c.intervention, c.hard, c.soft, c.cost, c.roiHard, c.payback], rows, [4.6, 1.6, 1.6, 1.6, 1.2, 1.73], methodNote(d, 6));
    }
    case 'missing_updates':
      return addTableSlides(d, title, [c.indicator, c.department, c.latestPeriod, c.missingPeriods], s.rows.map((r) => [r.indicator.name, r.departmentName, r.status.latest ? f.date(r.status.latest.period) : '—', r.status.missingPeriods]), [5.5, 3, 2, 1.83]);
    case 'methods': {
      const slide = newSlide(d, title, figureLines(f, m).join('\n'));
      slide.addText(
        f.t.methods.items.flatMap(([dt, dd]) => [
          { text: `${dt}. `, options: { bold: true } },
          { text: f.fill(dd, { previous: `${f.date(m.meta.previous.from)} – ${f.date(m.meta.previous.to)}` }), options: { breakLine: true } },
        ]),
        { x: 0.5, y: 1.1, w: SLIDE_W - 1, h: SLIDE_H - 1.7, fontFace: FONT, fontSize: 10.5, color: INK, valign: 'top', paraSpaceAfter: 4 },
      );
      return;
    }
  }
}

export async function reportToPptx(model: ReportModel): Promise<Buffer> {
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = model.meta.title;
  pres.author = model.meta.companyName ?? 'Boucle';
  pres.company = model.meta.companyName ?? '';
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const f = makeFmt(model.meta.language);
  const d: DeckContext = { pres, f, footer: [model.meta.title, model.meta.confidentiality].filter(Boolean).join(' · ') };
  for (const s of model.sections) sectionSlides(d, model, s);
  return Buffer.from((await pres.write({ outputType: 'nodebuffer' })) as Uint8Array);
}
