import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../src-shared/imports/schemas';

// Text encodings of the exports people have: UTF-8 with or without BOM (modern tools), Windows-1252
// (Excel "CSV" on a French or US Windows), UTF-16 with BOM (Excel "Unicode text"). Without a BOM the
// choice is made on UTF-8 validity: Windows-1252 accents (é = 0xE9 alone) are never valid UTF-8,
// while valid UTF-8 read as Windows-1252 would silently turn "é" into "Ã©".

export interface DetectedEncoding {
  encoding: ImportEncoding;
  bom: boolean;
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  try {
    // stream: a character cut by the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Raised when a file read as UTF-8 turns out not to be (past the sample the detection saw). */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`The file is not valid UTF-8 (byte ${byteOffset}): it is probably Windows-1252`);
    this.name = 'NotUtf8Error';
  }
}

/** The text of a sample (the start of a file); a character cut at its end is dropped. */
export function decodeSample(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes, { stream: true });
  return iconv.decode(Buffer.from(bytes), encoding);
}
