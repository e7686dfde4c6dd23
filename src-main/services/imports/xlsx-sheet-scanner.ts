// The cells of a worksheet's XML (ECMA-376 part 1, §18.3.1: <sheetData><row r><c r t s><v>…</v>
// <is><t>…</t></is></c></row>), scanned chunk by chunk. The sheet is where a million-row workbook
// spends its time; a general XML parser (saxes, which reads the workbook's other, small parts) spent
// 15 µs a row here, so this reads the few elements a sheet is made of with indexOf and checks as it
// goes that every element closes where it opened, so a broken sheet is still refused.

/** One cell as written: its column (0-based), type and style, and the text of <v> or of <is>. */
export interface RawCell {
  col: number;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
}

export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** Column letters of a cell reference ("AB12" → 27). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e]!,
  );
}

/**
 * The attributes of a start tag that the sheet needs (r, t, s), by local name; one pass over the tag,
 * from '=' to '=' with indexOf, the names compared in place (no slice per attribute: a million-row
 * sheet has four million of these tags).
 */
function attributes(tag: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  const n = tag.length;
  let i = 0;
  while (i < n && tag.charCodeAt(i) > 32 && tag.charCodeAt(i) !== 47) i++; // the element's name
  for (;;) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) return out;
    let nameEnd = eq;
    while (nameEnd > i && tag.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let v = eq + 1;
    while (v < n && tag.charCodeAt(v) <= 32) v++;
    const q = tag.charCodeAt(v);
    if (q !== 34 && q !== 39) return out;
    const end = tag.indexOf(q === 34 ? '"' : "'", v + 1);
    if (end < 0) return out;
    // A one-letter local name: the name is that letter, or ends with ':' and it (a prefix).
    const last = tag.charCodeAt(nameEnd - 1);
    const before = nameEnd - 2 >= i ? tag.charCodeAt(nameEnd - 2) : 32;
    if ((before <= 32 || before === 58) && (last === 114 || last === 116 || last === 115)) {
      out[last === 114 ? 'r' : last === 116 ? 't' : 's'] = decode(tag.slice(v + 1, end));
    }
    i = end + 1;
  }
}

/**
 * Finds, in one string, the '>' closing each tag outside quotes, jumping from quote to quote with
 * indexOf. The next quote of each kind is remembered: a sheet with no ' at all would otherwise search
 * the whole rest of the chunk for one at every tag.
 */
class TagEnds {
  private dq = -2;
  private sq = -2;
  constructor(private readonly s: string) {}

  private next(kind: '"' | "'", at: number): number {
    let p = kind === '"' ? this.dq : this.sq;
    if (p !== -1 && p < at) p = this.s.indexOf(kind, at);
    if (kind === '"') this.dq = p;
    else this.sq = p;
    return p;
  }

  /** The index of the '>' ending the tag whose name starts at `from`; -1 if not in the string yet. */
  end(from: number): number {
    const s = this.s;
    let at = from;
    for (;;) {
      const gt = s.indexOf('>', at);
      if (gt < 0) return -1;
      const dq = this.next('"', at);
      const sq = this.next("'", at);
      const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
      if (q < 0 || q > gt) return gt;
      const close = s.indexOf(s[q]!, q + 1);
      if (close < 0) return -1;
      at = close + 1;
    }
  }
}

export class SheetScanner {
  private carry = '';
  private readonly open: string[] = [];
  private rowNumber = 0;
  private cells: RawCell[] | null = null;
  private cell: RawCell | null = null;
  private col = -1;
  private capture: 'v' | 't' | null = null;
  /** The highest shared string index a cell has named so far (-1: none): the reader reads the table that far. */
  lastString = -1;

  /** Rows completed by this chunk. */
  push(chunk: string): RawRow[] {
    const out: RawRow[] = [];
    this.scan(this.carry + chunk, out);
    return out;
  }

  /** The end of the sheet: nothing may be left open. */
  end(): RawRow[] {
    const out: RawRow[] = [];
    this.scan(this.carry, out);
    if (this.carry.trim() || this.open.length) throw new Error(`unexpected end of the sheet (<${this.open.at(-1) ?? this.carry.trim().slice(0, 20)}> is not closed)`);
    return out;
  }

