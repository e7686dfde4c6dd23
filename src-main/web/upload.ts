import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { keyedApiError } from '../../src-shared/errors';
import type { Core } from '../core/dispatch';
import { finishUpload, newUpload, removeUpload, sweepUploads, UPLOAD_MAX_BYTES } from '../services/imports/uploads';
import { guardHook, type GuardOptions } from './guard';

// POST /upload for the web shell: a file to import (a million-row CSV, an XLSX, a BPMN model)
// streamed straight to the private upload folder of the data folder, never held in memory, with
// its own size limit (the API's 1 MB does not apply here). Token and origin are checked before a
// byte is read. The answer is a fileRef that the imports accept; from the web shell they accept
// nothing else (a path from the browser is refused). The Electron shell passes a path from a native
// dialog instead and never uses this.
//   request:  POST /upload, header x-boucle-token, body = the file's bytes (any content type),
//             optional header x-file-name (URI-encoded) for the name shown to the user
//   answer:   { ok: true, data: { fileRef, name, size } } or { ok: false, error }

export interface UploadOptions {
  guard: GuardOptions;
  core: Core;
  /** Receives the reference of every upload, for the shell to remove them when it stops. */
  owned: Set<string>;
  maxBytes?: number;
}

function fileName(raw: unknown): string {
  if (typeof raw !== 'string' || !raw) return 'upload';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'upload';
}

export function registerUpload(app: FastifyInstance, opts: UploadOptions) {
  const max = opts.maxBytes ?? UPLOAD_MAX_BYTES;
  return app.register(async (scope) => {
    scope.addHook('onRequest', guardHook(opts.guard));
    // In this scope only: hand the request body over unread, whatever its type, so it can be streamed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

    scope.post('/upload', async (req, reply) => {
      const body = req.body as Readable | undefined;
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (declared > max) {
        reply.header('connection', 'close');
        return reply.code(413).send({ ok: false, error: keyedApiError('bad_request', 'upload.too_large', { max }) });
      }
      if (!body) return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'upload.no_body') });
      const dataDir = opts.core.workspace.dataDir;
      sweepUploads(dataDir);
      let upload: { fileRef: string; path: string };
      try {
        upload = newUpload(dataDir);
      } catch (e) {
        body.resume();
        const err = e as { toApiError?: () => unknown };
        return reply.code(403).send({ ok: false, error: err.toApiError ? err.toApiError() : keyedApiError('internal', 'upload.failed', { status: 500 }) });
      }
      const { fileRef, path } = upload;
      opts.owned.add(fileRef);
      let size = 0;
      try {
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) body.destroy(new Error('too large'));
        });
        await pipeline(body, fs.createWriteStream(path, { mode: 0o600 }));
      } catch {
        removeUpload(fileRef);
        if (size > max) return reply.code(413).send({ ok: false, error: keyedApiError('bad_request', 'upload.too_large', { max }) });
        return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'upload.interrupted') });
      }
      if (size === 0) {
        removeUpload(fileRef);
        return reply.code(400).send({ ok: false, error: keyedApiError('bad_request', 'common.file_empty') });
      }
      const name = fileName(req.headers['x-file-name']);
      finishUpload(fileRef, { name, size, uploadedAt: new Date().toISOString() });
      return { ok: true, data: { fileRef, name, size } };
    });
  });
}
