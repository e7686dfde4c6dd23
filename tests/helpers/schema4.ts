import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { v7 } from 'uuid';

// A workspace of schema 4 (before the compact change log) holding many measurements: the demo
// fixture of tests/fixtures/workspaces/demo-v4, plus `measurements` more, written as schema 4's write
// path wrote them — one row, and one change_log row per field (department_id, indicator_id, period,
// value, source, note) sharing a clock string, in one transaction — for migration tests and benches.
export const SCHEMA4_FIXTURE = path.resolve(__dirname, '../fixtures/workspaces/demo-v4');

export function writeSchema4Workspace(dir: string, measurements: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'boucle.sqlite');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(SCHEMA4_FIXTURE, 'boucle.sqlite.gz'))));
  if (measurements === 0) return;
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    const node = db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get() as string;
    const inds = db.prepare(`SELECT id, department_id FROM indicators WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string; department_id: string }[];
    const row = db.prepare(`INSERT INTO measurements (id, department_id, indicator_id, period, value, source, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const log = db.prepare(`INSERT INTO change_log (hlc, node_id, tx_id, entity, row_id, field, value, department_id) VALUES (?, ?, ?, 'measurements', ?, ?, ?, ?)`);
    const tx = v7();
    const ts = new Date().toISOString();
    let ms = Date.now();
    let counter = 0;
    db.transaction(() => {
      for (let n = 0; n < measurements; n++) {
        const ind = inds[n % inds.length]!;
        // Periods after the demo's histories (which end before 2030), one day apart per indicator: no
        // clash with its values, and a million of them still end before 2199, the last year accepted.
        const period = new Date(Date.UTC(2040, 0, 1 + Math.floor(n / inds.length))).toISOString().slice(0, 10);
        const id = v7();
        const value = Math.round(((n * 7919) % 100_000) * 1.25) / 100;
        const note = n % 10 === 0 ? `relance ${n}` : null;
        row.run(id, ind.department_id, ind.id, period, value, 'import: old.csv', note, ts, ts);
        // As schema 4's clock ticked: the wall clock moves on long before a millisecond holds 1,000 writes.
        if (++counter > 999) {
          ms++;
          counter = 0;
        }
        const hlc = `${String(ms).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${node}`;
        for (const [field, v] of [['department_id', ind.department_id], ['indicator_id', ind.id], ['period', period], ['value', value], ['source', 'import: old.csv'], ['note', note]] as const) {
          log.run(hlc, node, tx, id, field, JSON.stringify(v), ind.department_id);
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
