import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BoucleError } from '../../../src-shared/errors';
import { privateFolder } from '../workspace/private-folder';

// Files uploaded by the web shell (POST /upload) wait in a private folder of the data folder until an
// import uses them. The folder is the user's alone (0700, owner checked): in a shared temp folder
// another local user could create it first, read the file names and swap a file before its import.
//
// A reference is 128 random bits in hex, so it names a file without letting a caller name a path,
// and it resolves only in the process that received the upload (the registry below lives in memory):
// an import from the web shell reads nothing but what was uploaded through it. Each upload is removed
// after its import (whatever the outcome), when the user gives it up, and at exit; what a crash left
// behind is swept at the next upload (its metadata names the process that owned it).

export const UPLOAD_MAX_BYTES = 2 * 1024 ** 3;
const STALE_MS = 24 * 3600 * 1000;
export const UPLOAD_FOLDER = 'uploads';

export interface UploadMeta {
  name: string;
  size: number;
  uploadedAt: string;
}

interface StoredMeta extends UploadMeta {
  pid: number;
  host: string;
}

const REF = /^[0-9a-f]{32}$/;
/** fileRef → the folder holding it: uploads of this process only. */
const registry = new Map<string, string>();

export const uploadDirOf = (dataDir: string) => path.join(dataDir, UPLOAD_FOLDER);
const dataPath = (dir: string, ref: string) => path.join(dir, `${ref}.upload`);
const metaPath = (dir: string, ref: string) => path.join(dir, `${ref}.json`);

/** The upload folder of `dataDir`, private to the user (created 0700, owner and mode checked). */
export const privateUploadDir = (dataDir: string) => privateFolder(dataDir, UPLOAD_FOLDER);

/** A new reference and the path to stream the upload to (created empty, 0600, never an existing file). */
export function newUpload(dataDir: string): { fileRef: string; path: string } {
  const dir = privateUploadDir(dataDir);
  const fileRef = randomBytes(16).toString('hex');
  const file = dataPath(dir, fileRef);
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  registry.set(fileRef, dir);
  return { fileRef, path: file };
}

/**
 * Lets this thread resolve an upload received by the main thread (a worker thread has its own copy
 * of this module): the folder must be the private upload folder of `dataDir`.
 */
export function adoptUpload(fileRef: string, dataDir: string): void {
  if (!REF.test(fileRef)) throw BoucleError.of('validation', 'import.file_ref', undefined, 'fileRef');
  registry.set(fileRef, privateUploadDir(dataDir));
}

export function finishUpload(fileRef: string, meta: UploadMeta): void {
  const dir = registry.get(fileRef);
  if (!dir) throw BoucleError.of('not_found', 'import.upload_gone', undefined, 'fileRef');
  const stored: StoredMeta = { ...meta, pid: process.pid, host: os.hostname() };
  fs.writeFileSync(metaPath(dir, fileRef), JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
}

export function resolveUpload(fileRef: string): { path: string; meta: UploadMeta } {
  if (!REF.test(fileRef)) throw BoucleError.of('validation', 'import.file_ref', undefined, 'fileRef');
  const dir = registry.get(fileRef);
  try {
    if (!dir) throw new Error('not ours');
    const meta = JSON.parse(fs.readFileSync(metaPath(dir, fileRef), 'utf8')) as StoredMeta;
    return { path: dataPath(dir, fileRef), meta: { name: meta.name, size: meta.size, uploadedAt: meta.uploadedAt } };
  } catch {
    throw BoucleError.of('not_found', 'import.upload_gone', undefined, 'fileRef');
  }
}

/** A file an import or a BPMN import reads: its path, the name the user knows it by, the field to blame and its stat. */
export interface SourceFile {
  path: string;
  name: string;
  field: 'fileRef' | 'path';
  stat: fs.Stats;
}

/** Resolves an upload reference (web shell) or a path (desktop, CLI) to a regular file, or says why not. */
export function sourceFile(src: { fileRef?: string | undefined; path?: string | undefined }): SourceFile {
  const field = src.fileRef !== undefined ? 'fileRef' : 'path';
  let file: string;
  let name: string;
  if (src.fileRef !== undefined) {
    const up = resolveUpload(src.fileRef);
    file = up.path;
    name = up.meta.name;
  } else {
    file = src.path!;
    name = path.basename(file);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw BoucleError.of('not_found', 'import.no_such_file', { file }, field);
  }
  if (!stat.isFile()) throw BoucleError.of('validation', 'import.not_a_file', { file }, field);
  return { path: file, name, field, stat };
}

export function removeUpload(fileRef: string): void {
  if (!REF.test(fileRef)) return;
  const dir = registry.get(fileRef);
  if (!dir) return;
  registry.delete(fileRef);
  fs.rmSync(dataPath(dir, fileRef), { force: true });
  fs.rmSync(metaPath(dir, fileRef), { force: true });
}

/** Removes every upload of this process (the web shell closing); returns how many. */
export function removeAllUploads(): number {
  const refs = [...registry.keys()];
  refs.forEach(removeUpload);
  return refs.length;
}

/** The uploads of this process still waiting for an import. */
export const pendingUploads = (): string[] => [...registry.keys()];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what no running process will import: uploads of a process that died (same host), files
 * without metadata older than a minute (an upload cut by a crash), anything older than a day.
 */
export function sweepUploads(dataDir: string, now = Date.now()): void {
  const dir = uploadDirOf(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const host = os.hostname();
  for (const n of names) {
    const ref = n.replace(/\.(upload|json)$/, '');
    if (registry.has(ref)) continue;
    const p = path.join(dir, n);
    try {
      const age = now - fs.statSync(p).mtimeMs;
      let dead = age > STALE_MS;
      if (!dead && REF.test(ref)) {
        const meta = fs.existsSync(metaPath(dir, ref)) ? (JSON.parse(fs.readFileSync(metaPath(dir, ref), 'utf8')) as StoredMeta) : null;
        dead = meta ? meta.host === host && !alive(meta.pid) : age > 60_000;
      }
      if (dead) fs.rmSync(p, { force: true });
    } catch {
      // gone already, or unreadable metadata of a live upload: left for the day-old rule
    }
  }
}
