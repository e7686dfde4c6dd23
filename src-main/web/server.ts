import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { RENDERER_CSP } from '../../src-shared/security';
import { keyedApiError } from '../../src-shared/errors';
import type { Core } from '../core/dispatch';
import { API_BODY_LIMIT, guardHook, TOKEN_HEADER, type GuardOptions } from './guard';
import { removeUpload } from '../services/imports/uploads';
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
  /** Called once the shell has stopped (the CLI removes the session's uploads then). */
  onClose?: () => void;
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
export { TOKEN_HEADER };

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  if (!fs.existsSync(path.join(opts.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${opts.rendererDir} has no index.html). Run: npm run build`);
  }
  // Stopping ends every connection at once: a browser tab's keep-alive socket (after a streamed
  // download, say) would otherwise hold the stop until its keep-alive timeout.
  const app = Fastify({ logger: false, bodyLimit: API_BODY_LIMIT, forceCloseConnections: true });
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

  const guard = { token, origins: () => [`http://${HOST}:${port}`, `http://localhost:${port}`] };
  await registerApi(app, opts.core, guard);
  // The uploads of this shell: removed when it stops, whatever became of them.
  const uploads = new Set<string>();
  await registerUpload(app, { guard, core: opts.core, owned: uploads });
  await registerReportDownload(app, { guard });
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
    close: async () => {
      await app.close();
      for (const ref of uploads) removeUpload(ref);
      uploads.clear();
      opts.onClose?.();
    },
  };
}

/** POST /api/<method>: token and origin checked before the body is read, 1 MB at most, typed errors. */
function registerApi(app: FastifyInstance, core: Core, guard: GuardOptions) {
  return app.register(async (scope) => {
    scope.addHook('onRequest', guardHook(guard));
    scope.setErrorHandler((err: { statusCode?: number; code?: string }, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply.code(413).send({ ok: false, error: keyedApiError('bad_request', 'web.body_too_large', { max: API_BODY_LIMIT }) });
      }
      if (err.statusCode && err.statusCode < 500) {
        return reply.code(err.statusCode).send({ ok: false, error: keyedApiError('bad_request', 'web.bad_body') });
      }
      return reply.code(500).send({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    });
    scope.post<{ Params: { method: string }; Body: unknown }>('/api/:method', async (req, reply) => {
      const body = req.body as { input?: unknown } | undefined;
      const result = await core.callUnknown(req.params.method, body?.input, { shell: 'web' });
      if (!result.ok && result.error.code === 'unknown_method') reply.code(404);
      return result;
    });
    scope.all('/api/*', async (_req, reply) =>
      reply.code(404).send({ ok: false, error: { code: 'unknown_method', message: 'Use POST /api/<method>' } }),
    );
  });
}
