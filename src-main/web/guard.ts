import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { keyedApiError } from '../../src-shared/errors';

// What every request to the API or to /upload must show before a byte of its body is read (these
// run as onRequest hooks, before Fastify parses anything): the launch token, and, when a browser
// says where the request comes from, the shell's own origin. A web page the user visits can send a
// POST to 127.0.0.1 (a "simple" cross-origin request needs no preflight); without these checks the
// shell would read and parse its body before refusing it.

export const TOKEN_HEADER = 'x-boucle-token';
/** The API's JSON bodies: the largest real input (a long description, a bulk grid edit) is far below. */
export const API_BODY_LIMIT = 1024 * 1024;

export function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GuardOptions {
  token: string;
  /** The origins the shell answers to, e.g. http://127.0.0.1:5173 and http://localhost:5173. */
  origins: () => string[];
}

/** Why this request is refused, or null. Reads headers only. */
export function refusal(req: FastifyRequest, opts: GuardOptions): { status: number; key: 'web.foreign_origin' | 'web.unauthorized' } | null {
  const origin = req.headers.origin;
  // Browsers send Origin on every POST and Sec-Fetch-Site on every request; scripts (CLI, tests) send neither.
  if (origin !== undefined && !opts.origins().includes(origin)) return { status: 403, key: 'web.foreign_origin' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, key: 'web.foreign_origin' };
  if (!sameToken(req.headers[TOKEN_HEADER], opts.token)) return { status: 401, key: 'web.unauthorized' };
  return null;
}

/** An onRequest hook: refuses before the body is read. */
export function guardHook(opts: GuardOptions) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const why = refusal(req, opts);
    if (!why) return;
    // Answer, then close: never read what a refused caller sends.
    reply.header('connection', 'close');
    const code = why.status === 401 ? 'unauthorized' : 'forbidden';
    return reply.code(why.status).send({ ok: false, error: keyedApiError(code, why.key) });
  };
}
