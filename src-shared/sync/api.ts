import { z } from 'zod';
import { method } from '../api-method';
import * as s from './schemas';

export const syncMethods = {
  /** Where sync stands in words: server, last sync, pending changes, errors, departments. */
  'sync.status': method<s.SyncStatus>()(z.object({})),
  /** Sets the server and signs in with a token (checked against the server before it is kept). */
  'sync.configure': method<s.SyncStatus>()(s.syncConfigure),
  /** Forgets the server and the token; the data stays. */
  'sync.disconnect': method<s.SyncStatus>()(z.object({})),
  /** Push then pull, now. */
  'sync.run': method<s.SyncRunResult>()(s.syncRun),
  /** Whether a department is shared from this laptop. */
  'sync.share': method<s.SyncStatus>()(s.syncShare),
  'sync.conflicts': method<s.SyncConflict[]>()(z.object({})),
  'sync.resolve': method<{ ok: true }>()(s.conflictResolve),
};
