import type { ApiResult } from '../../src-shared/errors';
import type { Core } from '../core/dispatch';
import { senderError, type SenderInfo } from './sender';

/** Longest method name we bother to look up; real ones are like "interventions.link". */
const MAX_METHOD_LENGTH = 100;

/**
 * The body of the one IPC handler: check who is calling and that the method is a name, then let the
 * core dispatch it (the core validates the input with zod and answers with a typed result).
 */
export async function handleApiCall(
  core: Pick<Core, 'callUnknown'>,
  sender: SenderInfo,
  appUrl: string,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const refused = senderError(sender, appUrl);
  if (refused) return { ok: false, error: refused };
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return { ok: false, error: { code: 'bad_request', message: 'The API method must be a method name' } };
  }
  return core.callUnknown(method, input, { shell: 'electron' });
}
