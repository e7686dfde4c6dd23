import type { HtmlContext } from '../context';
import { esc } from '../escape';

// The cover: logo, company, title, scope, period (and the one it is compared with), date, confidentiality.

export function periodText(ctx: HtmlContext): string {
  const { f, model } = ctx;
  const m = model.meta;
  const range = `${f.date(m.from)} – ${f.date(m.to)}`;
  return m.relative ? `${f.t.relative[m.relative]} (${range})` : range;
}

export function scopeText(ctx: HtmlContext): string {
  const m = ctx.model.meta;
  return m.allDepartments ? ctx.f.t.cover.allDepartments : m.departments.map((d) => d.name).join(', ');
}

export function coverHtml(ctx: HtmlContext): string {
  const { f, model } = ctx;
  const m = model.meta;
  const t = f.t.cover;
  const logo = m.logo ? `<div class="logo"><img alt="" src="data:${m.logo.mime};base64,${m.logo.base64}"></div>` : '';
  return `<section class="cover" data-section="cover">
  <div>
    ${logo}
    ${m.companyName ? `<div class="company">${esc(m.companyName)}</div>` : ''}
    <h1 class="report-title">${esc(m.title)}</h1>
    <div class="meta">
      <div><b>${esc(m.allDepartments ? t.departments : m.departments.length > 1 ? t.departments : f.t.col.department)}</b> · ${esc(scopeText(ctx))}</div>
      ${m.focusIntervention ? `<div><b>${esc(t.caseStudy)}</b> · ${esc(m.focusIntervention.title)}</div>` : ''}
      <div><b>${esc(t.period)}</b> · ${esc(periodText(ctx))}</div>
      <div class="muted">${esc(t.comparedWith)} ${esc(f.date(m.previous.from))} ${esc(t.rangeTo)} ${esc(f.date(m.previous.to))}</div>
      <div class="muted">${esc(t.generated)} ${esc(f.date(m.generatedAt.slice(0, 10)))}</div>
    </div>
  </div>
  ${m.confidentiality ? `<div class="confidential">${esc(m.confidentiality)}</div>` : '<div></div>'}
</section>`;
}
