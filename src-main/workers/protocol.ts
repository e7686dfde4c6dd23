import type { ApiError } from '../../src-shared/errors';

// Messages between the thread that answers calls and a worker thread running one long task.
// A task that writes asks first ("want-write"); the main thread grants it only when nothing else
// writes, and refuses its own writes, at once and in words, until the worker says it is done.

export interface WorkspaceRef {
  dataDir: string;
  nodeId: string;
  nativeBinding?: string;
}

export interface RunRequest {
  task: string;
  input: unknown;
  workspace: WorkspaceRef;
  /** For the tsx bootstrap of the sources (tests, benchmarks); absent in the built app. */
  entry?: string;
}

export type ToWorker = { type: 'cancel' } | { type: 'write-granted' } | { type: 'write-refused'; error: ApiError };

export type FromWorker =
  | { type: 'progress'; progress: unknown }
  | { type: 'want-write' }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ApiError };
