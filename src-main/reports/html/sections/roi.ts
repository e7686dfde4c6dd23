import type { RoiFigures, RoiModelLine } from '../../../../src-shared/roi/schemas';
import { formatMessage } from '../../../../src-shared/messages';
import type { SectionOf } from '../../../../src-shared/reports/model';
import type { Fmt } from '../../format';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// ROI per intervention and department total (roi.department, roi.intervention): hard ROI as the
// headline, soft benefit beside it and the ROI with soft under that name; payback over the lifetime.

const months = (f: Fmt, n: number | null) => (n === null ? '—' : f.fill(f.t.col.months, { n }));
const pctOr = (f: Fmt, r: RoiFigures, v: number | null) => (r.noCost ? f.t.roi.noCost : f.pct(v, 0));

/**
 * Hard benefit, soft beside it, cost, hard ROI (the headline), ROI with soft, payback (lifetime, hard),
 * and the cash released apart: working capital, in no ROI.
 */
function figureCells(f: Fmt, r: RoiFigures, payback: number | null): string[] {
  return [
    esc(f.money(r.benefit.hardCents, r.currency)),
    esc(f.money(r.benefit.softCents, r.currency)),
    esc(f.money(r.costCents, r.currency)),
    esc(pctOr(f, r, r.roiPct.hard)),
    esc(pctOr(f, r, r.roiPct.withSoft)),
    esc(months(f, payback)),
    esc(r.cashReleasedCents ? f.money(r.cashReleasedCents, r.currency) : '—'),
  ];
}

/** Where a derived model's figures came from (a measured effect, a closed gap's cost). */
function origin(f: Fmt, d: RoiModelLine['derivedFrom'], currency: string): string {
  if (!d) return '';
  const r = f.t.roi;
  const text = d.source === 'impact'
    ? f.fill(r.fromImpact, { indicator: d.indicatorName, improvement: f.value(d.improvement, d.unit), low: f.num(d.low), high: f.num(d.high), from: f.date(d.window.from), to: f.date(d.window.to) })
    : f.fill(r.fromGap, { gap: d.gapTitle, cost: d.monthlyCostCents === null ? '—' : f.money(d.monthlyCostCents, currency) });
  return ` — <span class="muted">${esc(text)}</span>`;
}

export function roiHtml(ctx: HtmlContext, s: SectionOf<'roi'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const head = [c.intervention, c.hard, c.soft, c.cost, c.roiHard, c.roiTotal, c.payback, c.cash];
  const parts = s.departments.map((d) => {
    const rows = d.interventions
      .filter((i) => !s.focus || i.interventionId === s.focus.interventionId)
      .map((i) => [`<span class="title row-name">${esc(i.title)}</span>`, ...figureCells(f, i, i.lifetime.paybackMonths.hard)]);
    if (!s.focus) rows.push([`<b>${esc(f.t.roi.total)}</b>`, ...figureCells(f, d.total, null).map((x) => `<b>${x}</b>`)]);
    const why = (x: (typeof d.skipped)[number]) => (x.reason === 'no_start_date' ? f.t.roi.skipNoStart : f.fill(f.t.roi.skipCurrency, { currency: x.currency ?? '' }));
    const skipped = d.skipped.length && !s.focus ? `<p class="small muted">${esc(f.fill(f.t.roi.skipped, { titles: d.skipped.map((x) => `${x.title} (${why(x)})`).join(', ') }))}</p>` : '';
    const cash = rows.length && (s.focus ? s.focus.cashReleasedCents : d.total.cashReleasedCents) ? `<p class="small muted">${esc(f.t.roi.cashNote)}</p>` : '';
    return `${s.departments.length > 1 ? `<h2>${esc(d.departmentName)}</h2>` : ''}${rows.length ? table(head, rows, [1, 2, 3, 4, 5, 6, 7]) : `<p class="muted">${esc(f.t.roi.none)}</p>`}${cash}${skipped}`;
  });
  let focus = '';
  if (s.focus) {
    const r = s.focus;
    focus = `<h2>${esc(f.t.roi.caseStudy)}</h2>${table(
      [f.t.roi.month, c.hard, c.soft, c.cost, f.t.roi.cumulative, f.t.roi.cumulativeCost],
      r.months.map((m) => [esc(f.month(m.month)), ...[m.benefitHardCents, m.benefitSoftCents, m.costCents, m.cumulativeHardCents, m.cumulativeCostCents].map((v) => esc(f.money(v, r.currency)))]),
      [1, 2, 3, 4, 5],
    )}<ul class="small">${r.models.map((m) => `<li>${esc(m.label ?? m.kind)} (${esc(m.classification === 'hard' ? c.hard : c.soft)}): ${esc(formatMessage(m.formula.key, m.formula.params, f.lang))}${origin(f, m.derivedFrom, r.currency)}</li>`).join('')}</ul>`;
  }
  return `<section class="section" data-section="roi"><h1>${esc(titleOf(f, s))}</h1>${parts.join('')}${focus}</section>`;
}
