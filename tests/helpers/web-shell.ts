import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import type { OpenedWorkspace as Workspace } from '../../src-main/core/workspace';
import { startWebShell, type WebShell } from '../../src-main/web/server';
import { tempDir } from './workspace';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

export interface RunningShell {
  dir: string;
  ws: Workspace;
  shell: WebShell;
  /** Stops the shell and closes the database, then starts both again on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The web shell on a temp data folder, serving the renderer built by `npm run build`. */
export async function startTestShell(dir = tempDir('boucle-e2e-')): Promise<RunningShell> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR} is missing: run \`npm run build\` first`);
  }
  const state = {} as RunningShell;
  const boot = async () => {
    state.ws = openWorkspace(dir);
    state.shell = await startWebShell({ core: createCore(state.ws), rendererDir: RENDERER_DIR });
  };
  await boot();
  state.dir = dir;
  state.restart = async () => {
    await state.shell.close();
    state.ws.close();
    await boot();
  };
  state.stop = async () => {
    await state.shell.close();
    state.ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return state;
}
