import type { ApiInput, ApiName, ApiOutput } from '@shared/api';
import { keyedApiError, type ApiError, type ApiResult } from '@shared/errors';
import type { BoucleBridge } from '@shared/bridge';
import { formatMessage, isMessageKey, messageLocale, type MessageParams } from '@shared/messages';
import i18n from '../i18n';

// The renderer's only door to the core. Under Electron the preload exposes `window.boucle` (IPC);
// in the browser the web shell serves the same API over HTTP on 127.0.0.1 with a per-launch token.

declare global {
  interface Window {
    boucle?: BoucleBridge;
  }
}

/** A message of the core in the app's current language (English when it has no key). */
export function localMessage(text: string, key: string | undefined, params: MessageParams | undefined): string {
  return isMessageKey(key) ? formatMessage(key, params, messageLocale(i18n.language)) : text;
}

/**
 * A typed error from the core: show `message` next to `field` when there is one. `message` is in the
 * app's language when the core gave a key (every screen shows it, so this localises them all);
 * `englishMessage` keeps the core's own text.
 */
export class ApiCallError extends Error implements ApiError {
  readonly code: ApiError['code'];
  readonly field?: string;
  readonly key?: string;
  readonly params?: MessageParams;
  readonly englishMessage: string;
  constructor(error: ApiError) {
    super(localMessage(error.message, error.key, error.params));
    this.name = 'ApiCallError';
    this.code = error.code;
    this.englishMessage = error.message;
    if (error.field !== undefined) this.field = error.field;
    if (error.key !== undefined) this.key = error.key;
    if (error.params !== undefined) this.params = error.params;
  }
}

const TOKEN_KEY = 'boucle.token';

/** Takes the token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && !!window.boucle;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
export function onUnauthorized(fn: UnauthorizedListener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

async function transport(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.boucle) return window.boucle.call(method, input);
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-boucle-token': token },
      body: JSON.stringify({ input }),
    });
  } catch {
    return { ok: false, error: keyedApiError('internal', 'client.unreachable') };
  }
  if (res.status === 401) unauthorizedListeners.forEach((fn) => fn());
  return (await res.json()) as ApiResult<unknown>;
}

type HealthListener = () => void;
const healthListeners = new Set<HealthListener>();
/** Called when a call is refused because the workspace is read-only or damaged: the app shows why. */
export function onHealthRefusal(fn: HealthListener): () => void {
  healthListeners.add(fn);
  return () => healthListeners.delete(fn);
}

// Reads started ahead of the screen that needs them (the opening page's data while its code loads,
// a tab's data beside its parent's): the screen's own call with the same name and input takes the
// answer already on its way instead of asking again. Taken once, and only while fresh, so a later
// visit always reads anew.
const PREFETCH_TTL_MS = 3000;
const prefetched = new Map<string, { at: number; result: Promise<ApiResult<unknown>> }>();
const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

let inFlight = 0;
const idleWaiters: (() => void)[] = [];
function track(p: Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
  inFlight++;
  const done = () => {
    if (--inFlight === 0) idleWaiters.splice(0).forEach((w) => w());
  };
  p.then(done, done);
  return p;
}

export const api = {
  async call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
    const key = keyOf(name, input);
    const ahead = prefetched.get(key);
    if (ahead) prefetched.delete(key);
    const result = ahead && performance.now() - ahead.at < PREFETCH_TTL_MS ? await ahead.result : await track(transport(name, input));
    if (!result.ok) {
      if (result.error.code === 'read_only' || result.error.code === 'damaged') healthListeners.forEach((fn) => fn());
      throw new ApiCallError(result.error);
    }
    return result.data as ApiOutput<K>;
  },
  /** Starts a read now for a screen about to ask for it (same name, same input); for reads only. */
  prefetch<K extends ApiName>(name: K, input: ApiInput<K>): void {
    const key = keyOf(name, input);
    if (prefetched.has(key)) return;
    prefetched.set(key, { at: performance.now(), result: track(transport(name, input)) });
  },
  /** Resolves once no call is on its way (at once when none is). */
  whenIdle(): Promise<void> {
    return inFlight === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
  },
};

/** How an import reaches the core: the file's own path under Electron, an upload in the browser. */
export type FileSource = { fileRef: string } | { path: string };

/**
 * Under Electron the core reads the file where it lies (its path); in the browser the file is
 * streamed to the web shell's POST /upload, which answers { ok: true, data: { fileRef, name, size } }.
 */
export async function fileSourceOf(file: File): Promise<FileSource> {
  if (window.boucle) return { path: window.boucle.pathForFile(file) };
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-boucle-token': token, 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (res.status === 401) unauthorizedListeners.forEach((fn) => fn());
  let body: { ok?: boolean; data?: { fileRef?: string }; error?: ApiError } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: reported below with the status
  }
  const fileRef = body.data?.fileRef;
  if (!res.ok || !fileRef) throw new ApiCallError(body.error ?? keyedApiError('internal', 'upload.failed', { status: res.status }));
  return { fileRef };
}
