import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { closePdfEngine } from '../../src-main/reports/pdf/engine';
import { resolvePeriod } from '../../src-shared/reports/period';
import type { ReportSpecInput } from '../../src-shared/reports/schemas';
import { BUILTIN_TEMPLATES } from '../../src-shared/reports/builtin-templates';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { buildReport, plain, readPdf } from '../helpers/report-files';

// The review pack of the demo's Finance department in each format, read back: the PDF's text, outline
// and vector charts, the workbook's cells against the API, the deck's slides and native charts. One
// Chromium (the report engine's) serves every PDF of this file.

const TODAY = '2026-05-10';
const PERIOD = { kind: 'dates' as const, from: '2025-05-01', to: '2026-04-30' };
let t: TestWorkspace;
let out: string;
let finance: { id: string; name: string };
const monthly = BUILTIN_TEMPLATES.find((b) => b.key === 'monthly-review')!;

const spec = (over: Partial<ReportSpecInput> = {}): ReportSpecInput => ({
  departmentId: finance.id,
  title: 'Revue mensuelle — Finance',
  sections: monthly.sections,
  period: PERIOD,
  language: 'fr',
  companyName: 'Société Générale d’Études',
  confidentiality: 'Confidentiel — diffusion restreinte',
  ...over,
});

