// `npm run bench -- register`: the gap register (gaps.list, page of 50 sorted by cost, with filters)
// and the prioritisation view on 20,000 gaps and 5,000 interventions; the same SQL page query through
// the sqlite3 command-line shell on the same file for comparison. The workspace comes from
// tests/helpers/large-workspace.ts (also used by search.bench.ts and the e2e scale test).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../src-main/core/dispatch';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { buildLargeWorkspace } from '../helpers/large-workspace';
import type { ApiName } from '../../src-shared/api';
import type { BenchResult } from './run';

export const SQLITE3 = '/usr/bin/sqlite3';

export interface Timing {
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s.at(-1)! };
}

export const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Runs `fn` once to warm up, then `n` times; milliseconds per run. */
export async function timeIt(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<Timing> {
  await fn(0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(out);
}

/** SQL text with its values inlined, for the sqlite3 shell only (values from the bench's own list). */
export function inline(sql: string, params: (string | number)[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const v = params[i++]!;
    return typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
  });
}

/**
 * Runs each statement through the sqlite3 command-line shell (`.timer on`), after one warm-up pass of
 * all of them; returns the shell's own timing per statement: wall clock (it prints milliseconds with
 * 3 decimals of a second, so sub-millisecond queries show 0) and CPU (user + sys, microseconds).
 */
export function sqlite3Timings(file: string, statements: string[]): { real: Timing; cpu: Timing } | null {
  if (!fs.existsSync(SQLITE3)) return null;
  const script = ['.output /dev/null', ...statements.map((s) => `${s};`), '.timer on', ...statements.map((s) => `${s};`)].join('\n');
  const out = execFileSync(SQLITE3, ['-batch', '-readonly', file], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const runs = [...out.matchAll(/Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/g)];
  if (runs.length !== statements.length) throw new Error(`sqlite3 printed ${runs.length} timings for ${statements.length} statements:\n${out.slice(0, 2000)}`);
  return {
    real: stats(runs.map((m) => Number(m[1]) * 1000)),
    cpu: stats(runs.map((m) => (Number(m[2]) + Number(m[3])) * 1000)),
  };
}

export function row(label: string, n: number, t: Timing, note = ''): Record<string, string | number> {
  return { measure: label, runs: n, 'median ms': round(t.median), 'p95 ms': round(t.p95), 'min ms': round(t.min), 'max ms': round(t.max), note };
}

async function ok(core: Core, name: ApiName, input: unknown) {
  const r = await core.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const RUNS = 50;

export async function run(): Promise<BenchResult> {
  const b = buildLargeWorkspace();
  try {
    const [fin, hr] = b.departmentIds;
    const rows: Record<string, string | number>[] = [
      { measure: `generated ${Object.entries(b.counts).map(([k, v]) => `${v} ${k}`).join(', ')} in one write transaction`, runs: 1, 'median ms': round(b.seconds * 1000), 'p95 ms': '', 'min ms': '', 'max ms': '', note: 'write path, change log and search triggers included' },
    ];
    const scenarios: [string, Record<string, unknown>][] = [
      ['gaps.list cost desc, no filter, page 1', { sortBy: 'cost', sortDir: 'desc', limit: 50 }],
      ['gaps.list cost desc, status open+addressing', { sortBy: 'cost', sortDir: 'desc', status: ['open', 'addressing'], limit: 50 }],
      ['gaps.list cost desc, department + severity ≥ 3', { sortBy: 'cost', sortDir: 'desc', departmentId: fin, severityMin: 3, limit: 50 }],
      ['gaps.list cost asc, type + owner', { sortBy: 'cost', sortDir: 'asc', type: ['information', 'decision'], owner: 'hélène martin', limit: 50 }],
      ['gaps.list cost desc, text "rapprochement"', { sortBy: 'cost', sortDir: 'desc', text: 'rapprochement', limit: 50 }],
      ['gaps.list cost desc, text "délai" (a word of 2 gaps in 3)', { sortBy: 'cost', sortDir: 'desc', text: 'délai', limit: 50 }],
      ['gaps.list cost desc, page at offset 10,000', { sortBy: 'cost', sortDir: 'desc', limit: 50, offset: 10_000 }],
      ['gaps.list found on desc (default), page 1', { limit: 50 }],
      ['gaps.list title asc, department HR', { sortBy: 'title', sortDir: 'asc', departmentId: hr, limit: 50 }],
    ];
    for (const [label, input] of scenarios) {
      const total = ((await ok(b.core, 'gaps.list', input)) as { total: number }).total;
      rows.push(row(label, RUNS, await timeIt(RUNS, () => ok(b.core, 'gaps.list', input)), `${total} matching`));
    }
    rows.push(row('gaps.priorities page 1 (50)', RUNS, await timeIt(RUNS, () => ok(b.core, 'gaps.priorities', { limit: 50 }))));
    rows.push(row('interventions.list page 1 (50)', RUNS, await timeIt(RUNS, () => ok(b.core, 'interventions.list', { limit: 50 }))));
    rows.push(row('interventions.list page 1, text "forum"', RUNS, await timeIt(RUNS, () => ok(b.core, 'interventions.list', { limit: 50, text: 'forum' }))));

    // The page query alone (what SQL does for "cost desc, no filter"), here and in the sqlite3 shell.
    const pageSql = `SELECT g.id, (CASE WHEN d.loaded_hourly_rate_cents IS NULL THEN NULL
      ELSE CAST(ROUND(g.frequency_per_month * g.hours_lost_per_occurrence * d.loaded_hourly_rate_cents) AS INTEGER) END) AS monthly_cost_cents
      FROM gaps g INDEXED BY gaps_register JOIN departments d ON d.id = g.department_id WHERE g.deleted_at IS NULL
      ORDER BY monthly_cost_cents DESC NULLS LAST, g.severity DESC, g.id DESC LIMIT ? OFFSET ?`;
    const stmt = b.ws.db.prepare(pageSql);
    rows.push(row('page SQL (cost desc, 50 rows) via better-sqlite3', RUNS, await timeIt(RUNS, (i) => stmt.all(50, (i % 10) * 50))));
    b.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const cli = sqlite3Timings(
      path.join(b.dir, DATABASE_FILE),
      Array.from({ length: RUNS }, (_, i) => inline(pageSql.replace(/\s+/g, ' '), [50, (i % 10) * 50])),
    );
    if (cli) {
      rows.push(row('same page SQL via sqlite3 shell — wall clock', RUNS, cli.real, 'shell prints whole ms'));
      rows.push(row('same page SQL via sqlite3 shell — CPU user+sys', RUNS, cli.cpu));
    }
    return { name: `Gap register on ${b.counts.gaps} gaps / ${b.counts.interventions} interventions (target: smooth paging, well under 20 ms a page)`, rows };
  } finally {
    b.cleanup();
  }
}
