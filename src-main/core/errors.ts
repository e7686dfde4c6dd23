import { z } from 'zod';
import { BoucleError, keyedApiError, type ApiError } from '../../src-shared/errors';
import { keyOfZodIssue } from '../../src-shared/messages/zod-issues';
import { damageOf } from '../db/health';

// Anything thrown below the API, as the typed error the API answers with.

/** The value at `path` in the raw input (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

export function zodToApiError(err: z.ZodError, input?: unknown): ApiError {
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
  if (err?.code === 'SQLITE_READONLY' || (typeof err?.code === 'string' && err.code.startsWith('SQLITE_READONLY_'))) {
    return keyedApiError('read_only', 'workspace.read_only');
  }
  if (err?.code === 'SQLITE_BUSY' || (typeof err?.code === 'string' && err.code.startsWith('SQLITE_BUSY_'))) {
    return keyedApiError('conflict', 'write.locked');
  }
  const damage = damageOf(e);
  if (damage) return keyedApiError('damaged', 'workspace.damaged_now', { detail: damage.detail });
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    return { code: 'database', message: String(err.message) };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** The same, for code that keeps an error to report later (a job's outcome). */
export const toApiErrorShape = (e: unknown): ApiError => toApiError(e);
