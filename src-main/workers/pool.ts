import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BoucleError } from '../../src-shared/errors';
import type { FromWorker, RunRequest, ToWorker, WorkspaceRef } from './protocol';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

// Runs a task of tasks.ts on a worker thread, so the thread that answers calls stays free: the
// built app and CLI start out/main/worker.js (its own electron-vite entry); tests and benchmarks,
// which run the TypeScript sources, start entry.ts through tsx.

export interface RunOptions {
  workspace: WorkspaceRef;
  onProgress?: (p: unknown) => void;
  signal?: AbortSignal;
  /**
   * Called when the task asks to write: returns the function that ends its write access, or throws
   * (a typed error the task receives) when it may not write now.
   */
  grantWrite?: () => () => void;
}

/**
 * A task thread's young generation, in MB. V8's default (3 × 16 MB semi-spaces) let a measurement
 * import's thread hold ~30 MB more than it needs: a million rows' parsing makes short-lived strings
 * by the million, and a small nursery collects them as quickly (1M-row import: peak RSS ~310 → ~280 MB,
 * the same time within noise; 4 MB saved little more).
 */
const YOUNG_GENERATION_MB = 8;

function workerScript(): { file: string; eval: boolean; entry?: string } {
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const built = path.join(dir, 'worker.js');
    if (fs.existsSync(built)) return { file: built, eval: false };
  }
  const entry = path.join(__dirname, 'entry.ts');
  if (!fs.existsSync(entry)) throw new Error(`The worker thread's entry is missing (${path.join(__dirname, 'worker.js')}): run npm run build`);
  const resolve = createRequire(__filename).resolve;
  const cjs = resolve('tsx/cjs/api');
  // Tasks load their modules with import() when they run: that needs tsx's ESM hooks as well, which
  // its ES module entry registers (the CommonJS one looks for its hooks in the wrong folder from here).
  const esm = pathToFileURL(path.join(path.dirname(resolve('tsx/esm/api')), 'index.mjs')).href;
  const code = `require(${JSON.stringify(cjs)}).register(); import(${JSON.stringify(esm)}).then((m) => { m.register(); require(${JSON.stringify(entry)}); });`;
  return { file: code, eval: true, entry };
}

/** Runs `task` on a new worker thread; settles when it has finished (its connection closed). */
export function runTask<K extends TaskName>(task: K, input: TaskInput<K>, opts: RunOptions): Promise<TaskOutput<K>> {
  const script = workerScript();
  const request: RunRequest = { task, input, workspace: opts.workspace, ...(script.entry ? { entry: script.entry } : {}) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.file, {
      eval: script.eval,
      workerData: request,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    let release: (() => void) | null = null;
    let outcome: (() => void) | null = null;
    let settled = false;
    // Settles on exit, once the worker's connection is closed: a restore may replace the file then.
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      release?.();
      release = null;
      opts.signal?.removeEventListener('abort', cancel);
      fn();
    };
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    opts.signal?.addEventListener('abort', cancel);
    if (opts.signal?.aborted) cancel();
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'want-write') {
        try {
          if (!opts.grantWrite) throw BoucleError.of('read_only', 'worker.no_write', { task });
          release = opts.grantWrite();
          worker.postMessage({ type: 'write-granted' } satisfies ToWorker);
        } catch (e) {
          const error = e instanceof BoucleError ? e.toApiError() : { code: 'internal' as const, message: String(e) };
          worker.postMessage({ type: 'write-refused', error } satisfies ToWorker);
        }
      } else if (m.type === 'done') outcome ??= () => resolve(m.result as TaskOutput<K>);
      else if (m.type === 'failed') outcome ??= () => reject(BoucleError.from(m.error));
    });
    worker.on('error', (e) => {
      outcome ??= () => reject(e);
    });
    worker.on('exit', (code) =>
      finish(outcome ?? (() => reject(new Error(`The worker thread of ${task} stopped (exit code ${code})`)))),
    );
  });
}