  private text(raw: string): void {
    if (!this.capture || !this.cell) return;
    const t = decode(raw);
    if (this.capture === 'v') this.cell.value = (this.cell.value ?? '') + t;
    else this.cell.inline = (this.cell.inline ?? '') + t;
  }

  private scan(s: string, out: RawRow[]): void {
    const ends = new TagEnds(s);
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text may end with half an entity: keep it for the next chunk.
        this.carry = s.slice(i);
        return;
      }
      if (lt > i) this.text(s.slice(i, lt));
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 63 /* ? */ || c1 === 33 /* ! */) {
        const cdata = s.startsWith('<![CDATA[', lt);
        const close = cdata ? ']]>' : s.startsWith('<!--', lt) ? '-->' : c1 === 63 ? '?>' : '>';
        const end = s.indexOf(close, lt + 2);
        if (end < 0) {
          this.carry = s.slice(lt);
          return;
        }
        if (cdata && this.capture && this.cell) {
          if (this.capture === 'v') this.cell.value = (this.cell.value ?? '') + s.slice(lt + 9, end);
          else this.cell.inline = (this.cell.inline ?? '') + s.slice(lt + 9, end);
        }
        i = end + close.length;
        continue;
      }
      // A tag: up to the '>' that is not inside a quoted attribute value. Jumps from quote to quote
      // with indexOf: a sheet is millions of tags, and stepping through them a character at a time
      // was a third of the reading.
      const gt = ends.end(lt + 1);
      if (gt < 0) {
        this.carry = s.slice(lt);
        return;
      }
      this.tag(s.slice(lt + 1, gt), out);
      i = gt + 1;
    }
  }

  private tag(body: string, out: RawRow[]): void {
    const closing = body.charCodeAt(0) === 47;
    const selfClosing = !closing && body.charCodeAt(body.length - 1) === 47;
    let end = closing ? 1 : 0;
    while (end < body.length) {
      const c = body.charCodeAt(end);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
        if (!(closing && end === 0)) break;
      }
      end++;
    }
    const name = body.slice(closing ? 1 : 0, end);
    const local = name.slice(name.indexOf(':') + 1);
    if (closing) {
      const top = this.open.pop();
      if (top !== name) throw new Error(`unexpected </${name}>${top ? ` where <${top}> should close` : ''}`);
      this.close(local, out);
      return;
    }
    if (!selfClosing) this.open.push(name);
    this.start(local, body);
    if (selfClosing) this.close(local, out);
  }

  private start(local: string, body: string): void {
    switch (local) {
      case 'row': {
        const r = Number(attributes(body).r);
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
        this.cells = [];
        this.col = -1;
        break;
      }
      case 'c': {
        const a = attributes(body);
        this.col = a.r ? columnIndex(a.r) : this.col + 1;
        this.cell = { col: this.col, type: a.t ?? 'n', style: Number(a.s ?? 0), value: null, inline: null };
        break;
      }
      case 'v':
        if (this.cell) {
          this.capture = 'v';
          this.cell.value = '';
        }
        break;
      case 'is':
        if (this.cell) this.cell.inline = '';
        break;
      case 't':
        if (this.cell && this.cell.inline !== null) this.capture = 't';
        break;
    }
  }

  private close(local: string, out: RawRow[]): void {
    switch (local) {
      case 'v':
      case 't':
        this.capture = null;
        break;
      case 'c':
        if (this.cells && this.cell && this.cell.col >= 0) {
          this.cells.push(this.cell);
          if (this.cell.type === 's' && this.cell.value !== null) {
            const i = Number(this.cell.value);
            if (i > this.lastString) this.lastString = i; // not Math.max: one bad index (NaN) would stop the reading
          }
        }
        this.cell = null;
        break;
      case 'row':
        if (this.cells) out.push({ row: this.rowNumber, cells: this.cells });
        this.cells = null;
        break;
    }
  }
}
