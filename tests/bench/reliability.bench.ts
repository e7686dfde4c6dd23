// `npm run bench -- reliability`: the long version of the reliability tests. SIGKILL at many random
// points of `boucle demo`, a migration and a restore (the built CLI); every damaged-file case, the
// page overwritten at many places; every API method through the web shell with many generated
// inputs; several CLI processes writing one workspace at once. Prints cases tried, survived, data lost
// (must be 0). BENCH_KILLS=… and BENCH_FUZZ=… for more or fewer. Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createCore } from '../../src-main/core/dispatch';
import { WorkspaceSession } from '../../src-main/core/session';
import { openWorkspace } from '../../src-main/core/workspace';
import { startWebShell } from '../../src-main/web/server';
import { apiMethods, type ApiName } from '../../src-shared/api';
import { ERROR_CODES } from '../../src-shared/errors';
import { FUZZ_SKIP, callThroughShell, footprintOf, fuzzInputs } from '../helpers/api-inputs';
import { KILL_CASES, duration, prng, runAndKill, runBoucle } from '../helpers/kill-cases';
import { dbFile, fileFingerprint, overwritePage } from '../helpers/safety';
import { tempDir } from '../helpers/workspace';
import type { BenchResult } from './run';

const KILLS = Number(process.env.BENCH_KILLS ?? 20);
const FUZZ = Number(process.env.BENCH_FUZZ ?? 100);
type Row = { case: string; tried: number; survived: number; 'data lost': number; note: string };

