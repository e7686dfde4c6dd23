import fs from 'node:fs';
import path from 'node:path';
import type { RescueResult } from '../../../src-shared/workspace/schemas';
import { ENTITIES, type Row } from '../../db/entities';
import type { Workspace } from '../../db/workspace';
import { SECTIONS, WORKSPACE_JSON_FORMAT, WORKSPACE_JSON_VERSION, exportColumns, rowToExport } from './workspace-json';

// "Export what can be read" of a damaged workspace: every row SQLite can still read, in the format of
// `boucle export --json`, so `boucle import-json` loads it into a new workspace. A table that fails
// as a whole is read again in slices of row numbers, then row by row inside a failing slice, so one
// bad page costs the rows on it and no more. Reads only; the damaged file is never written.

const SLICE = 1000;
export const RESCUE_FOLDER = 'rescue';

function readTable(ws: Workspace, entity: (typeof SECTIONS)[number]['entity'], unreadable: string[]): Row[] {
  const table = ENTITIES[entity].table;
  const cols = exportColumns(entity).join(', ');
  try {
    return ws.db.prepare(`SELECT ${cols} FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all() as Row[];
  } catch {
    // fall through to slices
  }
  let max = 0;
  try {
    max = (ws.db.prepare(`SELECT MAX(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  } catch {
    max = 10_000_000; // the b-tree's right edge is unreadable: probe far enough
  }
  const slice = ws.db.prepare(`SELECT ${cols} FROM ${table} WHERE rowid BETWEEN ? AND ? AND deleted_at IS NULL`);
  const one = ws.db.prepare(`SELECT ${cols} FROM ${table} WHERE rowid = ? AND deleted_at IS NULL`);
  const rows: Row[] = [];
  let emptyRun = 0;
  for (let from = 1; from <= max && emptyRun < 100; from += SLICE) {
    const to = from + SLICE - 1;
    try {
      const got = slice.all(from, to) as Row[];
      rows.push(...got);
      emptyRun = got.length ? 0 : emptyRun + 1;
    } catch {
      let lost = 0;
      for (let r = from; r <= to; r++) {
        try {
          const row = one.get(r) as Row | undefined;
          if (row) rows.push(row);
        } catch {
          lost++;
        }
      }
      unreadable.push(`${table}: rows ${from}–${to} (${lost} unreadable)`);
    }
  }
  return rows.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

/** Writes what can be read to rescue/boucle-rescue-<time>.json in the data folder. */
export function rescueExport(ws: Workspace, now = new Date()): RescueResult {
  const unreadable: string[] = [];
  const out: Record<string, unknown> = { format: WORKSPACE_JSON_FORMAT, version: WORKSPACE_JSON_VERSION };
  const counts: Record<string, number> = {};
  for (const s of SECTIONS) {
    const cols = exportColumns(s.entity);
    const rows = readTable(ws, s.entity, unreadable);
    const exported: Row[] = [];
    for (const r of rows) {
      try {
        exported.push(rowToExport(s.entity, cols, r));
      } catch {
        unreadable.push(`${ENTITIES[s.entity].table}: row ${String(r.id)} (unreadable JSON)`);
      }
    }
    out[s.key] = exported;
    counts[s.entity] = exported.length;
  }
  const dir = path.join(ws.dataDir, RESCUE_FOLDER);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `boucle-rescue-${now.toISOString().replace(/[-:]/g, '').replace('.', '')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`, { mode: 0o600 });
  return { file, counts, unreadable };
}
