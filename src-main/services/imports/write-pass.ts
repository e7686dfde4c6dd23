import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/imports/schemas';
import type { Workspace } from '../../db/workspace';
import { indexedRows, type BulkIndicator } from '../../db/measurement-bulk';
import type { BulkWrite } from '../../db/write';
import { isoOfDay, nextPeriodStartDay } from '../indicators/periods';
import { VALIDATE_SHARE, type ImportPlan } from './import-plan';
import { readSpool } from './spool';
import type { Validation } from './validate-pass';

// Pass 2 of the measurement import, only when pass 1 found nothing wrong: the rows it spooled are
// written inside ONE write-path transaction held open across the batches (Writer.beginBulk), so the
// progress bar moves, other calls are answered between batches, and a cancel rolls everything back.
// New values go in by the hundred (db/measurement-bulk.ts); a value already stored for the period is
// kept or replaced as the user chose, through the write path's update.

/** Rows between two turns of the event loop (progress, other calls, a cancel). */
const BATCH = 10_000;
/**
 * Rows read from the spool at a time. Smaller than BATCH because a batch's row objects live until
 * it is written: 10,000 of them outlived the worker's young generation and filled the old one with
 * garbage (a 3M-row .xlsx import: heap 72 → 40 MB, peak RSS 298–309 → 267–287 MB, no slower).
 */
const READ_BATCH = 1_000;
/** Below this, keeping the indexes up to date costs less than building them again. */
const DEFER_INDEX_FROM = 20_000;
const BULK_CACHE_KIB = -40960; // negative: KiB, i.e. 40 MB
const INDEX_BUILD_CACHE_KIB = -16384;

interface Counts {
  inserted: number;
  replaced: number;
  kept: number;
  unchanged: number;
}

/**
 * Which indicators of the file already hold a value somewhere in the file's date range: only their
 * rows need a look-up before writing (a first import of a history is all inserts).
 */
function indicatorsWithValues(ws: Workspace, v: Validation): Set<number> {
  const any = ws.db.prepare(
    `SELECT 1 FROM measurements WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ? LIMIT 1`,
  );
  const out = new Set<number>();
  v.perIndicator.forEach((s, i) => {
    const ind = v.indicators[i]!;
    const to = isoOfDay(nextPeriodStartDay(ind.frequency, s.maxDay) - 1);
    if (any.get(ind.id, isoOfDay(s.minDay), to)) out.add(i);
  });
  return out;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writePass(ws: Workspace, plan: ImportPlan, v: Validation, spoolFile: string, job: A.ImportJob, signal: AbortSignal): Promise<Counts> {
  const counts: Counts = { inserted: 0, replaced: 0, kept: 0, unchanged: 0 };
  job.rowsRead = 0;
  // One transaction of a million rows dirties more pages than SQLite's default 2 MB cache holds;
  // spilling them mid-transaction made the write 3× slower at 200,000 rows, and worse as it grew.
  // A fixed 40 MB for the import's duration: bounded, so memory stays flat. With 16 KiB pages (new
  // workspaces) 40 MB imported 1M and 3M rows as fast as 64 MB did, 30 MB lighter at the peak.
  const cache = Number(ws.db.pragma('cache_size', { simple: true }));
  ws.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  let bulk: BulkWrite | null = null;
  try {
    const b = (bulk = ws.writer.beginBulk());
    const existing = indicatorsWithValues(ws, v); // inside the transaction: nothing can change it now
    const source = plan.file.name.slice(0, 200);
    const withNote = plan.mapping.note !== null;
    const find = ws.db.prepare(
      `SELECT id, value, note FROM measurements
        WHERE indicator_id = ? AND deleted_at IS NULL AND period >= ? AND period <= ?
        ORDER BY period = ? DESC, period DESC LIMIT 1`,
    );
    let keys: BulkIndicator[] = [];
    const rows = b.apply((tx) => {
      const mb = tx.measurementBulk(source);
      keys = v.indicators.map((ind) => mb.indicator(ind.id));
      // Only new values, and many of them next to what is stored: the indexes are built once at the end.
      if (existing.size === 0 && v.rows >= DEFER_INDEX_FROM && v.rows >= indexedRows(ws.db)) mb.deferIndexes();
      return mb;
    });
    // The same days recur across the indicators of a file; formatting a date is the costly part.
    const isoMemo = new Map<number, string>();
    const iso = (day: number) => {
      let s = isoMemo.get(day);
      if (s === undefined) {
        if (isoMemo.size > 100_000) isoMemo.clear();
        isoMemo.set(day, (s = isoOfDay(day)));
      }
      return s;
    };
    let reads = 0;
    for (const batch of readSpool(spoolFile, READ_BATCH)) {
      if (signal.aborted) throw signal.reason;
      b.apply((tx) => {
        for (const r of batch) {
          const period = iso(r.periodDay);
          const old = existing.has(r.indicator)
            ? (find.get(v.indicators[r.indicator]!.id, period, iso(nextPeriodStartDay(v.indicators[r.indicator]!.frequency, r.periodDay) - 1), period) as
                | { id: string; value: number; note: string | null }
                | undefined)
            : undefined;
          if (!old) {
            rows.add(keys[r.indicator]!, period, r.value, r.note);
            counts.inserted++;
            continue;
          }
          rows.flush(); // keep the log in row order around an update
          if (old.value === r.value && (!withNote || old.note === r.note)) counts.unchanged++;
          else if (plan.onExisting === 'keep') counts.kept++;
          else {
            tx.update('measurements', old.id, withNote ? { value: r.value, note: r.note, source } : { value: r.value, source });
            counts.replaced++;
          }
        }
        rows.flush();
      });
      job.rowsRead += batch.length;
      job.rowsWritten += batch.length;
      job.fraction = VALIDATE_SHARE + ((1 - VALIDATE_SHARE) * job.rowsWritten) / Math.max(1, v.rows);
      if (++reads % (BATCH / READ_BATCH) === 0) await nextTurn(); // answer other calls (and a cancel) every BATCH rows
    }
    if (signal.aborted) throw signal.reason;
    if (job.rowsWritten !== v.rows) throw BoucleError.of('conflict', 'import.changed_rows');
    // SQLite sorts the keys of an index it builds in memory up to the cache size: building them with
    // the import's cache (64 MB then) added 90 MB at the peak of a 3M-row import; a quarter of it sorts in more runs.
    ws.db.pragma(`cache_size = ${INDEX_BUILD_CACHE_KIB}`);
    b.apply(() => rows.restoreIndexes());
    b.commit();
    return counts;
  } finally {
    bulk?.rollback(); // no-op after commit
    ws.db.pragma(`cache_size = ${cache}`);
  }
}
