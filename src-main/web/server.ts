import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { RENDERER_CSP } from '../../src-shared/security';
import type { Core } from '../core/dispatch';
import { registerRendererFiles } from './renderer-files';
import { registerUpload } from './upload';
import { registerReportDownload } from './report-download';

// The web shell: the built renderer and the API over HTTP, bound to 127.0.0.1 only and guarded by
// a random token per launch (in the printed URL), so another local user or a web page cannot call it.

export interface WebShellOptions {
  core: Core;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface WebShell {
  app: FastifyInstance;
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';
export const TOKEN_HEADER = 'x-boucle-token';

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  if (!fs.existsSync(path.join(opts.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${opts.rendererDir} has no index.html). Run: npm run build`);
  }
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  let port = opts.port ?? 0;

  // DNS rebinding: a hostile page resolving its own name to 127.0.0.1 would send its own Host.
  app.addHook('onRequest', async (req, reply) => {
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'Wrong host' } });
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', RENDERER_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    // Hashed renderer files say how long they keep (renderer-files.ts); everything else is never stored.
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.post<{ Params: { method: string }; Body: unknown }>('/api/:method', async (req, reply) => {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      return reply.code(401).send({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
    }
    const body = req.body as { input?: unknown } | undefined;
    const result = await opts.core.callUnknown(req.params.method, body?.input);
    if (!result.ok && result.error.code === 'unknown_method') reply.code(404);
    return result;
  });
  app.all('/api/*', async (_req, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'unknown_method', message: 'Use POST /api/<method>' } }),
  );

  await registerUpload(app, { token, header: TOKEN_HEADER });
  registerReportDownload(app, { token, header: TOKEN_HEADER });
  await registerRendererFiles(app, opts.rendererDir);
  // Client-side routes (/gaps, /processes/…) all load the app.
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'Not found' } });
  });

  await app.listen({ host: HOST, port });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : port;
  const origin = `http://${HOST}:${port}`;
  return {
    app,
    origin,
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: () => app.close(),
  };
}
