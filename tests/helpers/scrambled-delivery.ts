import type { PulledChange, WireChange } from '../../src-shared/sync/protocol';
import { applyRemote } from '../../src-main/db/apply-remote';
import { ownEntries } from '../../src-main/db/outbox';
import { SyncHttp } from '../../src-main/services/sync/http';
import { readSettings, writeSettings } from '../../src-main/services/sync/state';
import type { TestWorkspace } from './workspace';

// Delivery the way a bad network does it, for the property test: a laptop's outbox and a
// department's feed cut into batches of random sizes, the batches in random order, some of them
// twice. The changes go through the real server (push) and the real apply (pull); only the order
// and the repetition are the network's. The cursors then stand where a normal sync leaves them.

/** A small seeded generator: the same seed gives the same delivery. */
export { mulberry32 as seeded } from './impact-prng';

/** `items` in batches of 1..maxBatch, shuffled, about one batch in four sent twice. */
export function scramble<T>(items: readonly T[], rnd: () => number, maxBatch = 7): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const n = 1 + Math.floor(rnd() * maxBatch);
    batches.push(items.slice(i, i + n));
    i += n;
  }
  for (const b of [...batches]) if (rnd() < 0.25) batches.push(b);
  for (let i = batches.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [batches[i], batches[j]] = [batches[j]!, batches[i]!];
  }
  return batches;
}

/** Pushes what the laptop has not sent yet, scrambled; every batch must be accepted. */
export async function scrambledPush(w: TestWorkspace, url: string, token: string, rnd: () => number): Promise<number> {
  const from = readSettings(w.ws.db).pushedSeq ?? 0;
  const pending = ownEntries(w.ws.db, w.ws.nodeId, from, 1_000_000);
  if (!pending.length) return 0;
  const http = new SyncHttp(url, token);
  for (const batch of scramble(pending, rnd)) {
    const changes: WireChange[] = batch.map(({ seq: _seq, ...c }) => c);
    await http.push({ node: w.ws.nodeId, changes });
  }
  writeSettings(w.ws.db, { pushedSeq: pending.at(-1)!.seq });
  return pending.length;
}

/** Pulls each department after the laptop's cursor and applies it scrambled; `reads`: the ones it may keep. */
export async function scrambledPull(w: TestWorkspace, url: string, token: string, reads: Set<string>, rnd: () => number): Promise<void> {
  const http = new SyncHttp(url, token);
  for (const dep of reads) {
    const cursor = (w.ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep) as number | undefined) ?? 0;
    const stream = await http.pull(dep, cursor);
    const all: PulledChange[] = [];
    for await (const page of stream.pages(1000)) all.push(...page);
    for (const batch of scramble(all, rnd)) applyRemote(w.ws, batch, { keeps: (d) => reads.has(d) });
    w.ws.db.prepare('UPDATE sync_departments SET cursor = ? WHERE id = ?').run(stream.head.upTo, dep);
  }
}
