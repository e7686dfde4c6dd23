import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PUSH_CHANGES, pushBody } from '../../../src-shared/sync/protocol';
import { checkPushBody } from '../../../src-shared/sync/push-check';

// The hand-written push check (push-check.ts) against the zod schema it stands in for: on random
// bodies, valid and broken, both accept the same ones and give the same value back.

const uuid = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const good = {
  tx: 'tx-1', pos: 0, node: 'n1', hlc: 123456, entity: 'gaps', row: uuid, dep: uuid, op: 'update',
  fields: { title: 'A', severity: 3 }, clocks: { title: [12, 'n2'] }, base: { title: null, description: [3, 'n1'] },
};

// a value that is sometimes right and often a near miss
const odd = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.constant(''), fc.constant('x'.repeat(65)), fc.constant('x'.repeat(121)),
  fc.constant(-1), fc.constant(0), fc.constant(1.5), fc.constant(2 ** 60), fc.constant(Number.NaN), fc.constant([]),
  fc.constant({}), fc.constant([1, 'n']), fc.constant([1, 'n', 2]), fc.constant([-1, 'n']), fc.constant({ '': 1 }),
  fc.constant({ ['k'.repeat(65)]: 1 }), fc.constant('GAPS'), fc.constant('insert'), fc.constant('merge'),
  fc.constant(uuid.toUpperCase()), fc.constant(uuid), fc.constant({ a: [1, 'n'] }), fc.constant({ a: null }), fc.string(), fc.integer(),
);
const keys = [...Object.keys(good), 'extra'];
const change = fc
  .record({ breaks: fc.array(fc.tuple(fc.constantFrom(...keys), odd), { maxLength: 2 }), drop: fc.option(fc.constantFrom(...keys)) })
  .map(({ breaks, drop }) => {
    const c: Record<string, unknown> = structuredClone(good);
    for (const [k, v] of breaks) c[k] = v;
    if (drop) delete c[drop];
    return c;
  });

describe('checkPushBody', () => {
  it('accepts exactly what the zod schema accepts, and returns the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ node: fc.oneof(fc.constant('n1'), odd), changes: fc.array(change, { maxLength: 4 }) }), odd), (body) => {
        const z = pushBody.safeParse(body);
        const mine = checkPushBody(body);
        expect(mine.ok).toBe(z.success);
        if (mine.ok && z.success) expect(mine.body).toEqual(z.data);
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('names the first bad place in words', () => {
    expect(checkPushBody({ node: 'n1', changes: [good, { ...good, row: 'nope' }] })).toEqual({ ok: false, path: 'changes.1.row', message: 'a UUID' });
    expect(checkPushBody({ node: 'n1', changes: [{ ...good, clocks: { title: [1] } }] })).toMatchObject({ ok: false, path: 'changes.0.clocks.title' });
    const many = Array.from({ length: MAX_PUSH_CHANGES + 1 }, () => good);
    expect(checkPushBody({ node: 'n1', changes: many })).toMatchObject({ ok: false, path: 'changes' });
    expect(checkPushBody({ node: 'n1', changes: [good] }).ok).toBe(true);
  });
});
