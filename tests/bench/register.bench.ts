// `npm run bench -- register`: the gap register (gaps.list, page of 50 sorted by cost, with filters)
// and the prioritisation view on 20,000 gaps and 5,000 interventions; the same SQL page query through
// the sqlite3 command-line shell on the same file for comparison. Also exports the generator of the
// workspace that search.bench.ts uses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/dispatch';
import { openWorkspace, type Workspace } from '../../src-main/core/workspace';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { GAP_STATUSES, GAP_TYPES, INTERVENTION_KINDS, INTERVENTION_STATUSES, PLATFORMS } from '../../src-shared/domain';
import type { ApiName } from '../../src-shared/api';
import type { BenchResult } from './run';

export const SQLITE3 = '/usr/bin/sqlite3';

export interface BenchWorkspace {
  dir: string;
  ws: Workspace;
  core: Core;
  counts: Record<string, number>;
  /** Seconds to generate. */
  seconds: number;
  departmentIds: string[];
  cleanup(): void;
}

// Words of a finance / HR / supply-chain workspace, French and English, with accents, so that the
// search index holds what a real one would.
const SUBJECTS = [
  'Délai', 'Facture', 'Commande', 'Approbation', 'Rapprochement', 'Relance', 'Litige', 'Avoir', 'Inventaire', 'Réception',
  'Invoice', 'Purchase order', 'Approval', 'Onboarding', 'Badge', 'Contrat', 'Prévision', 'Stock', 'Expédition', 'Clôture',
  'Budget', 'Paiement', 'Fournisseur', 'Candidat', 'Formation', 'Access', 'Forecast', 'Shipment', 'Dispute', 'Credit',
];
const PROBLEMS = [
  'en attente', 'sans réponse', 'ressaisi deux fois', 'perdu entre équipes', 'bloqué', 'arrive en retard', 'mal renseigné',
  'waits for a decision', 'is keyed twice', 'lost in e-mail', 'reaches the wrong person', 'without owner', 'not documented',
];
const CONTEXTS = [
  'au service comptable', 'chez le contrôleur de gestion', 'dans le portail fournisseurs', 'à la clôture mensuelle',
  'in the ERP', 'between sales and credit', 'in the warehouse', 'during month-end close', 'on the shop floor', 'for new hires',
];
const WORDS = [
  'le', 'la', 'des', 'équipe', 'responsable', 'réunion', 'tableur', 'courriel', 'validation', 'écart', 'échéance', 'trésorerie',
  'the', 'team', 'manager', 'spreadsheet', 'e-mail', 'approval', 'exception', 'deadline', 'cash', 'knowledge', 'expert', 'handover',
  'qualité', 'délai', 'prix', 'quantité', 'réception', 'planning', 'demand', 'supply', 'carrier', 'customs', 'payroll', 'recruiting',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A workspace of `gaps` gaps (default 20,000) and interventions, processes, steps and indicators in
 * proportion, written through the write path in ONE transaction (so the change log and the search
 * triggers do their real work).
 */
export function buildBenchWorkspace(gaps = 20_000): BenchWorkspace {
  const started = process.hrtime.bigint();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-'));
  const ws = openWorkspace(dir);
  const r = rng(20_000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const date = () => `20${pick(['24', '25', '26'])}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const counts = { departments: 4, processes: Math.round(gaps / 50), steps: Math.round(gaps / 5), gaps, interventions: Math.round(gaps / 4), indicators: Math.round(gaps / 40), gap_interventions: 0 };
  const departmentIds: string[] = [];
  ws.writer.write((tx) => {
    const deps = [
      ['Finance', 'FIN', 6500],
      ['Ressources humaines', 'RH', 5200],
      ['Supply chain', 'SC', 5800],
      ['Achats', 'ACH', null],
    ] as const;
    for (const [name, code, rate] of deps) {
      departmentIds.push(tx.insert('departments', { name, code, colour: '#1c7ed6', loaded_hourly_rate_cents: rate, currency: 'EUR', department_id: '' }));
    }
    const procs: { id: string; dep: string; steps: string[] }[] = [];
    for (let i = 0; i < counts.processes; i++) {
      const dep = departmentIds[i % departmentIds.length]!;
      const id = tx.insert('processes', { name: `${pick(SUBJECTS)} — processus ${i}`, description: sentence(12), systems: ['ERP'], source: 'manual', department_id: dep });
      procs.push({ id, dep, steps: [] });
    }
    for (let i = 0; i < counts.steps; i++) {
      const p = procs[i % procs.length]!;
      p.steps.push(tx.insert('steps', { process_id: p.id, name: `${pick(SUBJECTS)} ${pick(CONTEXTS)}`, lane: pick(['AP', 'Contrôleur', 'Buyer', 'RH', 'Planner']), position: p.steps.length, department_id: p.dep }));
    }
    const gapsOf = new Map<string, string[]>(departmentIds.map((d) => [d, []]));
    for (let i = 0; i < gaps; i++) {
      const p = procs[Math.floor(r() * procs.length)]!;
      gapsOf.get(p.dep)!.push(
        tx.insert('gaps', {
          process_id: p.id,
          step_id: r() < 0.8 ? pick(p.steps) : null,
          title: `${pick(SUBJECTS)} ${pick(PROBLEMS)} ${pick(CONTEXTS)}`,
          type: pick(GAP_TYPES),
          description: sentence(25),
          evidence: sentence(10),
          severity: 1 + Math.floor(r() * 5),
          frequency_per_month: Math.round(r() * 60),
          hours_lost_per_occurrence: Math.round(r() * 32) / 4,
          status: pick(GAP_STATUSES),
          owner: pick(['Hélène Martin', 'Marc Dubois', 'Ana Costa', 'Li Wei', null]),
          found_on: date(),
          department_id: p.dep,
        }),
      );
    }
    for (let i = 0; i < counts.interventions; i++) {
      const dep = departmentIds[i % departmentIds.length]!;
      const id = tx.insert('interventions', {
        title: `${pick(['Communauté', 'Forum', 'Annuaire', 'Wiki', 'Défi', 'Mentorat', 'Community', 'Q&A'])} ${pick(SUBJECTS).toLowerCase()} ${i}`,
        kind: pick(INTERVENTION_KINDS),
        platform: pick(PLATFORMS),
        description: sentence(20),
        status: pick(INTERVENTION_STATUSES),
        start_date: date(),
        one_off_cost_cents: Math.floor(r() * 1_000_000),
        recurring_cost_cents: Math.floor(r() * 100_000),
        currency: 'EUR',
        department_id: dep,
      });
      // Two gaps per intervention, of its department.
      const own = gapsOf.get(dep)!;
      const linked = new Set<string>();
      for (let k = 0; k < 2; k++) linked.add(pick(own));
      for (const g of linked) {
        tx.insert('gap_interventions', { gap_id: g, intervention_id: id, department_id: dep });
        counts.gap_interventions++;
      }
    }
    for (let i = 0; i < counts.indicators; i++) {
      const p = procs[i % procs.length]!;
      tx.insert('indicators', { process_id: p.id, name: `${pick(['Délai moyen', 'Taux', 'Coût', 'Days', 'Rate'])} ${pick(SUBJECTS).toLowerCase()} ${i}`, unit: pick(['jours', '%', 'EUR']), direction: pick(['higher', 'lower']), formula: sentence(8), department_id: p.dep });
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    dir,
    ws,
    core: createCore(ws),
    counts,
    seconds,
    departmentIds,
    cleanup() {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
  const b = buildBenchWorkspace();
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
