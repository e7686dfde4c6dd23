import fs from 'node:fs';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';
import type { BulkWrite, WriteTx } from '../../db/write';
import { isoOfDay, nextPeriodStartDay } from '../indicators/periods';
import { parseRow, type RowContext } from './row-parser';
import { VALIDATE_SHARE, contextOf, rowsOf, type ImportPlan } from './import-plan';
import type { Validation } from './validate-pass';

// Pass 2 of the measurement import, only when pass 1 found nothing wrong: read the file again and
// write it inside ONE write-path transaction held open across the reads (Writer.beginBulk).

const BATCH = 2000;
const BULK_CACHE_KIB = -65536; // negative: KiB, i.e. 64 MB

interface Counts {
  inserted: number;
  replaced: number;
  kept: number;
  unchanged: number;
}

type OkRow = Extract<ReturnType<typeof parseRow>, { kind: 'ok' }>;

const isoMemo = new Map<number, string>();

/**
 * Which indicators of the file already hold a value somewhere in the file's date range: only their
 * rows need a look-up before writing (a first import of a history is all inserts).
 */
function indicatorsWithValues(ws: Workspace, v: Validation): Set<string> {
  const any = ws.db.prepare(
    `SELECT 1 FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ? LIMIT 1`,
  );
  const out = new Set<string>();
  v.perIndicator.forEach((s, i) => {
    const ind = v.indicators[i]!;
    const to = isoOfDay(nextPeriodStartDay(ind.frequency, s.maxDay) - 1);
    if (any.get(ind.id, isoOfDay(s.minDay), to)) out.add(ind.id);
  });
  return out;
}

function writeBatch(ws: Workspace, tx: WriteTx, plan: ImportPlan, ctx: RowContext, batch: OkRow[], counts: Counts, existing: Set<string>) {
  const find = ws.db.prepare(
    `SELECT id, value, note FROM measurements
      WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ?
      ORDER BY period = ? DESC, period DESC LIMIT 1`,
  );
  const source = plan.file.name.slice(0, 200);
  const withNote = plan.mapping.note !== null;
  // The same days recur across the indicators of a file; formatting a date is the costly part.
  const iso = (day: number) => {
    let s = isoMemo.get(day);
    if (s === undefined) {
      if (isoMemo.size > 100_000) isoMemo.clear();
      s = isoOfDay(day);
      isoMemo.set(day, s);
    }
    return s;
  };
  for (const p of batch) {
    const ind = ctx.matcher.used[p.indicator]!;
    const period = iso(p.periodDay);
    const end = iso(nextPeriodStartDay(ind.frequency, p.periodDay) - 1);
    const old = existing.has(ind.id)
      ? (find.get(ind.id, period, end, period) as { id: string; value: number; note: string | null } | undefined)
      : undefined;
    if (!old) {
      tx.insert('measurements', { department_id: ind.departmentId, indicator_id: ind.id, period, value: p.value, source, note: p.note });
      counts.inserted++;
      continue;
    }
    const same = old.value === p.value && (!withNote || old.note === p.note);
    if (same) counts.unchanged++;
    else if (plan.onExisting === 'keep') counts.kept++;
    else {
      tx.update('measurements', old.id, withNote ? { value: p.value, note: p.note, source } : { value: p.value, source });
      counts.replaced++;
    }
  }
}

export async function writePass(ws: Workspace, plan: ImportPlan, v: Validation, job: A.ImportJob, signal: AbortSignal): Promise<Counts> {
  const expected = v.rows;
  const st = fs.statSync(plan.file.path);
  if (st.size !== plan.file.size || st.mtimeMs !== plan.file.mtimeMs) {
    throw BoucleError.of('conflict', 'import.changed_after_check');
  }
  const ctx = contextOf(plan);
  const counter = { bytesRead: 0 };
  const counts: Counts = { inserted: 0, replaced: 0, kept: 0, unchanged: 0 };
  job.rowsRead = 0;
  // One transaction of a million rows dirties more pages than SQLite's default 2 MB cache holds;
  // spilling them mid-transaction made the write 3× slower at 200,000 rows, and worse as it grew.
  // A fixed 64 MB for the import's duration: bounded, so memory stays flat.
  const cache = Number(ws.db.pragma('cache_size', { simple: true }));
  ws.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  let bulk: BulkWrite | null = null;
  try {
    const b = (bulk = ws.writer.beginBulk());
    const existing = indicatorsWithValues(ws, v); // inside the transaction: nothing can change it now
    let batch: OkRow[] = [];
    const flush = () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      b.apply((tx) => writeBatch(ws, tx, plan, ctx, rows, counts, existing));
      job.rowsWritten += rows.length;
    };
    for await (const src of rowsOf(plan, counter, signal)) {
      if (src.row <= plan.headerRow) continue;
      job.rowsRead++;
      job.bytesRead = counter.bytesRead;
      job.fraction = VALIDATE_SHARE + ((1 - VALIDATE_SHARE) * counter.bytesRead) / Math.max(1, job.bytesTotal);
      const p = parseRow(ctx, src);
      if (p.kind === 'bad') throw BoucleError.of('conflict', 'import.changed_at_row', { row: src.row });
      if (p.kind !== 'ok') continue;
      batch.push(p);
      if (batch.length === BATCH) flush();
    }
    flush();
    if (signal.aborted) throw signal.reason;
    if (job.rowsWritten !== expected) {
      throw BoucleError.of('conflict', 'import.changed_rows');
    }
    b.commit();
    return counts;
  } finally {
    bulk?.rollback(); // no-op after commit
    ws.db.pragma(`cache_size = ${cache}`);
  }
}
