import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestSession, dbFile, type TestSession } from '../helpers/safety';
import { tempDir } from '../helpers/workspace';

// One writer per workspace, across processes (the built `boucle` command, as users run it): the
// second process reads, and every write it tries is refused at once naming the holder; a holder
// killed with SIGKILL leaves a lock the next process takes over; stamps never repeat.

const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
const run = promisify(execFile);
const open: TestSession[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = tempDir('boucle-lock-');
  dirs.push(d);
  return d;
};

async function boucle(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** `boucle serve` on `d`, once it says it is running: its pid and base URL with the token. */
async function serve(d: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--data', d], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
  return { child, url };
}

describe('one writer per workspace', () => {
  it('a second session of the same process is read-only and names the holder', async () => {
    const d = dir();
    const a = openTestSession(d, { program: 'the first window' });
    open.push(a);
    const b = openTestSession(d, { program: 'the second window' });
    open.push(b);
    expect(a.session.health().state).toBe('ok');
    expect(b.session.health()).toMatchObject({ state: 'read_only', holder: { pid: process.pid, program: 'the first window' } });
    await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
    expect((await b.ok('departments.list', {})).total).toBe(1); // reads see the holder's writes
    // Refused by the gate in words, not by SQLite after its 5 s wait ("database is locked").
    const e = await b.fail('departments.create', { name: 'Ops', code: 'OPS' });
    expect(e.code).toBe('read_only');
    expect(e.message).toMatch(/^This workspace is open for writing in the first window \(process \d+ on .+, since .+\): it is read-only here/);
  });

  it('against `boucle serve`: the CLI refuses to write (exit 4) but reads; a SIGKILLed holder is taken over', async () => {
    const d = dir();
    expect((await boucle('template', 'apply', 'finance', '--data', d)).code).toBe(0);
    const { child, url } = await serve(d);
    const token = new URL(url).searchParams.get('token')!;
    const origin = new URL(url).origin;

    const demo = await boucle('demo', '--force', '--data', d);
    expect(demo.code).toBe(4);
    expect(demo.stderr).toContain(`open for writing in boucle serve (process ${child.pid} on`);
    expect(demo.stderr).toContain('Nothing was done.');
    const info = await boucle('info', '--data', d);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ health: { state: 'read_only', holder: { pid: child.pid, program: 'boucle serve' } } });

    // The holder writes as usual.
    const created = await fetch(`${origin}/api/departments.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-boucle-token': token },
      body: JSON.stringify({ input: { name: 'Ops', code: 'OPS' } }),
    });
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);

    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const after = openTestSession(d);
    open.push(after);
    expect(after.session.health().state).toBe('ok');
    expect(after.session.tookOverFrom).toMatchObject({ pid: child.pid, program: 'boucle serve' });
    expect((await after.ok('departments.list', {})).items.map((x) => x.code).sort()).toEqual(['FIN', 'OPS']);
    const check = new Database(dbFile(d), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 120_000); // four runs of the built CLI and a server, each a few seconds on a busy machine

  it('three CLI writers at once: each waits its turn (refused, tries again), and no two changes share a stamp', async () => {
    const d = dir();
    expect((await boucle('info', '--data', d)).code).toBe(0);
    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const r = await boucle('template', 'apply', i % 2 ? 'hr' : 'finance', '--department', `Unit ${i}`, '--data', d);
        if (r.code === 0) return attempt;
        expect(r.code, r.stderr).toBe(4);
        await new Promise((res) => setTimeout(res, 20 + ((i * 37) % 50)));
      }
      throw new Error(`writer ${i} never got its turn`);
    };
    await Promise.all([0, 1, 2].map(writer));
    const db = new Database(dbFile(d), { readonly: true });
    const rows = db.prepare(`SELECT seq, hlc, tx_id FROM change_log ORDER BY seq`).all() as { seq: number; hlc: string; tx_id: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r, i) => i > 0 && r.hlc < rows[i - 1]!.hlc)).toEqual([]); // stamps never go back in log order
    const byStamp = new Map<string, Set<string>>();
    for (const r of rows) (byStamp.get(r.hlc) ?? byStamp.set(r.hlc, new Set()).get(r.hlc)!).add(r.tx_id);
    expect([...byStamp.values()].filter((txs) => txs.size > 1)).toEqual([]); // no stamp reused by another transaction
  }, 120_000);
});
