import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { keyedApiError } from '../../src-shared/errors';
import { finishUpload, newUpload, removeUpload, sweepUploads, UPLOAD_MAX_BYTES } from '../services/imports/uploads';

// POST /upload for the web shell: a file to import (a million-row CSV, an XLSX) streamed straight to
// a temp file under the OS temp folder, never held in memory, guarded by the same launch token as
// /api. The answer is a fileRef that imports.measurements.preview/start accept. The Electron shell
// passes a path from a native dialog instead and never uses this.
//   request:  POST /upload, header x-boucle-token, body = the file's bytes (any content type),
//             optional header x-file-name (URI-encoded) for the name shown to the user
//   answer:   { ok: true, data: { fileRef, name, size } } or { ok: false, error }

export interface UploadOptions {
  token: string;
  /** The token header of /api (server.ts). */
  header: string;
  maxBytes?: number;
}

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function fileName(raw: unknown): string {
  if (typeof raw !== 'string' || !raw) return 'upload';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  return name.replace(/[\\/]/g, '_').slice(0, 200) || 'upload';
}

export function registerUpload(app: FastifyInstance, opts: UploadOptions) {
  const max = opts.maxBytes ?? UPLOAD_MAX_BYTES;
  return app.register(async (scope) => {
    // In this scope only: hand the request body over unread, whatever its type, so it can be streamed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

    scope.post('/upload', async (req, reply) => {
      const body = req.body as Readable | undefined;
      if (!sameToken(req.headers[opts.header], opts.token)) {
        body?.resume();
        return reply.code(401).send({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
      }
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (declared > max) {
        body?.resume();
        return reply.code(413).send({ ok: false, error: keyedApiError('bad_request', 'upload.too_large', { max }) });
      }
      if (!body) return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'upload.no_body') });
      sweepUploads();
      const { fileRef, path } = newUpload();
      let size = 0;
      try {
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) body.destroy(new Error('too large'));
        });
        await pipeline(body, fs.createWriteStream(path, { mode: 0o600 }));
      } catch {
        removeUpload(fileRef);
        fs.rmSync(path, { force: true });
        if (size > max) return reply.code(413).send({ ok: false, error: keyedApiError('bad_request', 'upload.too_large', { max }) });
        return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'upload.interrupted') });
      }
      if (size === 0) {
        fs.rmSync(path, { force: true });
        return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'common.file_empty') });
      }
      const name = fileName(req.headers['x-file-name']);
      finishUpload(fileRef, { name, size, uploadedAt: new Date().toISOString() });
      return { ok: true, data: { fileRef, name, size } };
    });
  });
}
