import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { isDateFormatCode, isPercentFormatCode, numberKind } from '../../src-main/services/imports/xlsx-number-formats';
import { excelSerialToDate, SheetNotFound, XlsxWorkbook } from '../../src-main/services/imports/xlsx-reader';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { financeIndicators, footprint } from '../fixtures/measurements/fixtures';

// The .xlsx reader on files built part by part, in the orders and spellings real exporters use:
// the workbook stored last (as exceljs and others write it, which broke exceljs's own streaming
// reader now and then), a namespace prefix on every element, inline strings, rich text, 1904 dates.

let dir: string;
let t: TestWorkspace | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Writes a zip of the given parts, in the given order. */
async function zipOf(file: string, parts: [string, string][]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of parts) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

/** A workbook whose elements all carry the x: prefix, stored sheets first and workbook last. */
function prefixedParts(): [string, string][] {
  const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  return [
    ['xl/worksheets/sheet1.xml', sheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c></x:row>')],
    [
      'xl/worksheets/sheet2.xml',
      sheet(
        '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" s="1"><x:v>45688</x:v></x:c><x:c r="B3" s="2"><x:v>1234.5</x:v></x:c>' +
          '<x:c r="C3" t="inlineStr"><x:is><x:r><x:t>Clô</x:t></x:r><x:r><x:t xml:space="preserve">ture &amp; co</x:t></x:r></x:is></x:c></x:row>' +
          '<x:row r="5"><x:c r="A5" s="3"><x:v>1</x:v></x:c><x:c r="B5"><x:f>B3*2</x:f><x:v>2469</x:v></x:c><x:c r="C5" t="str"><x:f>"a"</x:f><x:v>line_x000D_two</x:v></x:c></x:row>' +
          '<x:row r="6"><x:c r="A6" t="d"><x:v>2025-02-28</x:v></x:c><x:c r="B6" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C6" t="b"><x:v>1</x:v></x:c><x:c r="D6"><x:f>NOW()</x:f></x:c><x:c r="E6" s="1"/></x:row>' +
          '<x:row r="7"><x:c r="B7" s="4"><x:v>0.5</x:v></x:c></x:row>',
      ),
    ],
    [
      'xl/sharedStrings.xml',
      `<x:sst xmlns:x="${NS}"><x:si><x:t>Date</x:t></x:si><x:si><x:r><x:t>Com</x:t></x:r><x:r><x:t>mentaire</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si></x:sst>`,
    ],
    [
      'xl/styles.xml',
      `<x:styleSheet xmlns:x="${NS}"><x:numFmts><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><x:numFmt numFmtId="165" formatCode="&quot;day &quot;0.00"/><x:numFmt numFmtId="166" formatCode="[Red]#,##0.00"/></x:numFmts>` +
        '<x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs>' +
        '<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/><x:xf numFmtId="14"/><x:xf numFmtId="166"/></x:cellXfs></x:styleSheet>',
    ],
    ['_rels/.rels', `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId5" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<x:workbook xmlns:x="${NS}" xmlns:rel="${R}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Cachée" sheetId="1" state="hidden" rel:id="rId1"/>` +
        '<x:sheet name="Mesures" sheetId="2" rel:id="rId2"/><x:sheet name="Graphique" sheetId="3" rel:id="rId3"/></x:sheets></x:workbook>',
    ],
  ];
}

async function readAll(file: string, sheet?: string) {
  const book = await XlsxWorkbook.open(file);
  const rows = [];
  try {
    for await (const r of book.rows(book.sheet(sheet), () => undefined, new AbortController().signal)) rows.push(r);
  } finally {
    book.close();
  }
  return { sheets: book.sheets.map((s) => [s.name, s.hidden]), rows };
}

describe('the .xlsx reader', () => {
  it('reads a workbook stored last, with prefixed elements, every cell type and 1904 dates', async () => {
    dir = tempDir('boucle-xlsx-');
    const file = await zipOf(path.join(dir, 'prefixed.xlsx'), prefixedParts());
    const { sheets, rows } = await readAll(file);
    expect(sheets).toEqual([['Cachée', true], ['Mesures', false]]); // the chart sheet has no rows
    const d1904 = (serial: number) => new Date(Date.UTC(1904, 0, 1) + serial * 86_400_000);
    expect(rows).toEqual([
      { row: 2, cells: ['Date', null, 'Commentaire'] },
      { row: 3, cells: [d1904(45688), 1234.5, 'Clôture & co'] },
      { row: 5, cells: [d1904(1), 2469, 'line\rtwo'] },
      { row: 6, cells: [new Date(Date.UTC(2025, 1, 28)), { error: '#DIV/0!' }, true] },
      { row: 7, cells: [null, 0.5] },
    ]);
    expect((await readAll(file, 'Cachée')).rows).toEqual([{ row: 1, cells: ['hidden'] }]);
    await expect(readAll(file, 'Graphique')).rejects.toBeInstanceOf(SheetNotFound);
  });

  it('reads the second sheet of an exceljs workbook every time (exceljs’s own reader lost it now and then)', async () => {
    dir = tempDir('boucle-xlsx-');
    const file = path.join(dir, 'two.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First').addRow(['a', 1]);
    wb.addWorksheet('Second').addRow(['b', new Date(Date.UTC(2025, 4, 31))]);
    await wb.xlsx.writeFile(file);
    for (let i = 0; i < 50; i++) {
      expect((await readAll(file, 'Second')).rows).toEqual([{ row: 1, cells: ['b', new Date(Date.UTC(2025, 4, 31))] }]);
    }
  });

  it('tells date formats from number formats', () => {
    for (const code of ['dd/mm/yyyy', 'mmm-yy', 'yyyy-mm-dd hh:mm', '[$-fr-FR]d mmmm yyyy', 'h:mm AM/PM']) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0 "days"', '[Red]0.0%', '0.00E+00', '\\d0']) expect(isDateFormatCode(code), code).toBe(false);
    expect(excelSerialToDate(45688, false).toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(excelSerialToDate(61, false).toISOString()).toBe('1900-03-01T00:00:00.000Z');
  });

  it('tells percent formats, built in (9, 10) and custom, from the others', () => {
    for (const code of ['0%', '0.0%', '[Red]0.0%', '#,##0.00 %;[Red]-#,##0.00 %']) expect(isPercentFormatCode(code), code).toBe(true);
    for (const code of ['0.00', '0 "%"', '0\\%', '0;"-"%', 'General']) expect(isPercentFormatCode(code), code).toBe(false);
    expect([9, 10, 0, 2, 14].map((id) => numberKind(id, undefined))).toEqual(['percent', 'percent', 'number', 'number', 'date']);
    expect(numberKind(164, 'dd/mm/yyyy')).toBe('date');
  });

  it('reads a number under a percent format as the sheet shows it: 0.125 as 12.5', async () => {
    dir = tempDir('boucle-xlsx-');
    const file = path.join(dir, 'rates.xlsx');
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Rates');
    s.addRow(['Late %', 0.125, 0.12, 0.07, 1234.5]);
    s.getCell('B1').numFmt = '0.0%';
    s.getCell('C1').numFmt = '0%';
    s.getCell('D1').numFmt = '0 "%"'; // a literal % sign: the number is shown as it is
    s.getCell('E1').numFmt = '#,##0.00';
    await wb.xlsx.writeFile(file);
    expect((await readAll(file)).rows).toEqual([{ row: 1, cells: ['Late %', 12.5, 12, 0.07, 1234.5] }]);
  });

  it('stops when cancelled', async () => {
    dir = tempDir('boucle-xlsx-');
    const file = path.join(dir, 'big.xlsx');
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Data');
    for (let i = 0; i < 20_000; i++) s.addRow([i, i * 2]);
    await wb.xlsx.writeFile(file);
    const book = await XlsxWorkbook.open(file);
    const abort = new AbortController();
    let seen = 0;
    let bytes = 0;
    await expect(
      (async () => {
        for await (const r of book.rows(book.sheet(undefined), (b) => (bytes = b), abort.signal)) {
          if (++seen === 100) abort.abort(new Error('cancelled by the user'));
          void r;
        }
      })(),
    ).rejects.toThrow('cancelled by the user');
    book.close();
    expect(seen).toBe(100);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(fs.statSync(file).size);
  });

  it('refuses a truncated file, a zip that is not a workbook, and a broken sheet, through the import, writing nothing', async () => {
    t = openTestWorkspace();
    dir = tempDir('boucle-xlsx-');
    const { apCost } = await financeIndicators(t);
    const good = await zipOf(path.join(dir, 'good.xlsx'), prefixedParts());
    const truncated = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 600));
    const notBook = await zipOf(path.join(dir, 'photos.xlsx'), [['photo.txt', 'not a workbook']]);
    const broken = await zipOf(
      path.join(dir, 'broken.xlsx'),
      prefixedParts().map(([n, x]): [string, string] => [n, n.endsWith('sheet2.xml') ? x.replace('</x:sheetData>', '<x:row></x:sheetData>') : x]),
    );
    const before = footprint(t);
    for (const [file, message] of [
      [truncated, /truncated\.xlsx cannot be read: it is not a valid \.xlsx file/],
      [notBook, /photos\.xlsx cannot be read: it is not a valid \.xlsx file \(xl\/workbook\.xml is missing\)/],
      [broken, /broken\.xlsx cannot be read: .*xl\/worksheets\/sheet2\.xml/],
    ] as const) {
      const r = await t.core.call('imports.measurements.preview', { path: file, indicatorId: apCost.id });
      expect(r, file).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
    }
    expect(footprint(t)).toEqual(before);
  });
});
