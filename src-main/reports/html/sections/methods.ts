import type { ReportModel } from '../../../../src-shared/reports/model';
import { formatMessage, type KeyedMessage } from '../../../../src-shared/messages';
import { methodSentences } from '../../../../src-shared/messages/method';
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
        // Each impact in the core's own words (the app's "How is this computed?" shows the same).
        for (const im of p.impacts) lines.push(`${p.indicator.name} × ${im.interventionTitle}: ${methodSentences(im.result.method, f.lang).join(' ')}`);
      }
    }
    if (s.kind === 'roi') {
      const focus = s.focus;
      const formula = (x: { formula: KeyedMessage }) => formatMessage(x.formula.key, x.formula.params, f.lang);
      if (focus) {
        lines.push(`${focus.title}: ${methodSentences(focus.method, f.lang).join(' ')}`);
        lines.push(...focus.models.map((x) => f.fill(m.roiLine, { title: focus.title, models: focus.models.length, formula: formula(x) })));
      } else {
        for (const d of s.departments) {
          lines.push(`${d.departmentName}: ${methodSentences(d.method, f.lang).join(' ')}`);
          for (const i of d.interventions) for (const x of i.models) lines.push(f.fill(m.roiLine, { title: i.title, models: i.models.length, formula: formula(x) }));
        }
      }
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
