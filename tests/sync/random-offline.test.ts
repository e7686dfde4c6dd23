import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSync, type SyncOutcome } from '../../src-main/services/sync/run';
import { scrambledPull, scrambledPush, seeded } from '../helpers/scrambled-delivery';
import { departmentRows, laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';
import type { TestWorkspace } from '../helpers/workspace';

// Three laptops that write two departments make random offline creates, edits, deletes and moves
// of gaps from one department to the other; two more laptops may each read only one of the two.
// Everyone syncs in a random order, normally or through a bad network (scrambled-delivery.ts:
// batches of random sizes, in random order, some twice, both ways). After everyone synced:
// * each laptop equals the server (a laptop that read everything in order, and the server's
//   checksum) for every department it may read, and no checksum repair was ever needed;
// * every gap a laptop created is on the server (nothing accepted is lost);
// * a reader holds no row of the department it may not read: a gap moved away left it, a gap
//   moved in arrived whole.
// Short and seeded here; SYNC_PROPERTY_RUNS=200 (and SYNC_PROPERTY_SEED) for a long soak.

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 3);
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? 20261202);
/** To replay one failure: the `path` fast-check printed with it. */
const PATH = process.env.SYNC_PROPERTY_PATH;

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

const WRITERS = 3;
/** Laptops 0..2 write both departments; 3 reads only the first, 4 only the second. */
const LAPTOPS = 5;

type Op =
  | { kind: 'create'; on: number; dep: number; title: string }
  | { kind: 'edit'; on: number; pick: number; title: string; severity: number }
  | { kind: 'delete'; on: number; pick: number }
  | { kind: 'move'; on: number; pick: number }
  | { kind: 'sync'; on: number }
  | { kind: 'scrambled'; on: number; seed: number };

const writer = fc.nat(WRITERS - 1);
const anyone = fc.nat(LAPTOPS - 1);
const text = (fallback: string) => fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || fallback);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), on: writer, dep: fc.nat(1), title: text('x') }),
  fc.record({ kind: fc.constant('edit' as const), on: writer, pick: fc.nat(), title: text('y'), severity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), on: writer, pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), on: writer, pick: fc.nat() }),
  fc.record({ kind: fc.constant('sync' as const), on: anyone }),
  fc.record({ kind: fc.constant('scrambled' as const), on: anyone, seed: fc.nat() }),
);

/** A sync that must succeed and must never have found its copy different from the server's. */
async function sync(w: TestWorkspace, verify = false): Promise<SyncOutcome> {
  const r = await runSync(w.ws, { confirm: true, verify });
  expect(r.error).toBeUndefined();
  expect(r.repaired).toEqual([]);
  expect(r.ok).toBe(true);
  return r;
}

const liveGaps = (w: TestWorkspace) => w.ws.db.prepare('SELECT id, department_id FROM gaps WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; department_id: string }[];

describe('random offline work on five laptops, two departments, a bad network', () => {
  it('converges, loses nothing, and keeps each reader to its department', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 30 }), async (ops) => {
        run++;
        const [codeA, codeB] = [`R${run}A`, `R${run}B`];
        const tokens = [
          await t.user(`rw${run}`, [[codeA, 'write'], [codeB, 'write']]),
          await t.user(`ra${run}`, [[codeA, 'read']]),
          await t.user(`rb${run}`, [[codeB, 'read']]),
          await t.user(`all${run}`, [], true),
        ];
        const tokenOf = (i: number) => tokens[i < WRITERS ? 0 : i - WRITERS + 1]!;
        const l: TestWorkspace[] = [];
        try {
          for (let i = 0; i < LAPTOPS; i++) l.push(await laptop(url, tokenOf(i)));
          const depA = await l[0]!.ok('departments.create', { name: `Random ${run} A`, code: codeA });
          const depB = await l[0]!.ok('departments.create', { name: `Random ${run} B`, code: codeB });
          const deps = [depA.id, depB.id];
          const procs = [
            await l[0]!.ok('processes.create', { departmentId: depA.id, name: 'PA' }),
            await l[0]!.ok('processes.create', { departmentId: depB.id, name: 'PB' }),
          ];
          for (const w of l) await sync(w);
          const reads = (i: number) => new Set(i < WRITERS ? deps : [deps[i - WRITERS]!]);
          const created = new Set<string>();
          for (const o of ops) {
            const w = l[o.on]!;
            const live = liveGaps(w);
            const picked = 'pick' in o && live.length ? live[o.pick % live.length]! : undefined;
            if (o.kind === 'create') created.add((await w.ok('gaps.create', { processId: procs[o.dep]!.id, title: o.title, type: 'information' })).id);
            else if (o.kind === 'edit' && picked) await w.ok('gaps.update', { id: picked.id, title: o.title, severity: o.severity });
            else if (o.kind === 'delete' && picked) await w.ok('gaps.delete', { id: picked.id });
            else if (o.kind === 'move' && picked) {
              // the data layer's move (the app has none for gaps): logged as a change of department_id
              const to = deps.find((d) => d !== picked.department_id)!;
              w.ws.writer.write((tx) => tx.move('gaps', picked.id, to));
            } else if (o.kind === 'sync') await sync(w);
            else if (o.kind === 'scrambled') {
              const rnd = seeded(o.seed);
              if (o.on < WRITERS) await scrambledPush(w, url, tokenOf(o.on), rnd);
              await scrambledPull(w, url, tokenOf(o.on), reads(o.on), rnd);
            }
          }
          for (let round = 0; round < 2; round++) for (const w of l) await sync(w);
          // the server's state, as a laptop that reads everything receives it in order
          const server = await laptop(url, tokens[3]!);
          try {
            await sync(server);
            for (const [i, w] of l.entries()) {
              for (const d of deps) {
                if (reads(i).has(d)) expect(departmentRows(w, d), `laptop ${i}, department ${d === depA.id ? 'A' : 'B'}`).toEqual(departmentRows(server, d));
                else {
                  const held = departmentRows(w, d);
                  expect([...held.gaps!, ...held.processes!], `laptop ${i} holds rows of a department it may not read`).toEqual([]);
                }
              }
            }
            for (const w of l) await sync(w, true); // the server's checksums agree too
            const onServer = new Set(deps.flatMap((d) => (departmentRows(server, d).gaps as { id: string }[]).map((g) => g.id)));
            for (const id of created) expect(onServer.has(id), `gap ${id} lost`).toBe(true);
          } finally {
            server.cleanup();
          }
        } finally {
          for (const w of l) w.cleanup();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, ...(PATH ? { path: PATH } : {}) },
    );
  }, 600_000);
});
