import type { SyncErrorBody } from '../../src-shared/sync/protocol';

/** A refusal the HTTP layer answers with its status and body (the words a person reads). */
export class SyncRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody,
  ) {
    super(body.message);
  }
}
