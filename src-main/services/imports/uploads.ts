import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BoucleError } from '../../../src-shared/errors';

// Files uploaded by the web shell (POST /upload) wait under the OS temp folder until an import uses
// them. A reference is 128 random bits in hex, so it names a file without letting a caller name a
// path; its metadata (the user's file name) sits beside it.

export const UPLOAD_MAX_BYTES = 2 * 1024 ** 3;
const STALE_MS = 24 * 3600 * 1000;

export interface UploadMeta {
  name: string;
  size: number;
  uploadedAt: string;
}

export const uploadDir = () => path.join(os.tmpdir(), 'boucle-uploads');
const dataPath = (ref: string) => path.join(uploadDir(), `${ref}.upload`);
const metaPath = (ref: string) => path.join(uploadDir(), `${ref}.json`);
const REF = /^[0-9a-f]{32}$/;

/** A new reference and the path to stream the upload to. */
export function newUpload(): { fileRef: string; path: string } {
  fs.mkdirSync(uploadDir(), { recursive: true, mode: 0o700 });
  const fileRef = randomBytes(16).toString('hex');
  return { fileRef, path: dataPath(fileRef) };
}

export function finishUpload(fileRef: string, meta: UploadMeta): void {
  fs.writeFileSync(metaPath(fileRef), JSON.stringify(meta));
}

export function resolveUpload(fileRef: string): { path: string; meta: UploadMeta } {
  if (!REF.test(fileRef)) throw BoucleError.of('validation', 'import.file_ref', undefined, 'fileRef');
  try {
    const meta = JSON.parse(fs.readFileSync(metaPath(fileRef), 'utf8')) as UploadMeta;
    return { path: dataPath(fileRef), meta };
  } catch {
    throw BoucleError.of('not_found', 'import.upload_gone', undefined, 'fileRef');
  }
}

export function removeUpload(fileRef: string): void {
  if (!REF.test(fileRef)) return;
  fs.rmSync(dataPath(fileRef), { force: true });
  fs.rmSync(metaPath(fileRef), { force: true });
}

/** Removes uploads older than a day (left by an import never started, or a crash). */
export function sweepUploads(now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(uploadDir());
  } catch {
    return;
  }
  for (const n of names) {
    const p = path.join(uploadDir(), n);
    try {
      if (now - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true });
    } catch {
      // already gone
    }
  }
}
