import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The rows the validating pass accepted, kept on disk in a compact binary form until the writing
// pass stores them: the file is read and parsed once (an .xlsx costs as much to read as a CSV to
// write), memory stays flat whatever its size, and what is written is exactly what was checked.
// One record per row: indicator index (u16), period start day (i32), value (f64), note length in
// bytes (u32, 0xFFFFFFFF for none) and the note in UTF-8.

const BUFFER = 1 << 20;
/** The folder of the data folder that holds import spools, one boucle-import-* folder per import. */
export const SPOOL_FOLDER = 'imports';
const SPOOL_PREFIX = 'boucle-import-';

/**
 * Removes the spools an interrupted import left (Ctrl-C, a crash, a kill: 20 MB for a million
 * rows, for good). Called by the process that just took the workspace's writer lock: no other
 * import can be running on it, so every spool there is a leftover.
 */
export function sweepSpools(dataDir: string): void {
  const dir = path.join(dataDir, SPOOL_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no import ever ran here
  }
  for (const n of names) if (n.startsWith(SPOOL_PREFIX)) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
}
const NO_NOTE = 0xffffffff;
const FIXED = 2 + 4 + 8 + 4;

export interface SpooledRow {
  indicator: number;
  periodDay: number;
  value: number;
  note: string | null;
}

export class SpoolWriter {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(BUFFER);
  private at = 0;
  private closed = false;
  rows = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'wx', 0o600);
  }

  static create(dir = os.tmpdir()): SpoolWriter {
    const folder = fs.mkdtempSync(path.join(dir, SPOOL_PREFIX));
    return new SpoolWriter(path.join(folder, 'rows.bin'));
  }

  add(indicator: number, periodDay: number, value: number, note: string | null): void {
    const noteBytes = note === null ? 0 : Buffer.byteLength(note);
    if (this.at + FIXED + noteBytes > this.buf.length) this.flush(FIXED + noteBytes);
    const b = this.buf;
    let at = this.at;
    b.writeUInt16LE(indicator, at);
    b.writeInt32LE(periodDay, at + 2);
    b.writeDoubleLE(value, at + 6);
    b.writeUInt32LE(note === null ? NO_NOTE : noteBytes, at + 14);
    at += FIXED;
    if (note !== null) at += b.write(note, at);
    this.at = at;
    this.rows++;
  }

  private flush(need = 0): void {
    if (this.at) fs.writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
    if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need);
  }

  /** Everything on disk; the spool can be read. */
  close(): void {
    this.flush();
    this.closeFd();
  }

  // Once: a descriptor number closed twice may by then belong to another file of the process (the
  // workspace's database, say), and the second close would cut that file off.
  private closeFd(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** Removes the spool and its folder (after the import, its refusal or its cancel). */
  discard(): void {
    try {
      this.closeFd();
    } catch {
      // the descriptor was lost already: the folder still goes
    }
    fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
  }
}

/** The spooled rows in order, `batch` at a time. */
export function* readSpool(file: string, batch: number): Generator<SpooledRow[]> {
  const fd = fs.openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(BUFFER);
    let have = 0;
    let at = 0;
    let eof = false;
    let out: SpooledRow[] = [];
    for (;;) {
      if (!eof && have - at < FIXED + 2000 * 4) {
        // Keep what is left, then fill up (a note is at most 2000 characters, 8000 bytes).
        buf.copy(buf, 0, at, have);
        have -= at;
        at = 0;
        if (buf.length - have < BUFFER / 2) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const n = fs.readSync(fd, buf, have, buf.length - have, null);
        if (n === 0) eof = true;
        have += n;
      }
      if (at >= have) break;
      const indicator = buf.readUInt16LE(at);
      const periodDay = buf.readInt32LE(at + 2);
      const value = buf.readDoubleLE(at + 6);
      const len = buf.readUInt32LE(at + 14);
      at += FIXED;
      let note: string | null = null;
      if (len !== NO_NOTE) {
        note = buf.toString('utf8', at, at + len);
        at += len;
      }
      out.push({ indicator, periodDay, value, note });
      if (out.length === batch) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  } finally {
    fs.closeSync(fd);
  }
}
