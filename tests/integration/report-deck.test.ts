import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { BUILTIN_TEMPLATES } from '../../src-shared/reports/builtin-templates';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { buildReport } from '../helpers/report-files';

// The deck (slides, native charts, notes; opened by LibreOffice where it is installed), the report
// templates as entities of the write path, and the Export of a list read back against the list.

let t: TestWorkspace;
let out: string;
let finance: { id: string };

beforeAll(async () => {
  t = openTestWorkspace();
  createDemo(t.ws, { today: '2026-05-10' });
  finance = (await t.ok('departments.list', {})).items.find((d) => d.code === 'FIN')!;
  out = tempDir('boucle-deck-');
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);

describe('the deck of a review', () => {
  it('has a slide per section and indicator, native KPI charts, PNG charts and methods in the notes; LibreOffice opens it', async () => {
    const file = path.join(out, 'finance.pptx');
    const monthly = BUILTIN_TEMPLATES.find((b) => b.key === 'monthly-review')!;
    const job = await buildReport(t, { spec: { departmentId: finance.id, title: 'Finance review', sections: monthly.sections, period: { kind: 'dates', from: '2025-05-01', to: '2026-04-30' } }, format: 'pptx', out: file });
    expect(job.phase, JSON.stringify(job.error)).toBe('done');
    const names = await zipEntries(file);
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const indicators = await t.ok('indicators.list', { departmentId: finance.id });
    expect(slides.length).toBeGreaterThanOrEqual(indicators.total + 8);
    expect(names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBe(indicators.total);
    expect(names.filter((n) => /^ppt\/media\/.*\.png$/.test(n)).length).toBeGreaterThanOrEqual(4);
    expect(names.some((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))).toBe(true);
    if (!soffice) {
      console.log('LibreOffice is not installed here: the deck was not opened by it (apt-get install libreoffice-impress)');
      return;
    }
    execFileSync(soffice, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 120_000, stdio: 'pipe', env: { ...process.env, HOME: out } });
    expect(fs.statSync(path.join(out, 'finance.pdf')).size).toBeGreaterThan(10_000);
  }, 180_000);
});

describe('report templates', () => {
  it('are saved per department through the write path, with unique names and a checked logo', async () => {
    const png = fs.readFileSync(path.resolve(__dirname, '../fixtures/report-logo.png')).toString('base64');
    const created = await t.ok('reportTemplates.create', {
      departmentId: finance.id, name: 'Revue du comité', language: 'fr', sections: [{ kind: 'cover' }, { kind: 'executive_summary' }],
      logo: { mime: 'image/png', base64: png, name: 'logo.png' }, companyName: 'Acme', period: { kind: 'relative', relative: 'ytd' },
    });
    expect(created).toMatchObject({ name: 'Revue du comité', language: 'fr', scope: { kind: 'own' }, period: { kind: 'relative', relative: 'ytd' } });
    const updated = await t.ok('reportTemplates.update', { id: created.id, confidentiality: 'Interne' });
    expect(updated.confidentiality).toBe('Interne');
    const logged = t.ws.db.prepare(`SELECT COUNT(*) FROM change_log WHERE entity = 'report_templates' AND row_id = ?`).pluck().get(created.id) as number;
    expect(logged).toBeGreaterThanOrEqual(2); // the insert and the update, each one entry of the change log
    const clash = await t.core.call('reportTemplates.create', { departmentId: finance.id, name: 'REVUE DU comité', sections: [{ kind: 'cover' }] });
    expect(clash.ok ? null : clash.error.code).toBe('conflict');
    const fake = await t.core.call('reportTemplates.update', { id: created.id, logo: { mime: 'image/png', base64: Buffer.from('not a png').toString('base64') } });
    expect(fake.ok ? null : fake.error).toMatchObject({ code: 'validation', field: 'logo' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const unsafe = await t.core.call('reportTemplates.update', { id: created.id, logo: { mime: 'image/svg+xml', base64: svg } });
    expect(unsafe.ok ? null : unsafe.error.key).toBe('report.logo.unsafe');
    expect((await t.ok('reportTemplates.get', { id: created.id })).logo?.base64).toBe(png);
    const reversed = await t.core.call('reportTemplates.update', { id: created.id, period: { kind: 'dates', from: '2026-02-01', to: '2026-01-01' } });
    expect(reversed.ok ? null : reversed.error.field).toBe('period.to');
  });
});

describe('the Export of a list', () => {
  it('writes exactly the rows and order of the filtered register, as CSV and XLSX', async () => {
    const filters = { departmentId: finance.id, status: ['open', 'addressing', 'closed'] as const, sortBy: 'cost' as const, sortDir: 'desc' as const };
    const list = await t.ok('gaps.list', { ...filters, status: [...filters.status], limit: 1000 });
    const csv = await t.ok('reports.exportList', { list: 'gaps', filters: { ...filters, status: [...filters.status] }, format: 'csv', language: 'fr' });
    expect(csv.rows).toBe(list.total);
    const lines = fs.readFileSync(csv.path, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Titre;Direction;Processus/);
    expect(lines.length).toBe(list.total + 1);
    list.items.forEach((g, i) => expect(lines[i + 1]).toContain(g.title.replace(/"/g, '""')));
    const xlsx = await t.ok('reports.exportList', { list: 'interventions', filters: { departmentId: finance.id, status: 'running' }, format: 'xlsx', language: 'en' });
    const running = await t.ok('interventions.list', { departmentId: finance.id, status: 'running' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(running.total);
    running.items.forEach((i, n) => {
      expect(ws.getRow(n + 2).getCell(1).value).toBe(i.title);
      expect(ws.getRow(n + 2).getCell(9).value).toBeCloseTo(i.oneOffCostCents / 100, 2);
    });
  });
});
