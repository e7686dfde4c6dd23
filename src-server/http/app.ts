import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import { ZodError } from 'zod';
import { DEFAULT_MAX_DRIFT_MS, type SyncErrorBody } from '../../src-shared/sync/protocol';
import { checkPushBody } from '../../src-shared/sync/push-check';
import { authenticate, type Caller } from '../auth/access';
import { SyncRefusal } from '../store/errors';
import { checksum, pullHead, pullPages, requireRead, session } from '../store/pull';
import { push } from '../store/push';

// The HTTP face of the central store. Stateless: every request reads who the caller is and what
// they may touch from PostgreSQL, so any replica can serve any request.

export interface AppOptions {
  pool: pg.Pool;
  maxDriftMs?: number;
  /** pino's level; 'silent' in tests. */
  logLevel?: string;
  /** Largest request body (a push of MAX_PUSH_CHANGES changes fits well within it). */
  bodyLimit?: number;
}

const refuse = (reply: FastifyReply, status: number, body: SyncErrorBody) => reply.code(status).send(body);

export function buildApp(opts: AppOptions): FastifyInstance {
  const { pool } = opts;
  const maxDriftMs = opts.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info', redact: ['req.headers.authorization'] },
    bodyLimit: opts.bodyLimit ?? 32 * 1024 * 1024,
    requestTimeout: 120_000,
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof SyncRefusal) return refuse(reply, err.status, err.body);
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      return refuse(reply, 400, { error: 'bad_request', message: `Not a valid request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) return refuse(reply, 413, { error: 'too_large', message: 'The request is too large: send fewer changes at a time' });
    if (status && status < 500) return refuse(reply, status, { error: 'bad_request', message: (err as Error).message });
    req.log.error({ err }, 'request failed');
    return refuse(reply, 503, { error: 'unavailable', message: 'The sync server could not do this now; try again in a moment' });
  });

  const caller = async (req: FastifyRequest): Promise<Caller> => {
    const c = await authenticate(pool, req.headers.authorization);
    if (!c) throw new SyncRefusal(401, { error: 'unauthorized', message: 'This token is not valid (revoked, mistyped or from another server): sign in again with a new token' });
    return c;
  };

  app.get('/health', async () => {
    await pool.query('SELECT 1');
    return { ok: true };
  });

  app.get('/v1/session', async (req) => session(pool, await caller(req), maxDriftMs));

  app.post('/v1/push', async (req) => {
    const who = await caller(req);
    const checked = checkPushBody(req.body);
    if (!checked.ok) throw new SyncRefusal(400, { error: 'bad_request', message: `Not a valid request: ${checked.path}: ${checked.message}` });
    const body = checked.body;
    const result = await push(pool, who, body, { maxDriftMs });
    req.log.info({ user: who.name, accepted: result.accepted, duplicates: result.duplicates }, 'push');
    return result;
  });

  const cursorOf = (q: unknown) => {
    const after = Number((q as { after?: string }).after ?? 0);
    if (!Number.isSafeInteger(after) || after < 0) throw new SyncRefusal(400, { error: 'bad_request', message: 'after: a commit order (0 or more)' });
    return after;
  };

  app.get<{ Params: { id: string } }>('/v1/departments/:id/summary', async (req) => {
    await requireRead(pool, await caller(req), req.params.id);
    return pullHead(pool, req.params.id, cursorOf(req.query));
  });

  app.get<{ Params: { id: string } }>('/v1/departments/:id/checksum', async (req) => {
    await requireRead(pool, await caller(req), req.params.id);
    return checksum(pool, req.params.id);
  });

  // One stream per department: a head line, the changes one per line, an end line. A new laptop
  // downloads a whole department this way; a cut stream resumes from the last change applied.
  app.get<{ Params: { id: string } }>('/v1/departments/:id/changes', async (req, reply) => {
    await requireRead(pool, await caller(req), req.params.id);
    const head = await pullHead(pool, req.params.id, cursorOf(req.query));
    const dep = req.params.id;
    async function* lines() {
      yield `${JSON.stringify(head)}\n`;
      yield* pullPages(pool, dep, head.after, head.upTo);
      yield `${JSON.stringify({ end: head.upTo })}\n`;
    }
    return reply.type('application/x-ndjson').send(Readable.from(lines()));
  });

  return app;
}
