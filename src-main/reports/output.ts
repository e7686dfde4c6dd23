import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BoucleError } from '../../src-shared/errors';
import type { ReportFile } from '../../src-shared/reports/schemas';
import { privateFolder } from '../services/workspace/private-folder';

// Where a report or an export is written. With a path (CLI, the app's save dialog): refused when the
// file exists (unless replacing was asked for), when it is a folder, or when its folder cannot be
// written; the bytes go to a temporary file beside it, renamed into place once complete, so no half
// file is ever left. Without a path: a download, kept for a day by a random reference in the private
// `downloads` folder of the data folder (0700, owner checked: in the shared temp folder another local
// user could read it or swap it before the browser fetches it); the web shell serves it by that
// reference, never by a path the caller names.

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};
export const mimeOf = (ext: string) => MIME[ext] ?? 'application/octet-stream';

const REF = /^[0-9a-f]{32}$/;
const STALE_MS = 24 * 3600 * 1000;
export const DOWNLOAD_FOLDER = 'downloads';
const written = new Map<string, ReportFile>();

/** Checks a target path before any work is done; the same checks run again when it is written. */
export function checkTarget(out: string, force: boolean): string {
  const full = path.resolve(out);
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(full);
  } catch {
    // does not exist: fine
  }
  if (st?.isDirectory()) throw BoucleError.of('validation', 'report.out_is_folder', { path: out }, 'out');
  if (st && !force) throw BoucleError.of('conflict', 'report.out_exists', { path: out }, 'out');
  const dir = path.dirname(full);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw BoucleError.of('validation', 'report.out_unwritable', { path: out, reason }, 'out');
  }
  return full;
}

/** A file name from a title: letters, digits and dashes, accents removed. */
export function fileBase(title: string): string {
  const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 80);
  return base || 'report';
}

function sweep(root: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const n of names) {
    const p = path.join(root, n);
    try {
      if (now - fs.statSync(p).mtimeMs > STALE_MS) {
        fs.rmSync(p, { recursive: true, force: true });
        written.delete(n);
      }
    } catch {
      // already gone
    }
  }
}

/** Writes the bytes all at once into place (temp file + rename); returns what was written. */
export function writeOutput(bytes: Buffer | string, fileName: string, target: { out?: string | undefined; force: boolean; dataDir: string }): ReportFile {
  const ext = path.extname(fileName).slice(1);
  const fileRef = randomBytes(16).toString('hex');
  let full: string;
  if (target.out) {
    full = checkTarget(target.out, target.force);
  } else {
    const root = privateFolder(target.dataDir, DOWNLOAD_FOLDER);
    sweep(root);
    const dir = path.join(root, fileRef);
    fs.mkdirSync(dir, { mode: 0o700 });
    full = path.join(dir, fileName);
  }
  const tmp = path.join(path.dirname(full), `.${path.basename(full)}.${fileRef.slice(0, 8)}.partial`);
  try {
    fs.writeFileSync(tmp, bytes, { mode: target.out ? 0o644 : 0o600 });
    fs.renameSync(tmp, full);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw BoucleError.of('validation', 'report.out_unwritable', { path: target.out ?? full, reason: (e as Error).message }, 'out');
  }
  const file: ReportFile = { fileRef, fileName: path.basename(full), path: full, bytes: Buffer.byteLength(bytes), mime: mimeOf(ext) };
  written.set(fileRef, file);
  return file;
}

/** A file written by this process, by its reference; null for anything else. */
export function writtenFile(fileRef: unknown): ReportFile | null {
  if (typeof fileRef !== 'string' || !REF.test(fileRef)) return null;
  const f = written.get(fileRef);
  return f && fs.existsSync(f.path) ? f : null;
}

/** Whether a path is one this process wrote (the desktop shell opens or reveals only those). */
export function isWrittenPath(p: unknown): boolean {
  if (typeof p !== 'string') return false;
  const full = path.resolve(p);
  for (const f of written.values()) if (f.path === full) return fs.existsSync(full);
  return false;
}
