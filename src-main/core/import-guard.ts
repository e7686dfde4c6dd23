import fs from 'node:fs';
import path from 'node:path';
import { BoucleError } from '../../src-shared/errors';
import { DATABASE_FILE } from '../db/files';
import { resolveUpload } from '../services/imports/uploads';
import { freeBytes } from '../services/workspace/backups';
import type { WorkspaceSession } from './session';

// Before a large measurement import: is there room on the disk for it, and a backup of the workspace
// as it was. An import holds all its rows in one transaction (the write-ahead log grows by all of
// them before it is folded back) next to its spool of checked rows: measured at its peak, 16 bytes
// of disk per byte of CSV (200,000 rows: 5 MB of CSV, 80 MB at the peak, 47 MB once done), about five
// times more per byte of XLSX, which is compressed. The check asks for half as much again.

/** From this size on an import is large: a backup first (about 500,000 rows of CSV). */
export const LARGE_IMPORT_BYTES = 16 * 1024 * 1024;
const PEAK_PER_BYTE = { csv: 16, xlsx: 80 } as const;
const MARGIN = 1.5;
const MB = 1024 * 1024;

interface Source {
  fileRef?: string | undefined;
  path?: string | undefined;
}

function fileOf(src: Source): { file: string; size: number; xlsx: boolean } | null {
  try {
    const file = src.fileRef !== undefined ? resolveUpload(src.fileRef).path : src.path!;
    const size = fs.statSync(file).size;
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
    return { file, size, xlsx: head.readUInt32BE(0) === 0x504b0304 };
  } catch {
    return null; // the import itself says what is wrong with the file
  }
}

/** Disk the import needs at its peak, in bytes (with the backup a large one takes first). */
export function diskNeeded(fileBytes: number, xlsx: boolean, databaseBytes: number): number {
  const peak = fileBytes * PEAK_PER_BYTE[xlsx ? 'xlsx' : 'csv'] * MARGIN;
  return Math.ceil(peak + (fileBytes >= LARGE_IMPORT_BYTES ? databaseBytes : 0) + 64 * MB);
}

/**
 * Refuses, in words, an import the disk cannot hold; backs the workspace up before a large one.
 * `free` is injectable for the tests (a full disk cannot be made on demand).
 */
export async function prepareLargeImport(session: WorkspaceSession, src: Source, free: (dir: string) => number | null = freeBytes): Promise<void> {
  const f = fileOf(src);
  if (!f) return;
  const dataDir = session.dataDir;
  const db = path.join(dataDir, DATABASE_FILE);
  const size = (x: string) => (fs.existsSync(x) ? fs.statSync(x).size : 0);
  const needed = diskNeeded(f.size, f.xlsx, size(db) + size(`${db}-wal`));
  const available = free(dataDir);
  if (available !== null && available < needed) {
    throw BoucleError.of(
      'conflict',
      'disk.no_space',
      { needed: Math.ceil(needed / MB), free: Math.floor(available / MB), dir: dataDir },
      src.fileRef !== undefined ? 'fileRef' : 'path',
    );
  }
  if (f.size >= LARGE_IMPORT_BYTES) await session.backupNow('before-import', { check: 'quick' });
}
