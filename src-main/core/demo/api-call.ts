import { apiMethods, type ApiInput, type ApiName, type ApiOutput } from '../../../src-shared/api';
import { BoucleError } from '../../../src-shared/errors';
import { handlers } from '../handler-map';
import type { Workspace } from '../../db/workspace';

// The demo is a client of the API, like the CLI (which is why it lives in the core, above the
// services): it is written through the API — each input validated by the method's zod schema, then
// the same handler the dispatcher calls — but synchronously, so that every call joins ONE transaction
// of the write path (core.call is async and cannot run inside a better-sqlite3 transaction).

export function callSync<K extends ApiName>(ws: Workspace, name: K, input: ApiInput<K>): ApiOutput<K> {
  const parsed = apiMethods[name].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.');
    throw new BoucleError('validation', `${name}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, field || undefined);
  }
  const handler = handlers[name] as unknown as (ws: Workspace, input: unknown) => unknown;
  const result = handler(ws, parsed.data);
  if (result instanceof Promise) throw new Error(`${name} is asynchronous: it cannot join the demo's transaction`);
  return result as ApiOutput<K>;
}
