import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { writtenFile } from '../reports/output';
import { guardHook, type GuardOptions } from './guard';

// GET /download/:fileRef for the web shell: a report or list export the core wrote, served as an
// attachment to the browser, behind the same guard as the API (launch token, the shell's own origin).
// Only files this process wrote can be fetched, by their random reference, never by a path.

export function registerReportDownload(app: FastifyInstance, opts: { guard: GuardOptions }) {
  return app.register(async (scope) => {
    scope.addHook('onRequest', guardHook(opts.guard));
    scope.get<{ Params: { fileRef: string } }>('/download/:fileRef', async (req, reply) => {
      const file = writtenFile(req.params.fileRef);
      if (!file) return reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'No such file (downloads are kept for a day)' } });
      reply.header('Content-Type', file.mime);
      reply.header('Content-Length', String(fs.statSync(file.path).size));
      reply.header('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.send(fs.createReadStream(file.path));
    });
  });
}
