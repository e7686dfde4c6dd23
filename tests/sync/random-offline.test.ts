import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';

// Three laptops make random offline creates, edits and deletes in one department and sync in a
// random order; after everyone synced, every laptop holds exactly the same rows, and every gap any
// laptop created is there (nothing accepted is lost). A short seeded run here; the long soak is
// BENCH-sized (npm run bench -- sync).

let t: TestStore;
let url: string;
beforeAll(async () => {
  t = await startTestStore();
  url = (await t.serve()).url;
}, 120_000);
afterAll(async () => t?.close(), 60_000);

type Op =
  | { kind: 'create'; on: number; title: string }
  | { kind: 'edit'; on: number; pick: number; title: string; severity: number }
  | { kind: 'delete'; on: number; pick: number }
  | { kind: 'sync'; on: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), on: fc.nat(2), title: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'x') }),
  fc.record({ kind: fc.constant('edit' as const), on: fc.nat(2), pick: fc.nat(), title: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'y'), severity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), on: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('sync' as const), on: fc.nat(2) }),
);

describe('random offline work on three laptops', () => {
  it('converges and loses nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 25 }), async (ops) => {
        run++;
        const code = `R${run}`;
        const token = await t.user(`rand${run}`, [[code, 'write']]);
        const l: TestWorkspace[] = [];
        try {
          for (let i = 0; i < 3; i++) l.push(await laptop(url, token));
          const dep = await l[0]!.ok('departments.create', { name: `Random ${run}`, code });
          const proc = await l[0]!.ok('processes.create', { departmentId: dep.id, name: 'P' });
          for (const w of l) expect((await runSync(w.ws)).error).toBeUndefined();
          const created = new Set<string>();
          for (const o of ops) {
            const w = l[o.on]!;
            const live = w.ws.db.prepare('SELECT id FROM gaps WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
            if (o.kind === 'create') created.add((await w.ok('gaps.create', { processId: proc.id, title: o.title, type: 'information' })).id);
            else if (o.kind === 'edit' && live.length) await w.ok('gaps.update', { id: live[o.pick % live.length]!, title: o.title, severity: o.severity });
            else if (o.kind === 'delete' && live.length) await w.ok('gaps.delete', { id: live[o.pick % live.length]! });
            else if (o.kind === 'sync') expect((await runSync(w.ws)).ok).toBe(true);
          }
          for (let round = 0; round < 2; round++) for (const w of l) expect((await runSync(w.ws)).ok).toBe(true);
          const want = departmentRows(l[0]!, dep.id);
          for (const w of l.slice(1)) expect(departmentRows(w, dep.id)).toEqual(want);
          const ids = new Set((want.gaps as { id: string }[]).map((g) => g.id));
          for (const id of created) expect(ids.has(id)).toBe(true);
        } finally {
          for (const w of l) w.cleanup();
        }
      }),
      { numRuns: 3, seed: 20261202, endOnFailure: true },
    );
  }, 240_000);
});
