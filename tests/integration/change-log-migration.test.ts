import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { SCHEMA_VERSION } from '../../src-main/db/migrations';
import { backupFolderOf, listBackups } from '../../src-main/services/workspace/backups';
import { serializeWorkspace } from '../../src-main/services/workspace/workspace-json';
import { tempDir } from '../helpers/workspace';
import { aggregationForUnit } from '../../src-shared/indicators/aggregation';

// Migration 0005 (compact change log, compact measurements) on a workspace made by `boucle demo` of
// schema 4, with edits, deletes, an undo, links, closings and an import in it: history, gap closings,
// undo and the export must be exactly what schema 4 computed on the same file (expected.json and
// export.json were written by that code, see tests/fixtures/workspaces/make-demo-v4.ts).
const FIXTURE = path.resolve(__dirname, '../fixtures/workspaces/demo-v4');
const gunzip = (file: string) => zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, file)));
const expected = JSON.parse(gunzip('expected.json.gz').toString('utf8')) as {
  history: Record<string, unknown>;
  closings: Record<string, unknown>;
  undo: Record<string, unknown>;
};
/** Every table's rows, in order: what the workspace holds, whatever the file's journal mode. */
function contentHash(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const h = createHash('sha256');
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'index', 'trigger') ORDER BY name`).all() as { name: string; sql: string | null }[];
    for (const t of tables) {
      h.update(`${t.name}\n${t.sql}\n`);
      if (!t.sql?.startsWith('CREATE TABLE')) continue;
      const rows = (db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      for (const r of rows.sort()) h.update(r);
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});
function schema4Workspace(): string {
  const dir = tempDir();
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, DATABASE_FILE), gunzip('boucle.sqlite.gz'));
  return dir;
}
const oldLogRows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
  } finally {
    db.close();
  }
};

/**
 * The schema-4 export with the columns later migrations add, where the export writes them (after the
 * entity's other columns, before its timestamps): 0006's (impact and ROI method), empty on old rows,
 * and 0011's indicator aggregation, set from the indicator's unit by the rule the migration copies.
 */
function withLaterColumns(json: Record<string, unknown>): Record<string, unknown> {
  const added: Record<string, string[]> = {
    interventions: ['rampUpMonths', 'fxRate'],
    benefitModels: ['lastsMonthsAfterEnd', 'derivedFrom'],
    gaps: ['frequencyIndicatorId', 'costEstimatedOn'],
  };
  for (const [section, keys] of Object.entries(added)) {
    json[section] = (json[section] as Record<string, unknown>[]).map((row) => {
      const { createdAt, updatedAt, ...rest } = row;
      return { ...rest, ...Object.fromEntries(keys.map((k) => [k, null])), createdAt, updatedAt };
    });
  }
  json.indicators = (json.indicators as Record<string, unknown>[]).map((row) => {
    const { createdAt, updatedAt, ...rest } = row;
    return { ...rest, aggregation: aggregationForUnit(String(row.unit ?? '')), createdAt, updatedAt };
  });
  return json;
}

describe('migrating a schema-4 workspace to the compact change log', () => {
  it('keeps history, gap closings, undo and the export exactly as they were, after a checked backup, with progress', async () => {
    const dir = schema4Workspace();
    const before = oldLogRows(path.join(dir, DATABASE_FILE));
    const messages: string[] = [];
    const ws = openWorkspace(dir, { onProgress: (m) => messages.push(m) });
    try {
      expect(ws.db.prepare(`SELECT MAX(version) FROM schema_migrations`).pluck().get()).toBe(SCHEMA_VERSION);
      // Every field of the old log is still there, one entry per row change now.
      expect(ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get()).toBe(before);
      const entries = ws.db.prepare(`SELECT COUNT(*) FROM log_entries`).pluck().get() as number;
      expect(entries).toBeLessThan(before / 3);

      const core = createCore(ws);
      const ok = async (name: string, input: unknown) => {
        const r = await core.call(name as never, input);
        if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
        return r.data;
      };
      for (const [key, page] of Object.entries(expected.history)) {
        const [entity, id] = key.split(':') as [string, string];
        // The names of the rows a page points at came later (issue 13): the rest is as schema 4 had it.
        const { names, ...rest } = (await ok('history.list', { entity, id, limit: 1000 })) as { names: Record<string, { name: string }> };
        expect(rest, key).toEqual(page);
        expect(Object.values(names).every((n) => n.name.length > 0), key).toBe(true);
      }
      for (const [id, events] of Object.entries(expected.closings)) expect(await ok('gaps.closings', { id }), id).toEqual(events);
      // Entities added by later migrations (report templates, 0008) are empty in a schema-4 workspace
      // and absent from its export; columns added by 0006 are empty on its rows. Everything else must
      // be byte for byte the same.
      const exported = JSON.parse(serializeWorkspace(ws)) as Record<string, unknown>;
      const fixture = gunzip('export.json.gz').toString('utf8');
      const known = Object.keys(JSON.parse(fixture) as Record<string, unknown>);
      for (const k of Object.keys(exported)) if (!known.includes(k) && Array.isArray(exported[k]) && (exported[k] as unknown[]).length === 0) delete exported[k];
      expect(JSON.stringify(exported, null, 2)).toBe(JSON.stringify(withLaterColumns(JSON.parse(fixture)), null, 2));
    } finally {
      ws.close();
    }

    // A checked copy of the schema-4 file was taken first, in backups/ (one of the workspace's backups).
    const backups = listBackups(dir).items;
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'before-migration', schemaVersion: 4, checked: true });
    expect(oldLogRows(path.join(backupFolderOf(dir), backups[0]!.name))).toBe(before);
    // The fixture's log is small: progress is only told for long conversions.
    expect(messages.every((m) => /^Updating the workspace to schema 5: converting the change log, [\d,]+ of [\d,]+$/.test(m))).toBe(true);
  });

  it('undoes each process map edit exactly as schema 4 would have', async () => {
    for (const [processId, want] of Object.entries(expected.undo)) {
      const dir = schema4Workspace();
      const ws = openWorkspace(dir);
      try {
        const r = await createCore(ws).call('processes.undo', { processId });
        const got = r.ok ? { ok: true, undoneTxId: r.data.undoneTxId, reverted: r.data.reverted, map: r.data.map } : { ok: false, error: r.error };
        // The map's timestamps are those of the undo itself, written now: compare what the undo decided.
        const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'updatedAt' ? undefined : v)));
        expect(strip(got), processId).toEqual(strip(want));
      } finally {
        ws.close();
      }
    }
  });

  it('is all or nothing: a workspace it cannot convert keeps everything it held', () => {
    const dir = schema4Workspace();
    const file = path.join(dir, DATABASE_FILE);
    // A measurement in another department than its indicator cannot take its indicator's department.
    const db = new Database(file);
    const other = db.prepare(`SELECT id FROM departments ORDER BY id LIMIT 1 OFFSET 1`).pluck().get() as string;
    db.prepare(`UPDATE measurements SET department_id = ? WHERE rowid = (SELECT m.rowid FROM measurements m JOIN indicators i ON i.id = m.indicator_id WHERE i.department_id <> ? LIMIT 1)`).run(other, other);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const hash = contentHash(file);
    expect(() => openWorkspace(dir)).toThrow(/belong to another department than their indicator/);
    expect(contentHash(file)).toBe(hash);
    expect(oldLogRows(file)).toBeGreaterThan(0);
  });
});
