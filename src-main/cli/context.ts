import path from 'node:path';
import { createCore, type Core } from '../core/dispatch';
import { resolveDataDir } from '../core/data-dir';
import { openWorkspace } from '../core/workspace';
import { type Workspace } from '../db/workspace';
import type { ApiName, ApiOutput } from '../../src-shared/api';

/** A CLI failure: printed on stderr, exit code 1 (or the given one). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliWorkspace {
  ws: Workspace;
  core: Core;
  /** Calls the API; a typed error becomes a CliError naming the field. */
  call<K extends ApiName>(name: K, input: unknown): Promise<ApiOutput<K>>;
}

/** A long step of opening a workspace (updating it to a newer schema), told on stderr. */
export const tellProgress = (message: string) => process.stderr.write(`${message}\n`);

/** Opens the workspace of `--data DIR` (else BOUCLE_DATA_DIR, else the OS folder), runs `fn`, closes it. */
export async function withWorkspace<T>(dataFlag: string | undefined, fn: (w: CliWorkspace) => Promise<T>): Promise<T> {
  const ws = openWorkspace(resolveDataDir(dataFlag), { onProgress: tellProgress });
  const core = createCore(ws);
  try {
    return await fn({
      ws,
      core,
      async call(name, input) {
        const r = await core.call(name, input);
        if (!r.ok) throw new CliError(`${name}: ${r.error.field ? `${r.error.field}: ` : ''}${r.error.message}`);
        return r.data;
      },
    });
  } finally {
    ws.close();
  }
}

/** The built renderer, next to the built CLI (out/main → out/renderer). */
export function builtRendererDir(): string {
  return path.resolve(__dirname, '..', 'renderer');
}
