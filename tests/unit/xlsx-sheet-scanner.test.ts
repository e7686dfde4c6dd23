import { describe, expect, it } from 'vitest';
import { SheetScanner, columnIndex, type RawRow } from '../../src-main/services/imports/xlsx-sheet-scanner';

// The worksheet scanner reads the XML of a sheet chunk by chunk: what it finds must not depend on
// where the chunks are cut, and a sheet whose elements do not close where they open is refused.
function scan(xml: string, cuts: number[] = []): RawRow[] {
  const s = new SheetScanner();
  const out: RawRow[] = [];
  let at = 0;
  for (const c of [...cuts, xml.length]) {
    out.push(...s.push(xml.slice(at, c)));
    at = c;
  }
  out.push(...s.end());
  return out;
}

const SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- exported by an ERP -->` +
  `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C3"/><x:sheetData>` +
  `<x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t='inlineStr'><x:is><x:r><x:t>Clô</x:t></x:r><x:r><x:t xml:space="preserve">ture &amp; co &#233;&#x20AC;</x:t></x:r></x:is></x:c></x:row>` +
  `<x:row r="3"><x:c r="B3" s="2"><x:f>A1*2</x:f><x:v>2469.5</x:v></x:c><x:c r="AB3" t="str"><x:v><![CDATA[a <b> c]]></x:v></x:c><x:c r="AC3" s="1"/></x:row>` +
  `<x:row><x:c><x:v>7</x:v></x:c></x:row>` +
  `</x:sheetData></x:worksheet>`;

const EXPECTED: RawRow[] = [
  {
    row: 1,
    cells: [
      { col: 0, type: 's', style: 0, value: '0', inline: null },
      { col: 2, type: 'inlineStr', style: 0, value: null, inline: 'Clôture & co é€' },
    ],
  },
  {
    row: 3,
    cells: [
      { col: 1, type: 'n', style: 2, value: '2469.5', inline: null },
      { col: 27, type: 'str', style: 0, value: 'a <b> c', inline: null },
      { col: 28, type: 'n', style: 1, value: null, inline: null },
    ],
  },
  { row: 4, cells: [{ col: 0, type: 'n', style: 0, value: '7', inline: null }] },
];

describe('the worksheet scanner', () => {
  it('reads rows, cells, types, styles, values, rich inline text, entities and CDATA, wherever the chunks are cut', () => {
    expect(scan(SHEET)).toEqual(EXPECTED);
    for (let cut = 0; cut <= SHEET.length; cut++) expect(scan(SHEET, [cut]), `cut at ${cut}`).toEqual(EXPECTED);
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AB3')).toBe(27);
    expect(columnIndex('XFD1048576')).toBe(16_383);
  });

  it('refuses elements that do not close where they opened, and a sheet that ends early', () => {
    expect(() => scan(SHEET.replace('</x:sheetData>', '<x:row></x:sheetData>'))).toThrow(/unexpected <\/x:sheetData> where <x:row> should close/);
    expect(() => scan(SHEET.replace('</x:c></x:row><x:row r="3">', '</x:row><x:row r="3">'))).toThrow(/unexpected <\/x:row>/);
    expect(() => scan(SHEET.slice(0, SHEET.length - 40))).toThrow(/unexpected end of the sheet/);
  });

  it('reads r, t and s by local name only, whatever the spacing, quotes and other attributes around them', () => {
    // "ts", "cs" and "xr:r2" end in the letters but are other attributes; a quoted '>' does not end the tag.
    const xml =
      `<worksheet><sheetData><row spans="1:2" r = '5' x14ac:dyDescent="0.25">` +
      `<c xr:r2="Z9" r = "D5"  s='3' x:t="str" ts="9" cs='7' xt="q" note="a > b"><v>ok</v></c>` +
      `<c\n r="E5"\tt="s"/></row></sheetData></worksheet>`;
    const expected: RawRow[] = [
      {
        row: 5,
        cells: [
          { col: 3, type: 'str', style: 3, value: 'ok', inline: null },
          { col: 4, type: 's', style: 0, value: null, inline: null },
        ],
      },
    ];
    for (let cut = 0; cut <= xml.length; cut++) expect(scan(xml, [cut]), `cut at ${cut}`).toEqual(expected);
  });
});
