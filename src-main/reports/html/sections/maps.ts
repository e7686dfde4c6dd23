import type { SectionOf } from '../../../../src-shared/reports/model';
import { processMapSvg } from '../../charts/swimlane-map';
import { titleOf, type HtmlContext } from '../context';
import { esc } from '../escape';

// Per process, its swimlane map with the gap markers, as vector.

export function mapsHtml(ctx: HtmlContext, s: SectionOf<'process_maps'>): string {
  const { f } = ctx;
  const words = { ...f.t.maps };
  const body = s.maps.length
    ? s.maps
        .map((m, i) => {
          const { svg } = processMapSvg(m, words, `m${i}`);
          const open = m.totalGaps.openGaps;
          return `<div class="${i ? 'indicator-page' : ''}"><h2>${esc(m.process.name)}</h2>
  <p class="muted small">${m.process.referenceId ? `${esc(m.process.referenceId)} · ` : ''}${esc(f.t.headline.openGaps)}: ${open}</p>
  <figure class="chart map" data-chart="map-${esc(m.process.id)}">${svg}</figure></div>`;
        })
        .join('')
    : `<p class="muted">${esc(f.t.maps.none)}</p>`;
  return `<section class="section" data-section="process_maps"><h1>${esc(titleOf(f, s))}</h1>${body}</section>`;
}
