import fs from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP } from '../../src-shared/security';

// The renderer is served from app://boucle/ rather than file://. A file:// page shares its origin
// rules with every other local file (a document it opens could read siblings, cookies of file: are
// per scheme, not per app), whereas app://boucle is one origin of its own, standard and secure, that
// holds the built renderer and nothing else: the handler below serves only files inside that folder,
// with the same Content-Security-Policy as the web shell. Electron-free, so tested under Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'boucle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** protocol.registerSchemesAsPrivileged: a standard, secure scheme with fetch; no CORS bypass, no CSP bypass. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type AppRequest = { status: 200; file: string; type: string } | { status: 404 | 403 };

/** Which file of `rendererDir` an app:// URL names, or why none: only files inside the folder, never above. */
export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { status: 403 };
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return { status: 404 };
  }
  if (rel.includes('\0')) return { status: 404 };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type) return { status: 404 };
  return { status: 200, file, type };
}

const headers = (type: string): Record<string, string> => ({
  'Content-Type': type,
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

/** The answer to one app:// request (protocol.handle's handler). */
export async function appResponse(url: string, rendererDir: string): Promise<Response> {
  const r = resolveAppRequest(url, rendererDir);
  if (r.status !== 200) return new Response(null, { status: r.status, headers: headers('text/plain; charset=utf-8') });
  try {
    const body = await fs.readFile(r.file);
    return new Response(body, { status: 200, headers: headers(r.type) });
  } catch {
    return new Response(null, { status: 404, headers: headers('text/plain; charset=utf-8') });
  }
}
