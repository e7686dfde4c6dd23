import type { ReportModel } from '../../../../src-shared/reports/model';
import type { Fmt } from '../../format';
import { titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// The appendix of methods: how each figure is computed, then the figures of this report with the data
// behind them (points, limits, intervals). One list of lines, also used for the slides' notes.

export function figureLines(f: Fmt, model: ReportModel): string[] {
  const m = f.t.methods;
  const lines: string[] = [];
  for (const s of model.sections) {
    if (s.kind === 'indicators') {
      lines.push(f.fill(m.ragLine, { n: s.pages.length, date: f.date(model.meta.to) }));
      for (const p of s.pages) {
        const u = p.indicator.unit;
        if (p.xmr?.status === 'ok') {
          const l = p.xmr.limits;
          lines.push(f.fill(m.xmrLine, { indicator: p.indicator.name, n: l.n, from: f.date(l.from), to: f.date(l.to), centre: f.value(l.centre, u), lnpl: f.num(l.lnpl), unpl: f.num(l.unpl) }));
        }
        for (const im of p.impacts) {
          const r = im.result;
          lines.push(
            r.status === 'ok'
              ? f.fill(m.impactLine, { indicator: p.indicator.name, intervention: im.interventionTitle, n1: r.before.n, n2: r.after.n, change: f.value(r.change, u), low: f.num(r.interval.low), high: f.num(r.interval.high), df: f.num(r.interval.df, 1) })
              : f.fill(m.impactNot, { indicator: p.indicator.name, intervention: im.interventionTitle, before: r.have.before, after: r.have.after }),
          );
        }
      }
    }
    if (s.kind === 'roi') {
      const focus = s.focus;
      if (focus) lines.push(...focus.models.map((x) => f.fill(m.roiLine, { title: focus.title, models: focus.models.length, formula: x.formula })));
      else for (const d of s.departments) for (const i of d.interventions) for (const x of i.models) lines.push(f.fill(m.roiLine, { title: i.title, models: i.models.length, formula: x.formula }));
    }
  }
  return lines;
}

export function methodsHtml(ctx: HtmlContext, s: ReportModel['sections'][number]): string {
  const { f, model } = ctx;
  const m = f.t.methods;
  const previous = `${f.date(model.meta.previous.from)} – ${f.date(model.meta.previous.to)}`;
  const items = m.items.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${esc(f.fill(dd, { previous }))}</dd>`).join('');
  const lines = figureLines(f, model);
  return `<section class="section" data-section="methods"><h1>${esc(titleOf(f, s))}</h1>
  <p>${esc(m.intro)}</p><dl class="methods">${items}</dl>
  ${lines.length ? `<h2>${esc(m.figures)}</h2><ul class="figures small">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
</section>`;
}
