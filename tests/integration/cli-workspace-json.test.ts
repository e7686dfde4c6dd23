import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { openWorkspace } from '../../src-main/core/workspace';
import { liveCounts, totalRows } from '../../src-main/services/workspace/workspace-json';
import { tempDir } from '../helpers/workspace';

// The CLI in-process: runCli with stdout and stderr captured, on real workspaces in temp folders.

const dirs: string[] = [];
const dir = () => {
  const d = tempDir('boucle-cli-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(text(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(text(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Rows of every table and of the change log, read without the CLI. */
function footprint(data: string) {
  const ws = openWorkspace(data);
  try {
    const tables = ['departments', 'processes', 'steps', 'gaps', 'interventions', 'gap_interventions', 'indicators', 'indicator_links', 'measurements', 'change_log'];
    return Object.fromEntries(tables.map((t) => [t, ws.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    ws.close();
  }
}

describe('boucle demo', () => {
  it('fills an empty workspace, refuses it the second time, and replaces it with --force', async () => {
    const data = dir();
    const first = await run('demo', '--data', data);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Demo created in .*boucle\.sqlite \(seed 1, up to \d{4}-\d{2}-\d{2}, \d+ ms\):\n {2}3 departments, 7 processes, 45 steps/);

    const before = footprint(data);
    const again = await run('demo', '--data', data);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^boucle: This workspace is not empty \(3 departments, .*\): the demo only fills an empty workspace\. Run it again with --force/);
    expect(footprint(data)).toEqual(before);

    const forced = await run('demo', '--data', data, '--force', '--seed', '42');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/seed 42, .*after deleting 3 department\(s\)/);
    const ws = openWorkspace(data);
    try {
      expect(liveCounts(ws).departments).toBe(3);
      expect(ws.db.prepare(`SELECT COUNT(*) FROM departments WHERE deleted_at IS NOT NULL`).pluck().get()).toBe(3);
    } finally {
      ws.close();
    }
  });

  it('rejects a bad --seed', async () => {
    const r = await run('demo', '--data', dir(), '--seed', 'abc');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--seed: not a whole number/);
  });
});

describe('boucle export and import-json', () => {
  it('without --json, says which formats exist and exports nothing', async () => {
    const r = await run('export', '--data', dir());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/choose an export format\. Formats: --json/);
  });

  it('exports the demo as JSON on stdout; import-json loads it elsewhere; export again is identical', async () => {
    const a = dir();
    expect((await run('demo', '--data', a)).code).toBe(0);
    const exported = await run('export', '--json', '--data', a);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe('');
    const doc = JSON.parse(exported.stdout) as { format: string; version: number; measurements: unknown[] };
    expect(doc).toMatchObject({ format: 'boucle-workspace', version: 1 });
    expect(doc.measurements.length).toBeGreaterThan(800);

    const file = path.join(dir(), 'workspace.json');
    fs.writeFileSync(file, exported.stdout);
    const b = dir();
    const imported = await run('import-json', file, '--data', b);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported .*workspace\.json into .*:\n {2}3 departments, 7 processes, 45 steps, .*18 gap interventions, .*37 indicator links, /);

    const again = await run('export', '--json', '--data', b);
    expect(again.stdout).toBe(exported.stdout);
  });

  it('refuses an invalid file with the first problems on stderr, and creates nothing', async () => {
    const a = dir();
    await run('demo', '--data', a);
    const doc = JSON.parse((await run('export', '--json', '--data', a)).stdout) as { gaps: { processId: string }[] };
    doc.gaps[0]!.processId = '01900000-0000-7000-8000-000000000000';
    const file = path.join(dir(), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const target = dir();
    const r = await run('import-json', file, '--data', target);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('boucle: The file was not imported (nothing was written): 1 problem\n  gaps[0].processId: No process with this id in the file');
    expect(fs.existsSync(path.join(target, DATABASE_FILE))).toBe(false);

    fs.writeFileSync(file, '{ not json');
    const notJson = await run('import-json', file, '--data', target);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/\(file\): Not valid JSON/);
  });

  it('refuses a workspace that is not empty and a file that cannot be read', async () => {
    const a = dir();
    await run('demo', '--data', a);
    const file = path.join(dir(), 'ws.json');
    fs.writeFileSync(file, (await run('export', '--json', '--data', a)).stdout);
    const before = footprint(a);
    const r = await run('import-json', file, '--data', a);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^boucle: This workspace is not empty \(3 departments/);
    expect(footprint(a)).toEqual(before);

    const missing = await run('import-json', path.join(dir(), 'nope.json'), '--data', dir());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
    const ws = openWorkspace(a);
    try {
      expect(totalRows(liveCounts(ws))).toBeGreaterThan(0);
    } finally {
      ws.close();
    }
  });
});
