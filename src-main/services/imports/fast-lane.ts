import type { LineHandler } from './csv-tokenizer';
import { parseDateText, periodGrainOf } from './dates';
import { quickDay } from './quick-dates';
import { parseNumberText } from './numbers';
import { NOTE_MAX, type RowContext } from './row-parser';
import { periodStartDay } from '../indicators/periods';

// The fast lane of the validating pass: most lines of an export are plain — the mapped fields
// unquoted or quoted on one line, a date, a number, a known indicator — and are read here straight
// from the text, without making the row's cells, for the same result parseRow would give. Any line
// it is not sure of (a quote it does not expect, a field missing, a value that is not plainly good)
// it leaves to the tokenizer and parseRow, which judge it by the full rules and say what is wrong.

export type FastRow = (line: number, indicator: number, periodDay: number, value: number, note: string | null) => void;

const QUOTE = 34;

/** `lines`: the header (and what is above it) and the first line past what the checks can number. */
export function fastLane(ctx: RowContext, separator: string, lines: { header: number; limit: number }, onRow: FastRow): LineHandler {
  const m = ctx.mapping;
  const sep = separator.charCodeAt(0);
  const wanted = [m.date, m.value, m.indicator ?? -1, m.note ?? -1];
  const last = Math.max(...wanted);
  const starts = new Int32Array(last + 1);
  const ends = new Int32Array(last + 1);
  const frequencies = ctx.matcher.used;
  // Fields a line may have past the last one mapped before parseRow must judge it (fieldLimit).
  const spare = ctx.fieldLimit === null ? Number.POSITIVE_INFINITY : ctx.fieldLimit - last - 1;
  return (s, from, end, line) => {
    if (line <= lines.header || line >= lines.limit) return false;
    // The fields up to the last one mapped, as positions.
    let k = from;
    let f = 0;
    for (;;) {
      let a: number;
      let b: number;
      if (s.charCodeAt(k) === QUOTE) {
        const q = s.indexOf('"', k + 1);
        if (q < 0 || q >= end || s.charCodeAt(q + 1) === QUOTE) return false;
        a = k + 1;
        b = q;
        k = q + 1;
        if (k < end && s.charCodeAt(k) !== sep) return false;
      } else {
        let j = s.indexOf(separator, k);
        if (j < 0 || j > end) j = end;
        a = k;
        b = j;
        k = j;
      }
      starts[f] = a;
      ends[f] = b;
      if (f++ === last) break;
      if (k >= end) return false; // a field is missing: parseRow says so
      k++;
    }
    // Fields after the mapped ones are not read, but a quote there could open a record spanning lines.
    if (k < end && s.indexOf('"', k) >= 0 && s.indexOf('"', k) < end) return false;
    // More fields than the file's layout: perhaps a number split at an unquoted separator.
    if (k < end && spare !== Number.POSITIVE_INFINITY) {
      let more = 0;
      for (let j = s.indexOf(separator, k); j >= 0 && j < end; j = s.indexOf(separator, j + 1)) if (++more > spare) return false;
    }

    let day = quickDay(s, starts[m.date]!, ends[m.date]!, ctx.dateFormat);
    if (Number.isNaN(day)) {
      const dateText = s.slice(starts[m.date]!, ends[m.date]!);
      const read = parseDateText(dateText, ctx.dateFormat);
      if (typeof read !== 'number' || periodGrainOf(dateText) !== undefined) return false; // a month, a quarter…: parseRow checks it fits
      day = read;
    }
    const value = parseNumberText(s.slice(starts[m.value]!, ends[m.value]!), ctx.decimal);
    if (typeof value !== 'number') return false;
    let indicator = 0;
    if (m.indicator !== null) {
      const r = ctx.matcher.resolve(s.slice(starts[m.indicator]!, ends[m.indicator]!));
      if (typeof r !== 'number') return false;
      indicator = r;
    }
    let note: string | null = null;
    if (m.note !== null) {
      const text = s.slice(starts[m.note]!, ends[m.note]!).trim();
      if (text.length > NOTE_MAX) return false;
      note = text || null;
    }
    onRow(line, indicator, periodStartDay(frequencies[indicator]!.frequency, day), value, note);
    return true;
  };
}
