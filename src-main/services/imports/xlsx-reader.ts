import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import type { Cell } from './cells';
import { SheetScanner, type RawRow } from './xlsx-sheet-scanner';
import { SharedStrings } from './xlsx-shared-strings';
import { numberKind, shownPercent, type NumberKind } from './xlsx-number-formats';

// Reads the rows of one sheet of an .xlsx file, streaming.
//
// Why not exceljs's streaming WorkbookReader (we used it first): it reads the zip in one forward pass
// (unzipper.Parse), which on Node ≥ 18 now and then loses the last entry — and the last entry is
// xl/workbook.xml in files written by exceljs and several exporters — so it throws "Cannot read
// properties of undefined (reading 'sheets')"; and when a sheet before the chosen one is skipped it
// deletes that sheet's temp file while the read stream on it is still opening, an uncaught ENOENT
// (exceljs#3064, still open). Both failed our CI once in a few hundred reads. yauzl reads the zip's
// central directory, so the workbook, shared strings and styles are read first, in any stored order,
// and then only the chosen sheet is streamed, with no temp file. saxes parses the workbook's XML parts;
// the sheet itself, a million rows of the same few elements, is read by xlsx-sheet-scanner.ts; what is
// ours is the SpreadsheetML cell mapping below (ECMA-376 part 1, §18.3.1.4 c, §18.8.30 numFmt).
//
// The shared strings are read as the sheet's cells come to need them, not all on open: exporters
// number them in the order the sheet first uses them, so a preview's 500 rows read a few strings,
// not a 3M-row export's 300,000 (0.7 s, and the table then sat in the idle main thread's memory
// through the whole import). Whoever reads the sheet to its end reads the table to its end too, so
// a broken table is still refused; a preview that stops early only sees the part it needed.

export class SheetNotFound extends Error {
  constructor(readonly sheet: string) {
    super(`The workbook has no sheet named "${sheet}"`);
  }
}

export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  /** The sheet's part in the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

/** An element name without its namespace prefix: strict-OOXML and some exporters write `x:c`. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** An attribute by its local name (`r:id` and `id` alike). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  // Attributes are almost always unprefixed: look that up first (this runs for every cell).
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const k in tag.attributes) if (local(k) === name) return tag.attributes[k];
  return undefined;
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ (a carriage return is _x000D_). */
const unescapeOoxml = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

/** The day an Excel serial number stands for, as a UTC date-time (the 1900 system counts the phantom 29 Feb 1900). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epochOffset = date1904 ? 24107 : 25569; // days from the workbook's day 0 to 1970-01-01
  return new Date(Math.round((serial - epochOffset) * 86_400_000));
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

type Handlers = Partial<{ open: (t: SaxesTagPlain) => void; close: (name: string) => void; text: (t: string) => void }>;

/** A part's XML parsed a chunk at a time, as its reader asks. */
interface PartReader {
  /** Parses one more chunk; false once the part has been read to its end (and found well formed). */
  more(): Promise<boolean>;
  close(): void;
}

const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

