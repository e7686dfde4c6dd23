// `npm run bench -- search`: the search box (search.query) on 20,000 gaps with processes, steps,
// interventions and indicators in proportion: median and p95 of 50 queries, end to end through the
// core, the FTS5 query alone through better-sqlite3, and the same FTS5 query through the sqlite3
// command-line shell on the same file. Target: under 20 ms.
import path from 'node:path';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { toFtsQuery } from '../../src-main/services/search/search';
import { buildLargeWorkspace } from '../helpers/large-workspace';
import { inline, round, row, sqlite3Timings, timeIt } from './register.bench';
import type { BenchResult } from './run';

// What people type in the box, as they type it (the last word is a prefix): French with and without
// accents, English, one or several words, short prefixes.
const TYPED = [
  'délai', 'delai', 'fact', 'facture en att', 'appro', 'approbation', 'fournisseur', 'fourn', 'inventaire', 'inv',
  'rapprochement bancaire', 'relance', 'litige client', 'avoir', 'réception', 'reception', 'commande bloq', 'invoice', 'purchase order', 'approval w',
  'onboarding', 'badge', 'contrat', 'prévision', 'prevision', 'stock', 'expédition', 'clôture mens', 'cloture', 'budget',
  'paiement', 'candidat', 'formation', 'access', 'forecast', 'shipment', 'dispute', 'credit', 'équipe', 'responsable',
  'tableur', 'courriel', 'trésorerie', 'knowledge', 'expert', 'handover', 'qualité', 'customs', 'payroll', 'recruiting',
];

const RUNS = 50;

// The SQL of services/search/search.ts, for the shell and better-sqlite3 comparisons.
const FTS_SQL = `SELECT m.entity, m.row_id, search_fts.title AS title,
  snippet(search_fts, -1, char(1), char(2), '…', 12) AS snip, bm25(search_fts, 5.0, 1.0) AS score
  FROM search_fts JOIN search_rows m ON m.fts_rowid = search_fts.rowid
  WHERE search_fts MATCH ? ORDER BY score, m.entity, m.row_id LIMIT ?`;

export async function run(): Promise<BenchResult> {
  const b = buildLargeWorkspace();
  try {
    const queries = TYPED.slice(0, RUNS);
    const fts = queries.map((q) => toFtsQuery(q)!);
    const indexed = b.ws.db.prepare(`SELECT COUNT(*) FROM search_fts`).pluck().get() as number;
    const hitsPer = await Promise.all(queries.map(async (text) => {
      const r = await b.core.call('search.query', { text, limit: 20 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data.hits.length;
    }));
    const matches = fts.map((q) => b.ws.db.prepare(`SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?`).pluck().get(q) as number);
    const rows: Record<string, string | number>[] = [
      {
        measure: `generated ${Object.entries(b.counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${indexed} rows indexed`,
        runs: 1, 'median ms': round(b.seconds * 1000), 'p95 ms': '', 'min ms': '', 'max ms': '',
        note: `matches per query: median ${[...matches].sort((x, y) => x - y)[Math.floor(matches.length / 2)]}, max ${Math.max(...matches)}; hits returned ≤ 20 (min ${Math.min(...hitsPer)})`,
      },
    ];
    rows.push(row('search.query through the core (limit 20, with navigation)', RUNS, await timeIt(RUNS, (i) => b.core.call('search.query', { text: queries[i]!, limit: 20 }))));
    rows.push(row('search.query, gaps only', RUNS, await timeIt(RUNS, (i) => b.core.call('search.query', { text: queries[i]!, limit: 20, entities: ['gaps'] }))));
    const stmt = b.ws.db.prepare(FTS_SQL);
    rows.push(row('FTS5 query alone via better-sqlite3', RUNS, await timeIt(RUNS, (i) => stmt.all(fts[i]!, 20))));
    // Worst case of the box: one letter typed (a prefix over every word starting with it).
    const oneLetter = ['d', 'f', 'a', 'r', 'c', 'p', 's', 'e', 'i', 'l'];
    rows.push(row('search.query, ONE letter typed (worst case)', RUNS, await timeIt(RUNS, (i) => b.core.call('search.query', { text: oneLetter[i % oneLetter.length]!, limit: 20 }))));

    b.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const cli = sqlite3Timings(
      path.join(b.dir, DATABASE_FILE),
      fts.map((q) => inline(FTS_SQL.replace(/\s+/g, ' '), [q, 20])),
    );
    if (cli) {
      rows.push(row('same FTS5 query via sqlite3 shell — wall clock', RUNS, cli.real, 'shell prints whole ms'));
      rows.push(row('same FTS5 query via sqlite3 shell — CPU user+sys', RUNS, cli.cpu));
    }
    return { name: `Search box on ${b.counts.gaps} gaps (target: under 20 ms)`, rows };
  } finally {
    b.cleanup();
  }
}
