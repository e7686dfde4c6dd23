// A workbook's shared strings, kept as UTF-8 bytes in one growing buffer with their offsets, not as
// one JavaScript string each: an ERP export's notes are mostly unique, and at 3M rows the 300,000
// strings of the benchmark's workbook held 26 MB of heap as strings (86 bytes each) against about
// 10 MB here, while the reader must keep them all for the whole sheet. A string is decoded when a
// cell asks for it; the last one decoded in each of SLOTS slots is kept, so the few strings every
// row repeats (indicator names) are decoded once.

const SLOTS = 4096;

export class SharedStrings {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private ends = new Uint32Array(1 << 12);
  private used = 0;
  private n = 0;
  private readonly slotIndex = new Int32Array(SLOTS).fill(-1);
  private readonly slotString: string[] = new Array<string>(SLOTS).fill('');

  get length(): number {
    return this.n;
  }

  push(s: string): void {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(s, this.used);
    if (this.n === this.ends.length) {
      const bigger = new Uint32Array(this.ends.length * 2);
      bigger.set(this.ends);
      this.ends = bigger;
    }
    this.ends[this.n++] = this.used;
  }

  /** All pushed: the spare room of the growing buffers is given back. */
  seal(): void {
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    this.ends = this.ends.slice(0, this.n);
  }

  /** The i-th string; undefined when there is none (a cell pointing past the table). */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.n) || !Number.isInteger(i)) return undefined;
    const slot = i & (SLOTS - 1);
    if (this.slotIndex[slot] === i) return this.slotString[slot];
    const s = this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
    this.slotIndex[slot] = i;
    this.slotString[slot] = s;
    return s;
  }
}
