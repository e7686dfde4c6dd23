import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import rules of ARCHITECTURE.md §2 are enforced by `npm run lint`: each case lints a small
// file as if it stood in a given room and expects the restricted-import error (or none).
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the rooms of the architecture, enforced by lint', () => {
  it('refuses the renderer importing src-main', async () => {
    const msgs = await restricted('src-renderer/features/x/bad.ts', "import { openWorkspace } from '../../../src-main/core/workspace';\nexport const x = openWorkspace;\n");
    expect(msgs.join()).toMatch(/Only the shells of src-main may use the core/);
  });

  it('refuses electron outside src-main/electron and src-main/preload', async () => {
    for (const file of ['src-main/core/bad.ts', 'src-main/services/bad.ts', 'src-main/web/bad.ts', 'src-shared/bad.ts', 'src-renderer/bad.ts']) {
      const msgs = await restricted(file, "import { app } from 'electron';\nexport const y = app;\n");
      expect(msgs.join(), file).toMatch(/Only src-main\/electron and src-main\/preload may import electron/);
    }
    expect(await restricted('src-main/electron/ok.ts', "import { app } from 'electron';\nexport const y = app;\n")).toEqual([]);
    expect(await restricted('src-main/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const y = contextBridge;\n")).toEqual([]);
  });

  it('keeps src-shared free of Node, db below services, and the core free of shells', async () => {
    expect((await restricted('src-shared/bad.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).join()).toMatch(/no Node APIs/);
    expect((await restricted('src-main/db/bad.ts', "import { listGaps } from '../services/gaps';\nexport const g = listGaps;\n")).join()).toMatch(/db\/ is below services/);
    expect((await restricted('src-main/core/bad.ts', "import { startWebShell } from '../web/server';\nexport const s = startWebShell;\n")).join()).toMatch(/must not depend on a shell/);
    expect(await restricted('src-main/services/ok.ts', "import { Writer } from '../db/write';\nexport const w = Writer;\n")).toEqual([]);
  });

  it('keeps services and db below the core: neither may import src-main/core', async () => {
    const why = /must not import src-main\/core/;
    expect((await restricted('src-main/services/gaps/bad.ts', "import type { Workspace } from '../../core/workspace';\nexport type W = Workspace;\n")).join()).toMatch(why);
    expect((await restricted('src-main/services/bad.ts', "import { createCore } from '../core/dispatch';\nexport const c = createCore;\n")).join()).toMatch(why);
    expect((await restricted('src-main/db/bad.ts', "import { openWorkspace } from '../core/workspace';\nexport const o = openWorkspace;\n")).join()).toMatch(why);
    // The handle services receive lives in db/, and the core may of course use the services.
    expect(await restricted('src-main/services/gaps/ok.ts', "import type { Workspace } from '../../db/workspace';\nexport type W = Workspace;\n")).toEqual([]);
    expect(await restricted('src-main/core/ok.ts', "import { listGaps } from '../services/gaps/register';\nexport const l = listGaps;\n")).toEqual([]);
  });
});
