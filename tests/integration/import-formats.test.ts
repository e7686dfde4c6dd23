import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, fixture, footprint, runImport, values } from '../fixtures/measurements/fixtures';

// Every format point of the measurement import, on small files: separators, encodings and BOM,
// decimal comma and thousands separators, the three date formats and ambiguous dates, Excel date
// cells, several indicators in one file, title lines above the header.

let t: TestWorkspace;
let dir: string;
afterEach(() => {
  t?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  t = openTestWorkspace();
  dir = tempDir('boucle-import-');
  return financeIndicators(t);
}

describe('CSV formats', () => {
  it('French Excel: UTF-8 BOM, ";", dd/mm/yyyy, decimal comma, space / no-break / narrow no-break thousands', async () => {
    const { apCost } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('fr-bom-semicolon.csv') });
    expect(p).toMatchObject({
      format: 'csv', encoding: 'utf-8', bom: true, separator: ';', decimal: ',', decimalAmbiguous: false,
      headerRow: 1, mapping: { date: 0, value: 1, note: 2, indicator: null },
      dateFormat: { detected: 'dd/mm/yyyy', ambiguous: false },
    });
    expect(p.thousands).toEqual([' ', '\u00a0', '\u202f']);
    expect(p.columns.map((c) => [c.name, c.guess])).toEqual([['Date', 'date'], ['Valeur', 'value'], ['Commentaire', 'note']]);
    const job = await runImport(t, { path: fixture('fr-bom-semicolon.csv'), mapping: p.mapping, indicatorId: apCost.id, onExisting: 'keep' });
    expect(job).toMatchObject({ phase: 'done', errorCount: 0, result: { rows: 5, inserted: 5, encoding: 'utf-8', dateFormat: 'dd/mm/yyyy' } });
    expect(values(t, apCost.id)).toEqual([
      { period: '2025-01-01', value: 1234.5, note: 'Clôture de janvier' },
      { period: '2025-02-01', value: 1180.25, note: 'Équipe renforcée' },
      { period: '2025-03-01', value: 1099, note: null },
      { period: '2025-04-01', value: 987.5, note: 'Début de la communauté « Fournisseurs »' },
      { period: '2025-05-01', value: -12.5, note: 'Avoir exceptionnel' },
    ]);
    expect(job.result!.indicators).toEqual([{ indicatorId: apCost.id, name: 'AP cost per invoice', rows: 5, from: '2025-01-01', to: '2025-05-01' }]);
  });

  it('US export: ",", mm/dd/yyyy, quoted "1,234.50" with a thousands comma, no BOM, LF', async () => {
    const { apCost } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('us-comma.csv') });
    expect(p).toMatchObject({ encoding: 'utf-8', bom: false, separator: ',', decimal: '.', thousands: [','], dateFormat: { detected: 'mm/dd/yyyy' } });
    const job = await runImport(t, { path: fixture('us-comma.csv'), mapping: p.mapping, indicatorId: apCost.id, onExisting: 'keep' });
    expect(job.phase).toBe('done');
    expect(values(t, apCost.id)).toEqual([
      { period: '2025-01-01', value: 1234.5, note: 'January close' },
      { period: '2025-02-01', value: 1180.25, note: 'Team grew, more invoices' },
      { period: '2025-03-01', value: 1099, note: null },
    ]);
  });

  it('tab-separated ISO dates of a weekly indicator land on Mondays; an empty value is skipped, said', async () => {
    const { weekly } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('tab-iso.tsv'), indicatorId: weekly.id });
    expect(p).toMatchObject({ separator: '\t', decimal: '.', dateFormat: { detected: 'iso' } });
    // 15 Jan (Wednesday) → week of Monday 13 Jan; 26 Jan (Sunday) → week of Monday 20 Jan.
    expect(p.rows.map((r) => [r.date, r.period])).toEqual([
      ['2025-01-06', '2025-01-06'],
      ['2025-01-15', '2025-01-13'],
      ['2025-01-26', '2025-01-20'],
      [null, null],
    ]);
    const job = await runImport(t, { path: fixture('tab-iso.tsv'), mapping: p.mapping, indicatorId: weekly.id, onExisting: 'keep' });
    expect(job.result).toMatchObject({ rows: 3, inserted: 3, skippedEmpty: 1 });
    expect(values(t, weekly.id).map((v) => [v.period, v.value])).toEqual([['2025-01-06', 12.5], ['2025-01-13', 11], ['2025-01-20', 10.75]]);
  });

  it('Windows-1252 with several indicators named in a column (accents in names and notes), "1.234,56"', async () => {
    const { apCost, delay, late } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('fr-windows-1252-multi.csv') });
    expect(p).toMatchObject({ encoding: 'windows-1252', bom: false, separator: ';', decimal: ',', thousands: ['.'], mapping: { indicator: 0, date: 1, value: 2, note: 3 } });
    expect(p.rows.map((r) => [r.indicator, r.indicatorId])).toEqual([
      ['Délai de paiement fournisseurs', delay.id],
      ['Délai de paiement fournisseurs', delay.id],
      ['Factures payées en retard', late.id],
      ['Factures payées en retard', late.id],
      ['AP cost per invoice', apCost.id],
    ]);
    const job = await runImport(t, { path: fixture('fr-windows-1252-multi.csv'), mapping: p.mapping, onExisting: 'keep' });
    expect(job.result).toMatchObject({ rows: 5, inserted: 5, encoding: 'windows-1252' });
    expect(values(t, delay.id)).toEqual([
      { period: '2025-01-01', value: 45.5, note: "Relancé à l'équipe Achats" },
      { period: '2025-02-01', value: 41.25, note: 'Réunion de clôture' },
    ]);
    expect(values(t, late.id).map((v) => v.note)).toEqual([null, 'Très bonne progression']);
    expect(values(t, apCost.id)).toEqual([{ period: '2025-01-01', value: 1234.56, note: 'Coût élevé' }]);
    expect(job.result!.indicators.map((i) => [i.name, i.rows])).toEqual([
      ['Délai de paiement fournisseurs', 2],
      ['Factures payées en retard', 2],
      ['AP cost per invoice', 1],
    ]);
  });

  it('matches the indicator column by id as well as by name (case and spaces aside)', async () => {
    const { apCost, delay } = await setup();
    const file = path.join(dir, 'by-id.csv');
    fs.writeFileSync(file, `kpi;date;value\n${delay.id};2025-01-31;40\n  ap COST  per invoice ;2025-01-31;12\n`);
    const p = await t.ok('imports.measurements.preview', { path: file });
    expect(p.mapping).toEqual({ date: 1, value: 2, note: null, indicator: 0 });
    const job = await runImport(t, { path: file, mapping: p.mapping, onExisting: 'keep' });
    expect(job.phase).toBe('done');
    expect(values(t, delay.id).map((v) => v.value)).toEqual([40]);
    expect(values(t, apCost.id).map((v) => v.value)).toEqual([12]);
  });

  it('ambiguous dates are flagged and must be chosen; the choice changes what is read', async () => {
    const { apCost } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('ambiguous-dates.csv'), indicatorId: apCost.id });
    expect(p.dateFormat).toEqual({ detected: null, ambiguous: true, conflict: false, candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'], excelDates: false });
    expect(p.rows[0]!.errors[0]).toMatchObject({ code: 'needs_date_format', row: 2, column: 'date' });
    const before = footprint(t);
    const base = { path: fixture('ambiguous-dates.csv'), mapping: { date: 0, value: 1 }, indicatorId: apCost.id, onExisting: 'keep' };
    expect(await t.core.call('imports.measurements.start', base)).toMatchObject({ ok: false, error: { code: 'validation', field: 'dateFormat' } });
    expect(footprint(t)).toEqual(before);
    // Read month-first, all three are in January: one month, three values → rejected.
    const us = await runImport(t, { ...base, dateFormat: 'mm/dd/yyyy' });
    expect(us.phase).toBe('rejected');
    expect(us.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate_period'], [4, 'duplicate_period']]);
    expect(footprint(t)).toEqual(before);
    // Read day-first: 1 February, 1 March, 1 April.
    const fr = await runImport(t, { ...base, dateFormat: 'dd/mm/yyyy' });
    expect(fr.phase).toBe('done');
    expect(values(t, apCost.id).map((v) => v.period)).toEqual(['2025-02-01', '2025-03-01', '2025-04-01']);
  });

  it('finds the header below the title lines of a BI export; ISO months', async () => {
    const { apCost } = await setup();
    const p = await t.ok('imports.measurements.preview', { path: fixture('bi-export-title.csv') });
    expect(p).toMatchObject({ headerRow: 4, mapping: { date: 0, value: 1 }, dateFormat: { detected: 'iso' } });
    expect(p.raw[0]).toEqual(['Rapport : Coût de traitement des factures']);
    const job = await runImport(t, { path: fixture('bi-export-title.csv'), mapping: p.mapping, indicatorId: apCost.id, onExisting: 'keep' });
    expect(job.result).toMatchObject({ rows: 3 });
    expect(values(t, apCost.id).map((v) => [v.period, v.value])).toEqual([['2025-01-01', 12.5], ['2025-02-01', 11.9], ['2025-03-01', 11.2]]);
  });

  it('UTF-16 with BOM (Excel "Unicode text"), tab-separated', async () => {
    const { delay } = await setup();
    const file = path.join(dir, 'unicode.txt');
    fs.writeFileSync(file, iconv.encode('Période\tValeur\tNote\r\n31/01/2025\t45,5\tÉté\r\n28/02/2025\t41\t\r\n', 'utf-16le', { addBOM: true }));
    const p = await t.ok('imports.measurements.preview', { path: file });
    expect(p).toMatchObject({ encoding: 'utf-16le', bom: true, separator: '\t', decimal: ',', mapping: { date: 0, value: 1, note: 2 } });
    const job = await runImport(t, { path: file, mapping: p.mapping, indicatorId: delay.id, onExisting: 'keep' });
    expect(job.phase).toBe('done');
    expect(values(t, delay.id)).toEqual([
      { period: '2025-01-01', value: 45.5, note: 'Été' },
      { period: '2025-02-01', value: 41, note: null },
    ]);
  });

  it('a file valid UTF-8 in its first megabyte but Windows-1252 further on is read as Windows-1252', async () => {
    const { late } = await setup();
    const file = path.join(dir, 'late-accent.csv');
    const lines = ['date;value;note'];
    // 20,000 days of ASCII (over 1 MB), then one accented note in Windows-1252.
    for (let i = 0; i < 20_000; i++) lines.push(`${new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10)};${i};note number ${i} padding padding padding`);
    const body = Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), iconv.encode('2020-01-01;1;Réglé\n', 'win1252')]);
    fs.writeFileSync(file, body);
    expect(body.length).toBeGreaterThan(1 << 20);
    const daily = await t.ok('indicators.create', { departmentId: late.departmentId, name: 'Daily', direction: 'lower', frequency: 'daily' });
    const p = await t.ok('imports.measurements.preview', { path: file, indicatorId: daily.id });
    expect(p.encoding).toBe('utf-8'); // all the sample saw
    const job = await runImport(t, { path: file, mapping: p.mapping, indicatorId: daily.id, onExisting: 'keep' });
    expect(job).toMatchObject({ phase: 'done', result: { rows: 20_001, encoding: 'windows-1252' } });
    expect(t.ws.db.prepare(`SELECT note FROM measurements WHERE indicator_id = ? AND period = '2020-01-01'`).pluck().get(daily.id)).toBe('Réglé');
  });
});

