import type { SectionOf } from '../../../../src-shared/reports/model';
import { table, titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';
import { ragBadge } from './rag';

// Indicators missing updates on the period's end: ended periods without a value.

export function missingHtml(ctx: HtmlContext, s: SectionOf<'missing_updates'>): string {
  const { f } = ctx;
  const c = f.t.col;
  const body = s.rows.length
    ? table(
        [c.indicator, c.department, c.frequencyOf, c.latestPeriod, c.missingPeriods, c.lastEndedMissing, c.status],
        s.rows.map((r) => [
          `<span class="title">${esc(r.indicator.name)}</span>`,
          esc(r.departmentName),
          esc(f.t.frequency[r.indicator.frequency] ?? r.indicator.frequency),
          esc(r.status.latest ? f.date(r.status.latest.period) : '—'),
          f.num(r.status.missingPeriods, 0),
          esc(r.status.stale ? c.yes : c.no),
          ragBadge(f, r.status.status),
        ]),
        [4],
      )
    : `<p class="muted">${esc(f.t.missing.none)}</p>`;
  return `<section class="section" data-section="missing_updates"><h1>${esc(titleOf(f, s))}</h1>${body}</section>`;
}
