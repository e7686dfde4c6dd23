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

/** The attributes of a start tag that the sheet needs (r, t, s), by local name; one pass over the tag. */
function attributes(tag: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  const n = tag.length;
  let i = 0;
  while (i < n && tag.charCodeAt(i) > 32 && tag.charCodeAt(i) !== 47) i++; // the element's name
  for (;;) {
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    if (i >= n || tag.charCodeAt(i) === 47) return out;
    const from = i;
    while (i < n && tag.charCodeAt(i) !== 61 && tag.charCodeAt(i) > 32) i++;
    const name = tag.slice(tag.lastIndexOf(':', i - 1) >= from ? tag.lastIndexOf(':', i - 1) + 1 : from, i);
    while (i < n && tag.charCodeAt(i) !== 61) i++;
    i++;
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") return out;
    const end = tag.indexOf(q, i + 1);
    if (end < 0) return out;
    if (name === 'r' || name === 't' || name === 's') out[name] = decode(tag.slice(i + 1, end));
    i = end + 1;
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
      // A tag: up to the '>' that is not inside a quoted attribute value.
      let gt = -1;
      let quote = 0;
      for (let k = lt + 1; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) {
          gt = k;
          break;
        }
      }
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
        if (this.cells && this.cell && this.cell.col >= 0) this.cells.push(this.cell);
        this.cell = null;
        break;
      case 'row':
        if (this.cells) out.push({ row: this.rowNumber, cells: this.cells });
        this.cells = null;
        break;
    }
  }
}
