import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { writtenFile } from '../reports/output';

// GET /download/:fileRef for the web shell: a report or list export the core wrote, served as an
// attachment to the browser, guarded by the launch token. Only files this process wrote can be
// fetched, by their random reference, never by a path.

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerReportDownload(app: FastifyInstance, opts: { token: string; header: string }) {
  app.get<{ Params: { fileRef: string } }>('/download/:fileRef', async (req, reply) => {
    if (!sameToken(req.headers[opts.header], opts.token)) {
      return reply.code(401).send({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
    }
    const file = writtenFile(req.params.fileRef);
    if (!file) return reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'No such file (downloads are kept for a day)' } });
    reply.header('Content-Type', file.mime);
    reply.header('Content-Length', String(fs.statSync(file.path).size));
    reply.header('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return reply.send(fs.createReadStream(file.path));
  });
}
