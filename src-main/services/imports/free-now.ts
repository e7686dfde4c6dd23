// Big typed arrays that an import holds for a while (the shared strings of a workbook, the keys of
// the duplicate check) are old by the time they are dropped, and old memory waits for a full
// collection, which a busy worker may run only a million rows later and an idle main thread never:
// meanwhile SQLite's cache fills on top of it, and the peak grew with the file (3M-row .xlsx: 322 MB).

/**
 * Frees an array's memory now: its buffer is moved (not copied) into a clone nobody holds, which
 * the next young-generation collection (milliseconds away in a busy thread) frees. The array is
 * empty afterwards. Never a slice of a larger buffer (Node's shared pool for small Buffers).
 */
export function freeNow(a: ArrayBufferView): void {
  const buffer = a.buffer;
  if (a.byteOffset !== 0 || a.byteLength !== buffer.byteLength || buffer.byteLength === 0) return;
  if (!(buffer instanceof ArrayBuffer)) return;
  structuredClone(buffer, { transfer: [buffer] });
}
