import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import type { OpenedWorkspace as Workspace } from '../../src-main/core/workspace';
import type { ApiName, ApiOutput } from '../../src-shared/api';

/** A fresh data folder under the OS temp dir; removed by `cleanup`. */
export function tempDir(prefix = 'boucle-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestWorkspace {
  dir: string;
  ws: Workspace;
  core: Core;
  /** Calls the API and returns the data, failing the test with the typed error otherwise. */
  ok<K extends ApiName>(name: K, input: unknown): Promise<ApiOutput<K>>;
  cleanup(): void;
}

export function openTestWorkspace(dir = tempDir()): TestWorkspace {
  const ws = openWorkspace(dir);
  const core = createCore(ws);
  return {
    dir,
    ws,
    core,
    async ok(name, input) {
      const r = await core.call(name, input);
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    cleanup() {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