beforeAll(async () => {
  t = openTestWorkspace();
  createDemo(t.ws, { today: TODAY });
  const deps = await t.ok('departments.list', {});
  finance = deps.items.find((d) => d.code === 'FIN')!;
  out = tempDir('boucle-report-');
});
afterAll(async () => {
  await closePdfEngine();
  t.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('the PDF of a review', () => {
  it('has the sections, names and figures of the API, an outline, running header and footer, and vector charts', async () => {
    const file = path.join(out, 'finance.pdf');
    const logo = { mime: 'image/png' as const, base64: fs.readFileSync(path.resolve(__dirname, '../fixtures/report-logo.png')).toString('base64'), name: 'logo.png' };
    const job = await buildReport(t, { spec: spec({ logo }), format: 'pdf', out: file });
    expect(job.phase, JSON.stringify(job.error)).toBe('done');
    const pdf = await readPdf(fs.readFileSync(file));
    const all = pdf.pages.join(' ');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(12);
    expect(pdf.pages.length).toBeLessThanOrEqual(60);
    for (const title of ['Synthèse', 'Cartes des processus', 'Registre des lacunes', 'Interventions', 'Indicateurs', 'Retour sur investissement', 'Indicateurs à mettre à jour', 'Annexe : méthodes']) {
      expect(all, title).toContain(title);
      expect(pdf.outline.map(plain), title).toContain(title);
    }
    expect(pdf.pages[0]).toContain('Société Générale d’Études');
    // Running header and footer on every page: title, department, page x of y, confidentiality.
    pdf.pages.forEach((p, i) => {
      expect(p).toContain('Revue mensuelle — Finance');
      expect(p).toContain(`Page ${i + 1} sur ${pdf.pages.length}`);
      expect(p).toContain('Confidentiel — diffusion restreinte');
    });
    // Names with their accents, and the figures the API gives for the same scope and period.
    const indicators = await t.ok('indicators.list', { departmentId: finance.id });
    for (const ind of indicators.items) expect(all, ind.name).toContain(ind.name);
    const d = await t.ok('dashboard.get', { departmentId: finance.id, ...resolvePeriod(PERIOD, TODAY) });
    const money = (c: number) => plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(c / 100));
    expect(all).toContain(money(d.headline.openGapCost[0]!.current));
    expect(all).toContain(money(d.headline.costRemoved[0]!.current));
    const gaps = await t.ok('gaps.list', { departmentId: finance.id, status: ['open', 'addressing'], limit: 1000 });
    for (const g of gaps.items) expect(all, g.title).toContain(plain(g.title));
    // The ROI headline is the ROI screen's: hard ROI (no soft benefit, no cash released in it), the
    // cash released apart as balance sheet, the same on the dashboard.
    const roi = await t.ok('roi.department', { departmentId: finance.id, ...resolvePeriod(PERIOD, TODAY) });
    const h = d.headline.roi[0]!;
    expect(h.hardRoiPct.current).toBe(roi.total.roiPct.hard);
    expect(h.hardBenefitCents.current).toBe(roi.total.benefit.hardCents);
    expect(h.softBenefitCents.current).toBe(roi.total.benefit.softCents);
    expect(h.cashReleasedCents.current).toBe(roi.total.cashReleasedCents);
    expect(roi.total.cashReleasedCents).toBeGreaterThan(0);
    expect(roi.total.roiPct.hard).toBeCloseTo(((roi.total.benefit.hardCents - roi.total.costCents) / roi.total.costCents) * 100, 6);
    const pct = (v: number) => plain(new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(v / 100));
    expect(all).toContain(pct(roi.total.roiPct.hard!));
    expect(all).toMatch(/trésorerie libérée \(bilan\)/i);
    expect(all).toContain(money(roi.total.cashReleasedCents));
    expect(all).toMatch(/ROI avec intangible/i);
    // The logo on the cover is the only image object: every chart and map is drawn as vector.
    expect(pdf.imagePages).toEqual([1]);
  });

  it('paginates a register of 300 gaps with every title and the header row on every page', async () => {
    const dep = await t.ok('departments.create', { name: 'Achats groupés', code: 'ACH', colour: '#1c7ed6', loadedHourlyRateCents: 6500 });
    const proc = await t.ok('processes.create', { departmentId: dep.id, name: 'Réception des factures' });
    const titles: string[] = [];
    for (let i = 0; i < 300; i++) {
      const title = `Écart n° ${String(i + 1).padStart(3, '0')} — relance fournisseur ${i % 7 === 0 ? 'très longue à expliquer car elle dépend de trois équipes et de deux systèmes différents' : 'simple'}`;
      titles.push(title);
      await t.ok('gaps.create', { processId: proc.id, title, type: 'information', severity: 1 + (i % 5), frequencyPerMonth: 1 + (i % 9), hoursLostPerOccurrence: 1.5 });
    }
    const file = path.join(out, 'register.pdf');
    const job = await buildReport(t, { spec: spec({ departmentId: dep.id, title: 'Registre', sections: [{ kind: 'gap_register' }] }), format: 'pdf', out: file });
    expect(job.phase, JSON.stringify(job.error)).toBe('done');
    const pdf = await readPdf(fs.readFileSync(file));
    expect(pdf.pages.length).toBeGreaterThan(5);
    const all = pdf.pages.join(' ');
    for (const title of titles) expect(all).toContain(title);
    for (const p of pdf.pages) expect(p).toMatch(/TITRE.*PROCESSUS.*TYPE.*GRAV\./);
  });
});

describe('the workbook of a review', () => {
  it('holds the API’s gaps, interventions, indicators, measurements and ROI in typed cells', async () => {
    const file = path.join(out, 'finance.xlsx');
    const job = await buildReport(t, { spec: spec({ language: 'en' }), format: 'xlsx', out: file });
    expect(job.phase, JSON.stringify(job.error)).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Executive summary', 'Gaps', 'Interventions', 'Indicators', 'Measurements', 'ROI']);
    const gapsWs = wb.getWorksheet('Gaps')!;
    const api = await t.ok('gaps.list', { departmentId: finance.id, status: ['open', 'addressing'], sortBy: 'cost', sortDir: 'desc', limit: 1000 });
    expect(gapsWs.rowCount - 1).toBe(api.total);
    expect(gapsWs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(gapsWs.autoFilter).toBeTruthy();
    api.items.forEach((g, i) => {
      const row = gapsWs.getRow(i + 2);
      expect(row.getCell(1).value).toBe(g.title);
      expect(row.getCell(6).value).toBe(g.severity);
      expect(row.getCell(9).value).toBeCloseTo(g.monthlyCostCents! / 100, 2);
      expect(row.getCell(9).numFmt).toContain('€');
      expect(row.getCell(12).value).toBeInstanceOf(Date);
      expect((row.getCell(12).value as Date).toISOString().slice(0, 10)).toBe(g.foundOn);
    });
    const roi = await t.ok('roi.department', { departmentId: finance.id, from: PERIOD.from, to: PERIOD.to });
    const roiWs = wb.getWorksheet('ROI')!;
    const totalRow = roiWs.getRow(roiWs.rowCount);
    expect(totalRow.getCell(3).value).toBeCloseTo(roi.total.benefit.hardCents / 100, 2);
    expect(totalRow.getCell(4).value).toBeCloseTo(roi.total.benefit.softCents / 100, 2);
    expect(totalRow.getCell(5).value).toBeCloseTo(roi.total.costCents / 100, 2);
    expect(totalRow.getCell(6).value).toBeCloseTo(roi.total.roiPct.hard! / 100, 6);
    expect(roiWs.getRow(1).getCell(9).value).toBe('Cash released');
    expect(totalRow.getCell(9).value).toBeCloseTo(roi.total.cashReleasedCents / 100, 2);
    const meas = wb.getWorksheet('Measurements')!;
    expect(meas.rowCount).toBeGreaterThan(20);
    expect(typeof meas.getRow(2).getCell(3).value).toBe('number');
  });
});
