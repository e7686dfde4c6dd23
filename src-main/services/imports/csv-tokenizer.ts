import type { SourceRow } from './cells';

// CSV records out of text that arrives in chunks, as RFC 4180 and spreadsheets write them: fields
// split by the separator, quoted fields ("…") that may hold the separator, line breaks and doubled
// quotes (""), records ended by LF, CRLF or CR. What exports also do is accepted as it comes: a quote
// inside an unquoted field is text (5" screen), records may have more or fewer fields, empty lines
// are skipped. Each record keeps the line it starts on, as a spreadsheet numbers it.
//
// Written by hand for speed: the measurement import reads millions of rows and must check them at
// half a million a second or more; a general-purpose parser spent most of the import here.

/** A file the tokenizer cannot read: a quote never closed, or text after a closing quote. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Takes a whole line [from, end) of `text` (one that cannot hold a record spanning lines) before the
 * tokenizer splits it: returns true when it consumed it, false to let the tokenizer make a record.
 */
export type LineHandler = (text: string, from: number, end: number, line: number) => boolean;

export class CsvTokenizer {
  private carry = '';
  /** See LineHandler: the import's fast lane for lines it can read without making cells. */
  lineHandler: LineHandler | null = null;
  /** Line of the first character of `carry`. */
  private line = 1;
  private readonly sep: number;

  constructor(separator: string) {
    this.sep = separator.charCodeAt(0);
  }

  /** Appends the complete records of `text` (after what came before) to `out`. */
  push(text: string, out: SourceRow[]): void {
    this.scan(this.carry + text, false, out);
  }

  /** The end of the input: the last record, which has no line break after it. */
  end(out: SourceRow[]): void {
    this.scan(this.carry, true, out);
    this.carry = '';
  }

  private scan(s: string, final: boolean, out: SourceRow[]): void {
    const n = s.length;
    const sepChar = String.fromCharCode(this.sep);
    // Lines without a quote are split with indexOf (most lines of most exports); lines with one,
    // and chunks with old Mac line ends (CR alone), go through the full rules of record().
    const loneCr = /\r(?!\n)/.test(s);
    let nextQuote = loneCr ? 0 : s.indexOf('"');
    let i = 0;
    let line = this.line;
    while (i < n) {
      if (!loneCr) {
        if (nextQuote >= 0 && nextQuote < i) nextQuote = s.indexOf('"', i);
        const nl = s.indexOf('\n', i);
        if (nl < 0 && !final) break;
        const stop = nl < 0 ? n : nl;
        const end = stop > i && s.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
        if (this.lineHandler && end > i && this.lineHandler(s, i, end, line)) {
          i = nl < 0 ? n : nl + 1;
          line++;
          continue;
        }
        const cells = nextQuote < 0 || nextQuote >= stop ? splitPlain(s, i, end, sepChar) : splitQuoted(s, i, end, this.sep);
        if (cells) {
          if (end > i) out.push({ row: line, cells });
          i = nl < 0 ? n : nl + 1;
          line++;
          continue;
        }
      }
      const r = this.record(s, i, line, final);
      if (!r) break; // the record goes on in the next chunk
      i = r.next;
      line = r.line;
      // An empty line is no record (a line of separators is one, of empty fields).
      if (!(r.cells.length === 1 && r.cells[0] === '' && !r.separated)) out.push({ row: r.startLine, cells: r.cells });
    }
    this.carry = final ? '' : s.slice(i);
    this.line = line;
  }

  /** The record that starts at `i`, or null when it is not complete in `s` yet (and more is coming). */
  private record(s: string, i: number, line: number, final: boolean) {
    const n = s.length;
    const sep = this.sep;
    const startLine = line;
    const cells: string[] = [];
    let separated = false;
    for (;;) {
      let c = s.charCodeAt(i);
      if (c === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        let from = i + 1;
        let value = '';
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0 || (q === n - 1 && !final)) {
            if (!final) return null;
            throw new CsvSyntaxError(startLine, `A quote opened on line ${startLine} is never closed`);
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
        if (value.indexOf('\r') >= 0) line += countLoneCr(value);
        cells.push(value);
        c = s.charCodeAt(i);
        if (i < n && c !== sep && c !== LF && c !== CR) throw new CsvSyntaxError(line, `Text after a closing quote on line ${line}`);
      } else {
        let j = i;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        if (j === n && !final) return null;
        cells.push(s.slice(i, j));
        i = j;
      }
      if (i >= n) {
        if (!final) return null;
        return { cells, startLine, line, next: i, separated };
      }
      c = s.charCodeAt(i);
      if (c === sep) {
        separated = true;
        i++;
        continue;
      }
      // The end of the record: CRLF, LF or CR (a CR at the end of a chunk may be half of a CRLF).
      if (c === CR) {
        if (i + 1 >= n && !final) return null;
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      return { cells, startLine, line: line + 1, next: i, separated };
    }
  }
}

/** The fields of a line [from, end) without quotes. */
function splitPlain(s: string, from: number, end: number, sepChar: string): string[] {
  const cells: string[] = [];
  for (let k = from; ; ) {
    const j = s.indexOf(sepChar, k);
    if (j < 0 || j >= end) {
      cells.push(s.slice(k, end));
      return cells;
    }
    cells.push(s.slice(k, j));
    k = j + 1;
  }
}

/**
 * The fields of a line [from, end) whose quoted fields all close on it and are followed by the
 * separator or the line's end; null otherwise (a field spanning lines, text after a closing quote,
 * a quote starting inside a field is text): record() reads those by the full rules.
 */
function splitQuoted(s: string, from: number, end: number, sep: number): string[] | null {
  const cells: string[] = [];
  let k = from;
  for (;;) {
    if (s.charCodeAt(k) === QUOTE) {
      let value = '';
      let at = k + 1;
      for (;;) {
        const q = s.indexOf('"', at);
        if (q < 0 || q >= end) return null;
        if (s.charCodeAt(q + 1) === QUOTE && q + 1 < end) {
          value += s.slice(at, q + 1);
          at = q + 2;
          continue;
        }
        value += s.slice(at, q);
        k = q + 1;
        break;
      }
      cells.push(value);
      if (k === end) return cells;
      if (s.charCodeAt(k) !== sep) return null;
      k++;
      continue;
    }
    let j = k;
    while (j < end && s.charCodeAt(j) !== sep) j++;
    cells.push(s.slice(k, j));
    if (j === end) return cells;
    k = j + 1;
  }
}

/** Line breaks made of a CR not followed by an LF (old Mac files), inside a quoted field. */
function countLoneCr(value: string): number {
  let n = 0;
  for (let k = value.indexOf('\r'); k >= 0; k = value.indexOf('\r', k + 1)) if (value.charCodeAt(k + 1) !== LF) n++;
  return n;
}
