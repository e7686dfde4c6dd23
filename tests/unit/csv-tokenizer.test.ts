import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../src-main/services/imports/cells';
import { CsvSyntaxError, CsvTokenizer } from '../../src-main/services/imports/csv-tokenizer';

// Our CSV tokenizer (written for speed) against csv-parse, the well-kept library it replaces in the
// import, on the same texts cut into chunks at every place: same records, same starting lines.
function ours(text: string, sep: string, cuts: number[] = []): SourceRow[] {
  const t = new CsvTokenizer(sep);
  const out: SourceRow[] = [];
  let at = 0;
  for (const c of [...cuts, text.length]) {
    t.push(text.slice(at, c), out);
    at = c;
  }
  t.end(out);
  return out;
}
function reference(text: string, sep: string): SourceRow[] {
  const recs = parse(text, { delimiter: sep, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return recs.map((r) => {
    const inner = r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    return { row: r.info.lines - inner, cells: r.record };
  });
}
/** csv-parse counts a CRLF inside a quoted field as two lines; a spreadsheet (and we) count one. */
const crInQuotes = (rows: SourceRow[]) => rows.some((r) => r.cells.some((c) => typeof c === 'string' && c.includes('\r')));
const cellsOf = (rows: SourceRow[]) => rows.map((r) => r.cells);
function same(got: SourceRow[], want: SourceRow[], what: string) {
  if (crInQuotes(want)) expect(cellsOf(got), what).toEqual(cellsOf(want));
  else expect(got, what).toEqual(want);
}

const SAMPLES: [string, string][] = [
  ['date;valeur;note\n2025-01-31;12,5;ok\n2025-02-28;13;\n', ';'],
  ['a,b,c\r\n1,"2,5",3\r\n4,"say ""hi""",6\r\n', ','],
  ['a,b\n"multi\nline",x\n"another\r\nline",y\nlast,z', ','],
  ['x\ty\n\n\n1\t2\n  \n3\t4\n', '\t'],
  ['a,b\n5" screen,ok\nc,d"e"\n', ','],
  ['h1,h2,h3\n1,2\n1,2,3,4\n,,\n', ','],
  ['old;mac\r1;2\r3;4\r', ';'],
  ['"quoted header";"b"\n"";x\n""""; y\n', ';'],
  ['é;ü\nœuvre;naïve\n', ';'],
];

describe('the CSV tokenizer', () => {
  it('reads what csv-parse reads, record for record and line for line, wherever the chunks are cut', () => {
    for (const [text, sep] of SAMPLES) {
      const want = reference(text, sep);
      same(ours(text, sep), want, JSON.stringify(text));
      for (let cut = 0; cut <= text.length; cut++) same(ours(text, sep, [cut]), want, `${JSON.stringify(text)} cut at ${cut}`);
    }
    // Lines as a spreadsheet numbers them, a CRLF inside a quoted field counted once.
    expect(ours('a,b\n"multi\nline",x\n"another\r\nline",y\nlast,z', ',').map((r) => r.row)).toEqual([1, 2, 4, 6]);
  });

  it('agrees with csv-parse on random texts cut at random places (seeded)', () => {
    let seed = 20251201;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['a', 'bé', '12,5', ' ', '', '"q,u"', '"x""y"', '"l\nm"', '5"', '€'];
    for (let k = 0; k < 3000; k++) {
      const sep = [',', ';', '\t'][rand(3)]!;
      const lines: string[] = [];
      for (let l = 0, nl = 1 + rand(8); l < nl; l++) {
        const cells: string[] = [];
        for (let c = 0, nc = 1 + rand(4); c < nc; c++) cells.push(pieces[rand(pieces.length)]!.replace(',', sep === ',' ? ',' : ','));
        lines.push(cells.join(sep));
      }
      const text = lines.join(['\n', '\r\n'][rand(2)]!) + (rand(2) ? '\n' : '');
      const cuts = [rand(text.length + 1), rand(text.length + 1)].sort((a, b) => a - b);
      let want: SourceRow[] | Error;
      try {
        want = reference(text, sep);
      } catch (e) {
        want = e as Error;
      }
      if (want instanceof Error) {
        expect(() => ours(text, sep, cuts), JSON.stringify(text)).toThrow(CsvSyntaxError);
        continue;
      }
      same(ours(text, sep, cuts), want, JSON.stringify(text));
    }
  });

  it('refuses a quote that never closes, naming the line it opened on', () => {
    expect(() => ours('a,b\n1,"2\n3,4\n', ',')).toThrow(/line 2 is never closed/);
    try {
      ours('a,b\n1,2\n3,"oops\n', ',', [5]);
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });
});