const openZip = (file: string): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName.toLowerCase(), e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** One open workbook: its sheets and date styles are read on open; rows stream, and the shared strings they need. */
export class XlsxWorkbook {
  sheets: XlsxSheet[] = [];
  private sharedStrings = new SharedStrings(0);
  /** The shared strings part while not all read (see the top of the file). */
  private strings: PartReader | null = null;
  /** Per cell style index: what its number format makes of a number (xlsx-number-formats.ts). */
  private numberKinds: NumberKind[] = [];
  private date1904 = false;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    /** Size of the file, for progress: rows are counted in compressed bytes of the sheet read so far. */
    private readonly fileSize: number,
  ) {}

  static async open(file: string): Promise<XlsxWorkbook> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(file);
    } catch (e) {
      throw new Error(`it is not a valid .xlsx file (${(e as Error).message})`);
    }
    let book: XlsxWorkbook | null = null;
    try {
      book = new XlsxWorkbook(zip, await readEntries(zip), zip.fileSize);
      await book.readWorkbook();
      return book;
    } catch (e) {
      if (book) book.close();
      else zip.close();
      throw e;
    }
  }

  close(): void {
    this.strings?.close();
    this.strings = null;
    this.zip.close();
    this.sharedStrings.release();
  }

  private stream(part: string): Promise<Readable> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new Error(`it is not a valid .xlsx file (${part} is missing)`);
    return new Promise((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
  }

  /** A part read on demand; a read or parse error names the part, and is thrown again on any later call. */
  private async reader(part: string, handlers: Handlers): Promise<PartReader> {
    const parser = new SaxesParser({ xmlns: false });
    if (handlers.open) parser.on('opentag', handlers.open);
    if (handlers.close) parser.on('closetag', (t) => handlers.close!(local(t.name)));
    if (handlers.text) parser.on('text', handlers.text);
    const input = await this.stream(part);
    input.setEncoding('utf8');
    const chunks = input[Symbol.asyncIterator]() as AsyncIterator<string>;
    let ended = false;
    let failed: Error | null = null;
    return {
      more: async () => {
        if (failed) throw failed;
        if (ended) return false;
        try {
          const next = await chunks.next();
          if (next.done) {
            ended = true;
            parser.close();
            return false;
          }
          parser.write(next.value);
          return true;
        } catch (e) {
          input.destroy();
          throw (failed = new Error(`${part}: ${(e as Error).message}`));
        }
      },
      close: () => {
        ended = true;
        input.destroy();
      },
    };
  }

  /** Parses a whole (small) part: relationships, workbook, styles. */
  private async parse(part: string, handlers: Handlers): Promise<void> {
    const r = await this.reader(part, handlers);
    try {
      while (await r.more());
    } finally {
      r.close();
    }
  }

  private async relationships(part: string): Promise<{ type: string; target: string; id: string }[]> {
    const out: { type: string; target: string; id: string }[] = [];
    const rels = relsPathOf(part);
    if (!this.entries.has(rels.toLowerCase())) return out;
    await this.parse(rels, {
      open: (t) => {
        if (local(t.name) !== 'Relationship' || attr(t, 'TargetMode') === 'External') return;
        out.push({ id: attr(t, 'Id') ?? '', type: attr(t, 'Type') ?? '', target: resolvePart(part, attr(t, 'Target') ?? '') });
      },
    });
    return out;
  }

  private async readWorkbook(): Promise<void> {
    const root = await this.relationships('');
    const book = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const rels = await this.relationships(book);
    const byId = new Map(rels.map((r) => [r.id, r]));
    await this.parse(book, {
      open: (t) => {
        const name = local(t.name);
        if (name === 'workbookPr') this.date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
        if (name !== 'sheet') return;
        const rel = byId.get(attr(t, 'id') ?? '');
        if (!rel || !rel.type.endsWith('/worksheet')) return; // a chart sheet has no rows
        this.sheets.push({ name: attr(t, 'name') ?? rel.target, hidden: (attr(t, 'state') ?? 'visible') !== 'visible', part: rel.target });
      },
    });
    const strings = rels.find((r) => r.type.endsWith('/sharedStrings'));
    if (strings && this.entries.has(strings.target.toLowerCase())) await this.openSharedStrings(strings.target);
    const styles = rels.find((r) => r.type.endsWith('/styles'));
    if (styles && this.entries.has(styles.target.toLowerCase())) await this.readStyles(styles.target);
  }

  private async openSharedStrings(part: string): Promise<void> {
    let current: string | null = null;
    let inText = false;
    let phonetic = 0; // <rPh> holds reading aids, not part of the string
    this.sharedStrings = new SharedStrings(this.entries.get(part.toLowerCase())?.uncompressedSize);
    this.strings = await this.reader(part, {
      open: (t) => {
        const name = local(t.name);
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      close: (name) => {
        if (name === 'si') {
          this.sharedStrings.push(unescapeOoxml(current ?? ''));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inText = false;
      },
      text: (s) => {
        if (inText && current !== null) current += s;
      },
    });
  }

  /** Reads the shared strings up to the i-th (Infinity: to the end of the part). */
  private async readStringsTo(i: number, signal: AbortSignal): Promise<void> {
    while (this.strings && this.sharedStrings.length <= i) {
      if (signal.aborted) throw signal.reason;
      if (await this.strings.more()) continue;
      this.strings = null; // read to its end: the stream is done
      this.sharedStrings.seal();
    }
  }

  private async readStyles(part: string): Promise<void> {
    const custom = new Map<number, string>();
    let inCellXfs = false;
    await this.parse(part, {
      open: (t) => {
        const name = local(t.name);
        if (name === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(t, 'numFmtId') ?? 0);
          this.numberKinds.push(numberKind(id, custom.get(id)));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  /** The sheet asked for by name, else the first visible one. */
  sheet(name: string | undefined): XlsxSheet {
    if (name !== undefined) {
      const found = this.sheets.find((s) => s.name === name);
      if (!found) throw new SheetNotFound(name);
      return found;
    }
    const first = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!first) throw new Error('the workbook has no worksheet');
    return first;
  }

  /** The rows of a sheet as written (row numbers as Excel shows them); empty trailing cells dropped. */
  async *rows(sheet: XlsxSheet, progress: (compressedBytes: number) => void, signal: AbortSignal): AsyncGenerator<SheetRow> {
    const entry = this.entries.get(sheet.part.toLowerCase());
    if (!entry) throw new Error(`it is not a valid .xlsx file (${sheet.part} is missing)`);
    const ratio = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
    const scanner = new SheetScanner();
    const input = await this.stream(sheet.part);
    input.setEncoding('utf8');
    let inflated = 0;
    const rowsOf = (raw: RawRow[]): SheetRow[] =>
      raw.map((r) => {
        const cells: Cell[] = [];
        for (const c of r.cells) {
          const cell = this.cell(c.type, c.style, c.value, c.inline);
          if (cell === null) continue;
          while (cells.length < c.col) cells.push(null);
          cells[c.col] = cell;
        }
        return { row: r.row, cells };
      });
    const scan = (chunk: string | null): RawRow[] => {
      try {
        return chunk === null ? scanner.end() : scanner.push(chunk);
      } catch (e) {
        throw new Error(`${sheet.part}: ${(e as Error).message}`);
      }
    };
    try {
      for await (const chunk of input) {
        const raw = scan(chunk as string);
        if (this.strings && scanner.lastString >= this.sharedStrings.length) await this.readStringsTo(scanner.lastString, signal);
        const ready = rowsOf(raw);
        inflated += Buffer.byteLength(chunk as string);
        progress(Math.min(this.fileSize, Math.round(inflated * ratio)));
        for (const r of ready) {
          if (signal.aborted) throw signal.reason;
          yield r;
        }
      }
      const raw = scan(null);
      await this.readStringsTo(Infinity, signal); // the whole sheet read: the table is read, and checked, to its end
      for (const r of rowsOf(raw)) yield r;
    } finally {
      input.destroy();
    }
  }

  private cell(type: string, style: number, value: string | null, inline: string | null): Cell {
    switch (type) {
      case 's': {
        const s = value === null ? undefined : this.sharedStrings.get(Number(value));
        return s === undefined ? null : s;
      }
      case 'inlineStr':
        return inline === null ? null : unescapeOoxml(inline);
      case 'str':
        return value === null ? null : unescapeOoxml(value);
      case 'b':
        return value === null ? null : value.trim() === '1' || value.trim() === 'true';
      case 'e':
        return value === null ? null : { error: value };
      case 'd': {
        if (value === null) return null;
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}${value.includes('T') ? 'Z' : 'T00:00:00Z'}`);
        return Number.isNaN(d.getTime()) ? value : d;
      }
      default: {
        if (value === null || value.trim() === '') return null; // a formula without a cached result
        const n = Number(value);
        if (!Number.isFinite(n)) return value;
        const kind = this.numberKinds[style];
        return kind === 'date' ? excelSerialToDate(n, this.date1904) : kind === 'percent' ? shownPercent(n) : n;
      }
    }
  }
}
