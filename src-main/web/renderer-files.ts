import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// The built renderer as the web shell serves it. Vite names every file under assets/ after a hash
// of its content, so such a file never changes: the browser may keep it for a year without asking
// again. index.html names those files and must always be fresh (no-store, the shell's default). The
// build writes a Brotli and a gzip copy beside each text file (scripts/precompress.mjs), served to a
// browser that accepts them: compressed once at build time, never per request.

/** assets/<name>-<hash>.<ext>, as Vite writes them (and its compressed copies). */
const HASHED = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function isHashedAsset(file: string): boolean {
  return HASHED.test(file);
}

export async function registerRendererFiles(app: FastifyInstance, rendererDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(rendererDir),
    index: ['index.html'],
    preCompressed: true,
    // Our own header below; `send`'s default (max-age=0) would say nothing useful.
    cacheControl: false,
    setHeaders(res, file) {
      if (isHashedAsset(path.relative(rendererDir, file))) res.setHeader('Cache-Control', IMMUTABLE);
    },
  });
}
