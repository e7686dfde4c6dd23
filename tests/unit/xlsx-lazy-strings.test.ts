import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src-main/services/imports/xlsx-reader';
import { SharedStrings } from '../../src-main/services/imports/xlsx-shared-strings';

// The reader reads the shared strings as the sheet's cells need them (a preview's first rows read a
// few, not the whole table): every cell still gets its string, in whatever order the cells name
// them; a table broken past what the first rows need does not stop them, but reading the whole sheet
// reads the table to its end and refuses it. A closed table gives its memory back.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const N = 20_000;
const text = (i: number) => `relance fournisseur n° ${i} « écart »`;

/** A workbook of rows naming the shared strings `order[i]` (as written in <v>), then a cell past the table. */
async function workbook(order: (number | string)[], sst = (si: string) => `<sst xmlns="${NS}" uniqueCount="${N}">${si}</sst>`): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-xlsx-strings-'));
  dirs.push(dir);
  const rows = order.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${s}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`);
  rows.push(`<row r="${order.length + 1}"><c r="A${order.length + 1}" t="s"><v>${N}</v></c></row>`);
  const si = Array.from({ length: N }, (_, i) => `<si><t>${text(i)}</t></si>`).join('');
  const parts: [string, string][] = [
    ['_rels/.rels', `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/sharedStrings.xml', sst(si)],
    ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`],
  ];
  const zip = new yazl.ZipFile();
  for (const [name, xml] of parts) zip.addBuffer(Buffer.from(xml, 'utf8'), name);
  zip.end();
  const file = path.join(dir, 'strings.xlsx');
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

async function read(file: string, limit = Infinity) {
  const book = await XlsxWorkbook.open(file);
  const cells: unknown[] = [];
  try {
    for await (const r of book.rows(book.sheet(undefined), () => undefined, new AbortController().signal)) {
      cells.push(r.cells[0] ?? null); // an empty row has no cells
      if (cells.length === limit) break;
    }
  } finally {
    book.close();
  }
  return cells;
}

describe('shared strings read as the cells need them', () => {
  it('gives every cell its string, in order, in reverse and shuffled; a cell past the table is empty', async () => {
    const inOrder = Array.from({ length: N }, (_, i) => i);
    const shuffled = inOrder.map((i) => (i * 7919) % N);
    for (const order of [inOrder, [...inOrder].reverse(), shuffled]) {
      const cells = await read(await workbook(order));
      expect(cells).toEqual([...order.map(text), null]);
    }
  });

  it('an index that is not a number names no string and does not stop the others', async () => {
    const order = Array.from({ length: N }, (_, i) => i);
    const cells = await read(await workbook(order.map((i) => (i === 3 ? 'x' : String(i)))));
    expect(cells).toEqual([...order.map((i) => (i === 3 ? null : text(i))), null]);
  });

  it('a table broken past what the first rows need: the first rows read, the whole sheet is refused', async () => {
    const file = await workbook(
      Array.from({ length: N }, (_, i) => i),
      (si) => `<sst xmlns="${NS}">${si}<si><t>never closed</si></sst>`,
    );
    expect(await read(file, 500)).toEqual(Array.from({ length: 500 }, (_, i) => text(i)));
    await expect(read(file)).rejects.toThrow(/^xl\/sharedStrings\.xml: /);
  });

  it('a table broken where the first row needs it is refused at once', async () => {
    const file = await workbook([0], () => `<sst xmlns="${NS}"><si><t>a</si></sst>`);
    await expect(read(file, 1)).rejects.toThrow(/^xl\/sharedStrings\.xml: /);
  });
});

describe('the table\'s memory', () => {
  it('reserved from a bound, grown past it, sealed and released', () => {
    const t = new SharedStrings(10);
    const all = Array.from({ length: 5_000 }, (_, i) => (i % 3 ? `KPI ${i} — ${'é'.repeat(i % 50)}` : ''));
    for (const s of all) t.push(s);
    t.seal();
    all.forEach((s, i) => expect(t.get(i)).toBe(s));
    t.release();
    expect(t.length).toBe(0);
    expect(t.get(0)).toBeUndefined();
  });
});
