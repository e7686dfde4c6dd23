import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/workspace';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { OP_CODE } from '../../src-main/db/change-log';
import { uuidToBlob } from '../../src-main/db/ids';
import { tempDir } from '../helpers/workspace';

// Migration 0005 decides each entry's operation and each transaction's range of entries without holding
// every row or transaction it has seen (a 1M-measurement log would not fit): what it decides must not
// change. A department_id logged for a row that already had an entry is a move (an update, which undo
// must not turn into a deletion); a transaction that resumes after another is refused.
const FIXTURE = path.resolve(__dirname, '../fixtures/workspaces/demo-v4');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** The schema-4 demo fixture with old-log rows appended after its last one, each a row of one field. */
function schema4With(extra: (old: Database.Database, later: (n: number) => string) => void): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, DATABASE_FILE);
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, 'boucle.sqlite.gz'))));
  const old = new Database(file);
  const last = old.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
  const [ms, , node] = last.split('-') as [string, string, string];
  const later = (n: number) => `${String(Number(ms) + 1000 * n).padStart(15, '0')}-00000-${node}`;
  extra(old, later);
  old.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  return dir;
}
const oldRow = `INSERT INTO change_log (hlc, node_id, tx_id, entity, row_id, field, value, department_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

describe('migration 0005: operations and transactions decided from the old log as it streams by', () => {
  it('makes a later department_id of a row a move, and the first one its creation', () => {
    let gap = '';
    let node = '';
    const dir = schema4With((old, later) => {
      const first = old.prepare(`SELECT row_id, node_id FROM change_log WHERE entity = 'gaps' AND field = 'department_id' ORDER BY seq LIMIT 1`).get() as { row_id: string; node_id: string };
      gap = first.row_id;
      node = first.node_id;
      const other = old.prepare(`SELECT id FROM departments ORDER BY id DESC LIMIT 1`).pluck().get() as string;
      old.prepare(oldRow).run(later(1), node, '01a233da-ffff-7000-8000-000000000001', 'gaps', gap, 'department_id', JSON.stringify(other), other);
    });
    const ws = openWorkspace(dir);
    try {
      const ops = ws.db
        .prepare(`SELECT e.op FROM log_entries e JOIN interned n ON n.id = e.entity WHERE n.text = 'gaps' AND e.row = ? ORDER BY e.seq`)
        .pluck()
        .all(uuidToBlob(gap)) as number[];
      expect(ops[0]).toBe(OP_CODE.insert);
      expect(ops.at(-1)).toBe(OP_CODE.update);
      expect(ops.filter((op) => op === OP_CODE.insert)).toHaveLength(1);
      // Each transaction's range holds its entries and only them.
      const bad = ws.db
        .prepare(`SELECT COUNT(*) FROM log_txs t WHERE (SELECT COUNT(*) FROM log_entries e WHERE e.seq BETWEEN t.first_seq AND t.last_seq AND e.tx <> t.id) > 0 OR t.first_seq = 0`)
        .pluck()
        .get();
      expect(bad).toBe(0);
      expect(ws.db.prepare(`SELECT COUNT(*) FROM log_txs`).pluck().get()).toBe(
        ws.db.prepare(`SELECT COUNT(DISTINCT tx) FROM log_entries`).pluck().get(),
      );
    } finally {
      ws.close();
    }
  });

  it('refuses a transaction that resumes after another one, and keeps the old log', () => {
    const dir = schema4With((old, later) => {
      const r = old.prepare(`SELECT row_id, node_id FROM change_log WHERE entity = 'gaps' ORDER BY seq LIMIT 1`).get() as { row_id: string; node_id: string };
      const a = '01a233da-ffff-7000-8000-00000000000a';
      const b = '01a233da-ffff-7000-8000-00000000000b';
      old.prepare(oldRow).run(later(1), r.node_id, a, 'gaps', r.row_id, 'title', '"A"', null);
      old.prepare(oldRow).run(later(2), r.node_id, b, 'gaps', r.row_id, 'title', '"B"', null);
      old.prepare(oldRow).run(later(3), r.node_id, a, 'gaps', r.row_id, 'title', '"A again"', null);
    });
    expect(() => openWorkspace(dir)).toThrow(/interleaves transaction 01a233da-ffff-7000-8000-00000000000a/);
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare(`SELECT COUNT(*) FROM change_log WHERE tx_id LIKE '01a233da-ffff-%'`).pluck().get()).toBe(3);
      expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'log_entries'`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
