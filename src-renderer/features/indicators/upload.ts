import type { ApiError } from '@shared/errors';
import { ApiCallError, hasBridge } from '../../api/client';

// How the import wizard hands a file to the core. Under Electron the file is read where it lies
// (its path); in the browser it is streamed to the web shell's POST /upload, which answers
// { ok: true, data: { fileRef, name, size } } (src-main/web/upload.ts).
// uploadFile() of api/client.ts reads `fileRef` at the top level of that answer, so it always fails
// against the real endpoint; until it is fixed there, this reads both shapes.

export type FileSource = { fileRef: string } | { path: string };

export async function fileSourceOf(file: File): Promise<FileSource> {
  const electronPath = (file as File & { path?: string }).path;
  if (hasBridge() && electronPath) return { path: electronPath };
  const token = sessionStorage.getItem('boucle.token') ?? '';
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-boucle-token': token, 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  let body: { ok?: boolean; fileRef?: string; data?: { fileRef?: string }; error?: ApiError } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: reported below with the status
  }
  const fileRef = body.data?.fileRef ?? body.fileRef;
  if (!res.ok || !fileRef) throw new ApiCallError(body.error ?? { code: 'internal', message: `Upload failed (${res.status})` });
  return { fileRef };
}
