import { parentPort, workerData } from 'node:worker_threads';
import { BoucleError, type ApiError } from '../../src-shared/errors';
import { attachWorkspace } from '../db/attach';
import type { FromWorker, RunRequest, ToWorker } from './protocol';
import { TASKS, type TaskContext } from './tasks';

// A worker thread: runs ONE task of tasks.ts on its own connection to the workspace, reports its
// progress, asks before writing, and ends. The thread that answers calls stays free meanwhile.

function toError(e: unknown): ApiError {
  if (e instanceof BoucleError) return e.toApiError();
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  if (err?.name === 'ImportCancelled' || err?.name === 'AbortError') return { code: 'conflict', message: String(err.message), key: 'job.cancelled' };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return BoucleError.of('conflict', 'db.conflict', { detail: String(err.message) }).toApiError();
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) return { code: 'database', message: String(err.message) };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

async function main() {
  const port = parentPort!;
  const req = workerData as RunRequest;
  const send = (m: FromWorker) => port.postMessage(m);
  const controller = new AbortController();
  let granted: { resolve(): void; reject(e: Error): void } | null = null;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'cancel') controller.abort(new BoucleError('conflict', 'Cancelled'));
    else if (m.type === 'write-granted') granted?.resolve();
    else if (m.type === 'write-refused') granted?.reject(BoucleError.from(m.error));
  });
  const task = TASKS[req.task as keyof typeof TASKS] as ((ctx: TaskContext, input: unknown) => Promise<unknown>) | undefined;
  if (!task) {
    send({ type: 'failed', error: { code: 'internal', message: `No such worker task: ${req.task}` } });
    return;
  }
  let canWrite = false;
  const ws = attachWorkspace(req.workspace, () => {
    if (!canWrite) throw new Error('This worker task writes without asking for write access first');
  });
  try {
    const ctx: TaskContext = {
      ws,
      signal: controller.signal,
      progress: (progress) => send({ type: 'progress', progress }),
      writeAccess: () =>
        canWrite
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => {
              granted = {
                resolve: () => {
                  canWrite = true;
                  ws.refreshWriter(); // its clock starts from what the main thread wrote last
                  resolve();
                },
                reject,
              };
              send({ type: 'want-write' });
            }),
    };
    const result = await task(ctx, req.input);
    send({ type: 'done', result });
  } catch (e) {
    send({ type: 'failed', error: toError(e) });
  } finally {
    ws.close();
    // Nothing keeps the thread alive now: it ends once the messages above are delivered.
    port.removeAllListeners('message');
    port.unref();
  }
}

void main();
