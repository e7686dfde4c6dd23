// A workbook's shared strings, kept as UTF-8 bytes in one buffer with their offsets, not as one
// JavaScript string each: an ERP export's notes are mostly unique, and at 3M rows the 300,000
// strings of the benchmark's workbook held 26 MB of heap as strings (86 bytes each) against about
// 10 MB here, while the reader must keep them all for the whole sheet. A string is decoded when a
// cell asks for it; the last one decoded in each of SLOTS slots is kept, so the few strings every
// row repeats (indicator names) are decoded once.
//
// The buffer is reserved once, at the size of the XML part, so never copied into a bigger one, and
// freed when the workbook closes rather than when a collection gets to it: doubling left 16 + 8 + 4 +
// … MB behind at 3M rows, and arrays that have lived long wait for a full collection, which the
// worker ran a million rows into the write pass, on top of SQLite's cache, and the idle main thread
// (where the preview reads) never ran; what a table holds then grew with the file.

import { freeNow } from './free-now';

const SLOTS = 4096;
/** The most reserved up front: the XML of rich text can be many times its text. */
const MAX_RESERVED = 1 << 26;
/** Offsets per block of the index (1 << INDEX_SHIFT): blocks are added, never copied into a bigger array. */
const INDEX_SHIFT = 16;
const INDEX_BLOCK = 1 << INDEX_SHIFT;

export class SharedStrings {
  private bytes: Buffer;
  private used = 0;
  private n = 0;
  private blocks: Uint32Array[] = [];
  private readonly slotIndex = new Int32Array(SLOTS).fill(-1);
  private readonly slotString: string[] = new Array<string>(SLOTS).fill('');

  /**
   * `byteBound`: the size of the XML part the strings come from. Their UTF-8 cannot be longer than
   * the XML carrying them (entities and _xHHHH_ escapes only shrink), so the buffer never grows; the
   * part of it the strings do not fill is never written, so never resident.
   */
  constructor(byteBound = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(Math.min(MAX_RESERVED, Math.max(4096, byteBound)));
  }

  get length(): number {
    return this.n;
  }

  push(s: string): void {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.bytes.length) {
      // Past the bound (a caller that did not know it, or a table over MAX_RESERVED): grow, giving the old buffer back at once.
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(bigger, 0, 0, this.used);
      freeNow(this.bytes);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(s, this.used);
    if (this.used > 0xffffffff) throw new Error('the shared strings are larger than 4 GB');
    const at = this.n & (INDEX_BLOCK - 1);
    if (at === 0) this.blocks.push(new Uint32Array(INDEX_BLOCK));
    this.blocks[this.blocks.length - 1]![at] = this.used;
    this.n++;
  }

  /** All pushed: a spare room of 64 KiB or more is given back (the buffer copied to its size, the old one freed). */
  seal(): void {
    if (this.bytes.length - this.used < 1 << 16) return;
    const exact = Buffer.allocUnsafe(this.used);
    this.bytes.copy(exact, 0, 0, this.used);
    freeNow(this.bytes);
    this.bytes = exact;
  }

  private end(i: number): number {
    return this.blocks[i >>> INDEX_SHIFT]![i & (INDEX_BLOCK - 1)]!;
  }

  /** The i-th string; undefined when there is none (a cell pointing past the table). */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.n) || !Number.isInteger(i)) return undefined;
    const slot = i & (SLOTS - 1);
    if (this.slotIndex[slot] === i) return this.slotString[slot];
    const s = this.bytes.toString('utf8', i === 0 ? 0 : this.end(i - 1), this.end(i));
    this.slotIndex[slot] = i;
    this.slotString[slot] = s;
    return s;
  }

  /** The workbook is closed: the memory goes now (see free-now.ts); no string is left. */
  release(): void {
    freeNow(this.bytes);
    for (const b of this.blocks) freeNow(b);
    this.bytes = Buffer.alloc(0);
    this.blocks = [];
    this.used = 0;
    this.n = 0;
    this.slotIndex.fill(-1);
    this.slotString.fill('');
  }
}
