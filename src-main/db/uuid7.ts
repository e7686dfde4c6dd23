import { randomFillSync } from 'node:crypto';

// UUIDv7 (RFC 9562) straight into bytes, for bulk writes that create hundreds of thousands of rows:
// 48 bits of Unix milliseconds, the version, a 12-bit counter that keeps ids made in the same
// millisecond in order (method 1 of the RFC; on overflow the millisecond moves on), the variant and
// 62 random bits from a pooled cryptographic source. ids.ts makes the text ids of everyday writes.

const POOL = 1 << 16;

export class Uuid7Bytes {
  private pool = Buffer.allocUnsafe(POOL);
  private at = POOL;
  private lastMs = 0;
  private counter = 0;

  /** Writes the next id into `out` at `offset` (16 bytes). */
  next(out: Buffer, offset: number): void {
    let ms = Date.now();
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      if (++this.counter > 0xfff) {
        ms = ++this.lastMs;
        this.counter = this.randomCounter();
      }
    } else {
      this.lastMs = ms;
      this.counter = this.randomCounter();
    }
    // 48-bit milliseconds, big-endian (a double holds them exactly).
    const hi = Math.floor(ms / 0x100000000);
    out[offset] = (hi >>> 8) & 0xff;
    out[offset + 1] = hi & 0xff;
    out.writeUInt32BE(ms >>> 0, offset + 2);
    out[offset + 6] = 0x70 | (this.counter >>> 8);
    out[offset + 7] = this.counter & 0xff;
    const r = this.random(8);
    out[offset + 8] = 0x80 | (this.pool[r]! & 0x3f);
    this.pool.copy(out, offset + 9, r + 1, r + 8);
  }

  /** A counter start in the lower half, so that a burst within a millisecond rarely overflows it. */
  private randomCounter(): number {
    const r = this.random(2);
    return ((this.pool[r]! << 8) | this.pool[r + 1]!) & 0x7ff;
  }

  private random(n: number): number {
    if (this.at + n > POOL) {
      randomFillSync(this.pool);
      this.at = 0;
    }
    const r = this.at;
    this.at += n;
    return r;
  }
}
