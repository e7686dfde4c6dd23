import fs from 'node:fs';
import { BoucleError } from '../../../src-shared/errors';
import { sourceFile } from './uploads';

// The file an import reads: an upload of the web shell or a path (Electron's native dialog, the CLI).
// Its kind is told by its first bytes, not its name: an .xlsx is a zip ("PK"), an old .xls an OLE
// compound file, anything else is read as delimited text.

export interface ImportFile {
  path: string;
  /** The name the user knows it by. */
  name: string;
  size: number;
  mtimeMs: number;
  format: 'csv' | 'xlsx';
  fileRef: string | null;
}

export function resolveImportFile(src: { fileRef?: string | undefined; path?: string | undefined }): ImportFile {
  const { path: file, name, field, stat: st } = sourceFile(src);
  if (st.size === 0) throw BoucleError.of('validation', 'common.file_empty', undefined, field);
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw BoucleError.of('validation', 'import.xls', undefined, field);
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return { path: file, name, size: st.size, mtimeMs: st.mtimeMs, format: zip ? 'xlsx' : 'csv', fileRef: src.fileRef ?? null };
}