describe('XLSX', () => {
  async function workbook(file: string) {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Données');
    s.addRow(['Date', 'Valeur', 'Commentaire']);
    s.addRow([new Date(Date.UTC(2025, 0, 31)), 1234.5, 'Clôture']);
    s.addRow([new Date(Date.UTC(2025, 1, 28)), { formula: 'B2-54.25', result: 1180.25 }, null]);
    s.addRow([45747, 1099, 'serial']); // an Excel serial day in a plain number cell: 2025-03-31
    s.addRow(['30/04/2025', '987,5', 'texte']); // text cells, as some exports write them
    s.getColumn(1).numFmt = 'dd/mm/yyyy';
    s.getCell('A4').numFmt = 'General';
    const other = wb.addWorksheet('Autre');
    other.addRow(['Indicateur', 'Date', 'Valeur']);
    other.addRow(['Délai de paiement fournisseurs', new Date(Date.UTC(2025, 4, 31)), 39]);
    await wb.xlsx.writeFile(file);
  }

  it('reads real Excel date cells, serial days, formula results and text cells; streams the first sheet', async () => {
    const { apCost } = await setup();
    const file = path.join(dir, 'export.xlsx');
    await workbook(file);
    const p = await t.ok('imports.measurements.preview', { path: file, indicatorId: apCost.id });
    expect(p).toMatchObject({
      format: 'xlsx', encoding: null, separator: null, sheets: ['Données', 'Autre'], sheet: 'Données', headerRow: 1,
      mapping: { date: 0, value: 1, note: 2, indicator: null },
      dateFormat: { detected: 'dd/mm/yyyy', excelDates: true },
    });
    expect(p.rows.map((r) => [r.date, r.value])).toEqual([
      ['2025-01-31', 1234.5],
      ['2025-02-28', 1180.25],
      ['2025-03-31', 1099],
      ['2025-04-30', 987.5],
    ]);
    const job = await runImport(t, { path: file, mapping: p.mapping, indicatorId: apCost.id, onExisting: 'keep' });
    expect(job).toMatchObject({ phase: 'done', result: { rows: 4, inserted: 4, encoding: null } });
    expect(values(t, apCost.id)).toEqual([
      { period: '2025-01-01', value: 1234.5, note: 'Clôture' },
      { period: '2025-02-01', value: 1180.25, note: null },
      { period: '2025-03-01', value: 1099, note: 'serial' },
      { period: '2025-04-01', value: 987.5, note: 'texte' },
    ]);
  });

  it('reads the sheet the user chose, with indicators named in it', async () => {
    const { delay } = await setup();
    const file = path.join(dir, 'export.xlsx');
    await workbook(file);
    const p = await t.ok('imports.measurements.preview', { path: file, options: { sheet: 'Autre' } });
    expect(p).toMatchObject({ sheet: 'Autre', mapping: { indicator: 0, date: 1, value: 2 } });
    const job = await runImport(t, { path: file, options: { sheet: 'Autre' }, mapping: p.mapping, onExisting: 'keep' });
    expect(job.phase).toBe('done');
    expect(values(t, delay.id).map((v) => [v.period, v.value])).toEqual([['2025-05-01', 39]]);
    expect(await t.core.call('imports.measurements.preview', { path: file, options: { sheet: 'Nope' } })).toMatchObject({
      ok: false, error: { code: 'validation', field: 'options.sheet' },
    });
  });

  it('refuses an old .xls file with a clear message', async () => {
    await setup();
    const file = path.join(dir, 'old.xls');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(await t.core.call('imports.measurements.preview', { path: file })).toMatchObject({
      ok: false, error: { code: 'validation', field: 'path', message: expect.stringMatching(/save it as \.xlsx or CSV/) },
    });
  });
});