async function kills(rows: Row[]) {
  const rand = prng(2026);
  for (const c of KILL_CASES) {
    const whole = await duration(c);
    const row: Row = { case: `SIGKILL during ${c.name}`, tried: 0, survived: 0, 'data lost': 0, note: '' };
    let finished = 0;
    for (let i = 0; i < KILLS; i++) {
      const { dir, args, expect } = await c.prepare();
      try {
        await runAndKill(args, Math.floor(rand() * whole * 1.1));
        const out = c.check(dir, expect);
        row.tried++;
        if (out.survived) row.survived++;
        else row.note = out.detail;
        row['data lost'] += out.lost;
        if (out.finished) finished++;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    row.note ||= `${finished} of ${row.tried} had finished when killed; the command takes ${whole} ms`;
    rows.push(row);
  }
}

async function damage(rows: Row[]) {
  const row: Row = { case: 'damaged files (0-byte, WAL alone, unreadable, not SQLite, pages, cuts)', tried: 0, survived: 0, 'data lost': 0, note: '' };
  const source = tempDir('boucle-bench-damage-');
  await runBoucle(['demo', '--data', source]);
  const pages = fs.statSync(dbFile(source)).size / 4096;
  const rand = prng(7);
  const cases: [string, (d: string) => void][] = [
    ['0-byte', (d) => fs.writeFileSync(dbFile(d), '')],
    ['WAL alone', (d) => (fs.rmSync(dbFile(d)), fs.writeFileSync(`${dbFile(d)}-wal`, Buffer.alloc(8192, 1)))],
    ['a folder', (d) => (fs.rmSync(dbFile(d)), fs.mkdirSync(dbFile(d)))],
    ['text', (d) => fs.writeFileSync(dbFile(d), 'not a database '.repeat(500))],
  ];
  for (let i = 0; i < 20; i++) {
    const page = 2 + Math.floor(rand() * (pages - 2));
    cases.push([`page ${page}`, (d) => overwritePage(dbFile(d), page)]);
  }
  for (let i = 0; i < 5; i++) {
    const keep = Math.floor(rand() * fs.statSync(dbFile(source)).size);
    cases.push([`cut at ${keep}`, (d) => fs.truncateSync(dbFile(d), keep)]);
  }
  for (const [name, harm] of cases) {
    const d = tempDir('boucle-bench-damaged-');
    fs.copyFileSync(dbFile(source), dbFile(d));
    harm(d);
    const before = fileFingerprint(d);
    const s = WorkspaceSession.open(d, { program: 'bench', maintenance: false });
    const core = createCore(s);
    const write = await core.call('departments.create', { name: 'Bench', code: 'BNCH' });
    const h = s.health();
    await s.close();
    row.tried++;
    const untouched = JSON.stringify(fileFingerprint(d)) === JSON.stringify(before);
    // A page the integrity check cannot tell from a sound one (free pages) leaves a sound workspace.
    const sound = h.state === 'ok' && new Database(dbFile(d), { readonly: true }).pragma('integrity_check', { simple: true }) === 'ok';
    if ((h.state === 'damaged' && !write.ok && untouched) || sound) row.survived++;
    else row.note = `${name}: ${h.state}, write ${write.ok ? 'accepted' : 'refused'}, untouched ${untouched}`;
    fs.rmSync(d, { recursive: true, force: true });
  }
  fs.rmSync(source, { recursive: true, force: true });
  row.note ||= 'each: refused read-only, every write refused, the files byte for byte as they were';
  rows.push(row);
}

async function fuzz(rows: Row[]) {
  const dir = tempDir('boucle-bench-fuzz-');
  const session = WorkspaceSession.open(dir, { program: 'bench', maintenance: false });
  const core = createCore(session);
  const dep = (await core.call('departments.create', { name: 'Finance', code: 'FIN' })) as { ok: true; data: { id: string } };
  const renderer = tempDir('boucle-bench-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  const shell = await startWebShell({ core, rendererDir: renderer });
  const row: Row = { case: 'API fuzz through the web shell', tried: 0, survived: 0, 'data lost': 0, note: '' };
  const names = (Object.keys(apiMethods) as ApiName[]).filter((n) => !FUZZ_SKIP[n]);
  for (const name of names) {
    const samples = fc.sample(fuzzInputs(name, [dep.data.id]), { seed: 2026, numRuns: FUZZ });
    for (const input of samples) {
      const before = footprintOf(session.workspace.db);
      const { status, body } = await callThroughShell(shell, name, input);
      row.tried++;
      const typed = body.ok || (ERROR_CODES as readonly string[]).includes(body.error?.code ?? '') && body.error?.code !== 'internal';
      const unchanged = body.ok || footprintOf(session.workspace.db) === before;
      if (status < 500 && typed && unchanged) row.survived++;
      else row.note = `${name} ${JSON.stringify(input).slice(0, 80)} → ${status} ${JSON.stringify(body).slice(0, 120)}`;
      if (!unchanged) row['data lost']++;
    }
  }
  row.note ||= `${names.length} methods × ${FUZZ} inputs: a result or a typed error, and a refused call changed nothing`;
  rows.push(row);
  await shell.close();
  await session.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(renderer, { recursive: true, force: true });
}

async function writers(rows: Row[]) {
  const dir = tempDir('boucle-bench-writers-');
  openWorkspace(dir).close();
  const row: Row = { case: 'CLI processes writing one workspace at once', tried: 0, survived: 0, 'data lost': 0, note: '' };
  let refusals = 0;
  const one = async (i: number) => {
    for (;;) {
      const code = await runBoucle(['template', 'apply', ['finance', 'hr', 'supply-chain'][i % 3]!, '--department', `Unit ${i}`, '--data', dir]);
      if (code === 0) return;
      if (code !== 4) throw new Error(`writer ${i}: exit ${code}`);
      refusals++;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await Promise.all(Array.from({ length: 6 }, (_, i) => one(i)));
  const db = new Database(dbFile(dir), { readonly: true });
  const log = db.prepare(`SELECT hlc, tx_id FROM change_log ORDER BY seq`).all() as { hlc: string; tx_id: string }[];
  const deps = db.prepare(`SELECT COUNT(*) FROM departments`).pluck().get() as number;
  const ok = db.pragma('integrity_check', { simple: true });
  db.close();
  const backwards = log.filter((r, i) => i > 0 && r.hlc < log[i - 1]!.hlc).length;
  const owners = new Map<string, string>();
  let shared = 0;
  for (const r of log) {
    const o = owners.get(r.hlc);
    if (o && o !== r.tx_id) shared++;
    owners.set(r.hlc, r.tx_id);
  }
  row.tried = 6;
  row.survived = backwards === 0 && shared === 0 && deps === 6 && ok === 'ok' ? 6 : 0;
  row['data lost'] = 6 - deps;
  row.note = `${refusals} refusals (exit 4, tried again); ${log.length} log entries, ${shared} shared stamps, ${backwards} backwards`;
  rows.push(row);
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function run(): Promise<BenchResult> {
  const rows: Row[] = [];
  await kills(rows);
  await damage(rows);
  await fuzz(rows);
  await writers(rows);
  return { name: 'Reliability: cases tried, survived, data lost (must be 0)', rows };
}
