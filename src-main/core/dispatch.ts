import { z } from 'zod';
import { apiMethods, isApiName, type ApiName, type ApiOutput } from '../../src-shared/api';
import { BoucleError, keyedApiError, type ApiError, type ApiResult } from '../../src-shared/errors';
import { keyOfZodIssue } from '../../src-shared/messages/zod-issues';
import { handlers } from './handler-map';
import type { Workspace } from '../db/workspace';

/** The value at `path` in the raw input (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function zodToApiError(err: z.ZodError, input?: unknown): ApiError {
  const issue = err.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
  let message = issue?.message ?? 'Invalid input';
  if (issue?.code === 'unrecognized_keys') message = `Unknown field: ${issue.keys.join(', ')}`;
  // zod does not keep the input in its issues: a wrong type is "Required" only when nothing was given
  // (a 2.5 for an integer is not missing).
  if (issue?.code === 'invalid_type' && (input === undefined ? issue.input === undefined : valueAt(input, issue.path) === undefined)) message = 'Required';
  const out: ApiError = field ? { code: 'validation', message, field } : { code: 'validation', message };
  // The key and params of the same sentence, for the UI to show it in the user's language.
  let keyed: { key: string; params?: Record<string, string | number> } | undefined;
  if (issue?.code === 'unrecognized_keys') keyed = { key: 'zod.unrecognized_keys', params: { keys: issue.keys.join(', ') } };
  else if (message === 'Required') keyed = { key: 'common.required' };
  else if (issue) keyed = keyOfZodIssue(issue, message);
  if (keyed) {
    out.key = keyed.key;
    if (keyed.params) out.params = keyed.params;
  }
  return out;
}

/** Turns anything thrown below the API into a typed error; SQLite constraint failures included. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof BoucleError) return e.toApiError();
  if (e instanceof z.ZodError) return zodToApiError(e);
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return keyedApiError('conflict', 'db.conflict', { detail: String(err.message) });
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    return { code: 'database', message: String(err.message) };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

export interface Core {
  call<K extends ApiName>(name: K, input: unknown): Promise<ApiResult<ApiOutput<K>>>;
  /** Same as call, for untrusted names (IPC, HTTP): unknown names give a typed error. */
  callUnknown(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  readonly workspace: Workspace;
}

export function createCore(ws: Workspace): Core {
  async function call<K extends ApiName>(name: K, input: unknown): Promise<ApiResult<ApiOutput<K>>> {
    const def = apiMethods[name];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error, input ?? {}) };
    try {
      const handler = handlers[name] as (ws: Workspace, i: unknown) => ApiOutput<K> | Promise<ApiOutput<K>>;
      return { ok: true, data: await handler(ws, parsed.data) };
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'internal') console.error(`[boucle] ${name} failed:`, e);
      return { ok: false, error };
    }
  }
  return {
    workspace: ws,
    call,
    callUnknown(name, input) {
      if (!isApiName(name)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown API method: ${String(name)}` } });
      }
      return call(name, input);
    },
  };
}
