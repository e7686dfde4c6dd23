import type { SectionOf } from '../../../../src-shared/reports/model';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';
import { costOf, sevBadge } from './summary';

// The gap register: every open gap in one table, costliest first. The table runs over as many pages as
// it needs; Chromium repeats its header row on each and the stylesheet never cuts a row in two.

export function registerHtml(ctx: HtmlContext, s: SectionOf<'gap_register'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const rows = s.gaps.map((g) => [
    `<span class="title">${esc(g.title)}</span>`,
    `${esc(g.processName ?? '')}${g.stepName ? `<br><span class="small muted">${esc(g.stepName)}</span>` : ''}`,
    esc(f.t.gapType[g.type] ?? g.type),
    sevBadge(g.severity),
    `${esc(f.num(g.frequencyPerMonth, 1))} × ${esc(f.num(g.hoursLostPerOccurrence, 1))}\u00a0h`,
    costOf(f, g),
    esc(f.t.gapStatus[g.status] ?? g.status),
    esc(g.owner ?? '—'),
    esc(f.date(g.foundOn)),
  ]);
  const body = s.gaps.length
    ? `<p class="muted">${esc(f.fill(f.t.register.count, { n: f.num(s.gaps.length, 0) }))}</p>${table(
        [c.title, c.process, c.type, c.severity, `${c.frequency} × ${c.hours}`, c.monthlyCost, c.status, c.owner, c.foundOn],
        rows,
        [3, 4, 5],
      )}`
    : `<p class="muted">${esc(f.t.register.none)}</p>`;
  return `<section class="section" data-section="gap_register"><h1>${esc(titleOf(f, s))}</h1>${body}</section>`;
}
