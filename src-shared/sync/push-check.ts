import { MAX_PUSH_CHANGES, OPS, type PushBody, type WireChange } from './protocol';

// The push body checked by hand: the same rules as protocol.ts's zod schema (`pushBody`), which
// stays the reference (a unit test feeds both the same random bodies). A push holds thousands of
// changes and zod's generic walk over each was a third of the server's own time per batch; this
// walks the array once, copies only the known keys (as zod strips the others) and names the first
// bad place, e.g. `changes.12.row: a UUID`.

export type PushCheck = { ok: true; body: PushBody } | { ok: false; path: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[a-z_]+$/;
const OP_SET = new Set<string>(OPS);

class Bad extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, path: string, min: number, max: number): string {
  if (typeof v !== 'string') throw new Bad(path, 'expected a string');
  if (v.length < min) throw new Bad(path, `at least ${min} character${min > 1 ? 's' : ''}`);
  if (v.length > max) throw new Bad(path, `at most ${max} characters`);
  return v;
}

function int(v: unknown, path: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Bad(path, 'expected an integer');
  if (v < min) throw new Bad(path, min === 0 ? 'expected 0 or more' : `expected ${min} or more`);
  return v;
}

function clock(v: unknown, path: string): [number, string] {
  if (!Array.isArray(v) || v.length !== 2) throw new Bad(path, 'expected [clock, node]');
  return [int(v[0], `${path}.0`, 0), text(v[1], `${path}.1`, 1, 64)];
}

function record<T>(v: unknown, path: string, value: (x: unknown, p: string) => T, keyMax?: number): Record<string, T> {
  if (!isObject(v)) throw new Bad(path, 'expected an object');
  const out: Record<string, T> = {};
  for (const k of Object.keys(v)) {
    if (keyMax !== undefined) text(k, `${path}.${k}`, 1, keyMax);
    out[k] = value(v[k], `${path}.${k}`);
  }
  return out;
}

function change(v: unknown, path: string): WireChange {
  if (!isObject(v)) throw new Bad(path, 'expected an object');
  const entity = text(v.entity, `${path}.entity`, 1, 64);
  if (!NAME.test(entity)) throw new Bad(`${path}.entity`, 'a lower-case name');
  const row = text(v.row, `${path}.row`, 0, Infinity);
  if (!UUID.test(row)) throw new Bad(`${path}.row`, 'a UUID');
  let dep: string | null | undefined;
  if (v.dep === null || v.dep === undefined) dep = v.dep as null | undefined;
  else {
    dep = text(v.dep, `${path}.dep`, 0, Infinity);
    if (!UUID.test(dep)) throw new Bad(`${path}.dep`, 'a UUID');
  }
  if (typeof v.op !== 'string' || !OP_SET.has(v.op)) throw new Bad(`${path}.op`, `one of ${OPS.join(', ')}`);
  const c: WireChange = {
    tx: text(v.tx, `${path}.tx`, 1, 120),
    pos: int(v.pos, `${path}.pos`, 0),
    node: text(v.node, `${path}.node`, 1, 64),
    hlc: int(v.hlc, `${path}.hlc`, 1),
    entity,
    row,
    op: v.op as WireChange['op'],
    fields: record(v.fields, `${path}.fields`, (x) => x, 64),
  };
  if (dep !== undefined) c.dep = dep;
  if (v.clocks !== undefined) c.clocks = record(v.clocks, `${path}.clocks`, clock);
  if (v.base !== undefined) c.base = record(v.base, `${path}.base`, (x, p) => (x === null ? null : clock(x, p)));
  return c;
}

export function checkPushBody(v: unknown): PushCheck {
  try {
    if (!isObject(v)) throw new Bad('body', 'expected an object');
    const node = text(v.node, 'node', 1, 64);
    if (!Array.isArray(v.changes)) throw new Bad('changes', 'expected an array');
    if (v.changes.length > MAX_PUSH_CHANGES) throw new Bad('changes', `at most ${MAX_PUSH_CHANGES} changes per push`);
    const changes = new Array<WireChange>(v.changes.length);
    for (let i = 0; i < changes.length; i++) changes[i] = change(v.changes[i], `changes.${i}`);
    return { ok: true, body: { node, changes } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}
