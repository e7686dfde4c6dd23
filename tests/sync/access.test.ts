import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownEntries } from '../../src-main/db/outbox';
import { grant } from '../../src-server/auth/accounts';
import { SyncHttp } from '../../src-main/services/sync/http';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';

// Who may read and write what, and the promises that keep a laptop's data safe: a duplicated batch
// changes nothing, a token without a grant gets nothing of the department, a revoke stops at the
// next request, two server processes on one PostgreSQL serve alike, an empty server wipes nothing.

let t: TestStore;
let url: string;
const open: TestWorkspace[] = [];
beforeAll(async () => {
  t = await startTestStore();
  url = (await t.serve()).url;
}, 120_000);
afterAll(async () => {
  for (const w of open) w.cleanup();
  await t?.close();
}, 60_000);

async function financeLaptop(user: string, code: string) {
  const token = await t.user(user, [[code, 'write']]);
  const w = await laptop(url, token);
  open.push(w);
  const dep = await w.ok('departments.create', { name: `Dept ${code}`, code });
  const proc = await w.ok('processes.create', { departmentId: dep.id, name: 'Pay suppliers' });
  for (let i = 0; i < 5; i++) await w.ok('gaps.create', { processId: proc.id, title: `Gap ${i}`, type: 'information' });
  return { w, token, dep, proc };
}

const feedCount = async () => Number((await t.pool.query('SELECT count(*) AS n FROM feed')).rows[0].n);

describe('access and safety', () => {
  it('a duplicated or retried batch changes nothing', async () => {
    const { w, token } = await financeLaptop('dina', 'DUP');
    const changes = ownEntries(w.ws.db, w.ws.nodeId, 0, 100).map(({ seq: _s, ...c }) => c);
    const http = new SyncHttp(url, token);
    const first = await http.push({ node: w.ws.nodeId, changes });
    expect(first.accepted).toBe(changes.length);
    const n = await feedCount();
    const heads = (await t.pool.query('SELECT * FROM row_heads ORDER BY row_id')).rows;
    // the answer was lost: the laptop sends it again, twice, and once more inside a bigger batch
    expect(await http.push({ node: w.ws.nodeId, changes })).toMatchObject({ accepted: 0, duplicates: changes.length });
    expect(await http.push({ node: w.ws.nodeId, changes: [...changes, ...changes] })).toMatchObject({ accepted: 0, duplicates: 2 * changes.length });
    expect(await feedCount()).toBe(n);
    expect((await t.pool.query('SELECT * FROM row_heads ORDER BY row_id')).rows).toEqual(heads);
    // and the laptop's own sync (which never saw the answers) sends them once more: still nothing new
    const r = await runSync(w.ws);
    expect(r).toMatchObject({ ok: true, pushed: 0, duplicates: changes.length });
    expect(await feedCount()).toBe(n);
  });

  it('a token without a grant is refused and gets nothing of that department', async () => {
    const { dep } = await financeLaptop('erin', 'SEC');
    await runSync(open.at(-1)!.ws);
    const token = await t.user('mallory', [['OTHER', 'write']]);
    const http = new SyncHttp(url, token);
    const session = await http.session();
    expect(session.departments.map((d) => d.code)).toEqual(['OTHER']);
    await expect(http.pull(dep.id, 0)).rejects.toMatchObject({ code: 'forbidden' });
    const res = await fetch(`${url}/v1/departments/${dep.id}/changes?after=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('Gap');
    const sum = await fetch(`${url}/v1/departments/${dep.id}/checksum`, { headers: { authorization: `Bearer ${token}` } });
    expect(sum.status).toBe(403);
    // writing into it: refused whole, nothing accepted
    const n = await feedCount();
    const forged = { tx: 'x', pos: 0, node: 'mallorynode', hlc: Date.now() * 1024, entity: 'gaps', row: '01a23479-6d97-775c-b2f1-94d00d9ede00', dep: dep.id, op: 'insert' as const, fields: { department_id: dep.id, title: 'forged' } };
    await expect(http.push({ node: 'mallorynode', changes: [forged] })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await feedCount()).toBe(n);
    // no token, a wrong token
    expect((await fetch(`${url}/v1/session`)).status).toBe(401);
    await expect(new SyncHttp(url, 'bcl_not-a-token-at-all-000000').session()).rejects.toMatchObject({ code: 'unauthorized' });
    // a laptop of that user: its own department without a grant stays on it, listed as refused
    const w = await laptop(url, token);
    open.push(w);
    const mine = await w.ok('departments.create', { name: 'Mine', code: 'MINE' });
    const r = await runSync(w.ws);
    expect(r.ok).toBe(false);
    expect(r.refusals.join('\n')).toContain('MINE');
    expect(departmentRows(w, dep.id).departments).toEqual([]);
    expect((await w.ok('departments.get', { id: mine.id })).code).toBe('MINE');
    // the next syncs push nothing new, yet the department's changes are still not on the server:
    // no sync is complete, and the status counts them, a department never granted shown as such
    await w.ok('processes.create', { departmentId: mine.id, name: 'Close the books' });
    for (let k = 0; k < 2; k++) {
      const again = await runSync(w.ws);
      expect(again).toMatchObject({ ok: false, pushed: 0 });
      expect(again.refusals).toEqual(['MINE: no write grant, so its 2 changes stay on this computer (held back until a grant comes)']);
    }
    const st = await w.ok('sync.status', {});
    expect(st).toMatchObject({ pending: 0, heldBack: 2 });
    expect(st.departments.find((d) => d.id === mine.id)).toMatchObject({ access: 'none', revokedAt: null, held: true, heldChanges: 2 });
    // a grant comes: they go, and the sync is complete
    await grant(t.pool, 'mallory', 'MINE', 'write');
    expect(await runSync(w.ws)).toMatchObject({ ok: true, pushed: 2, refusals: [] });
    expect(await w.ok('sync.status', {})).toMatchObject({ pending: 0, heldBack: 0 });
  });

  it('a revoked grant stops at the next request; the laptop keeps its copy', async () => {
    const { w: author, dep } = await financeLaptop('fred', 'REV');
    await runSync(author.ws);
    const token = await t.user('gina', [['REV', 'read']]);
    const reader = await laptop(url, token);
    open.push(reader);
    expect((await runSync(reader.ws)).ok).toBe(true);
    const copy = departmentRows(reader, dep.id);
    expect(copy.gaps).toHaveLength(5);

    await t.revoke('gina', 'REV');
    await expect(new SyncHttp(url, token).pull(dep.id, 0)).rejects.toMatchObject({ code: 'forbidden' });
    const proc = (await author.ok('processes.list', { departmentId: dep.id })).items[0]!;
    await author.ok('gaps.create', { processId: proc.id, title: 'After the revoke', type: 'information' });
    await runSync(author.ws);
    const r = await runSync(reader.ws);
    expect(r.ok).toBe(false);
    expect(r.refusals.join('\n')).toMatch(/REV: your access was revoked/);
    expect(departmentRows(reader, dep.id)).toEqual(copy);
    const st = await reader.ok('sync.status', {});
    expect(st.departments.find((d) => d.id === dep.id)).toMatchObject({ access: 'none' });
  });

  it('two server processes on one PostgreSQL serve the same clients', async () => {
    const second = await t.serve();
    const { w: a, dep } = await financeLaptop('hana', 'TWO');
    const tokB = await t.user('ivan', [['TWO', 'write']]);
    const b = await laptop(second.url, tokB);
    open.push(b);
    await runSync(a.ws);
    await runSync(b.ws);
    const proc = (await b.ok('processes.list', { departmentId: dep.id })).items[0]!;
    // both push at once, each through its own server
    for (let i = 0; i < 20; i++) {
      await a.ok('gaps.create', { processId: proc.id, title: `A ${i}`, type: 'information' });
      await b.ok('gaps.create', { processId: proc.id, title: `B ${i}`, type: 'expertise' });
    }
    const [ra, rb] = await Promise.all([runSync(a.ws), runSync(b.ws)]);
    expect([ra.ok, rb.ok]).toEqual([true, true]);
    await runSync(a.ws);
    await runSync(b.ws);
    expect(departmentRows(a, dep.id).gaps).toHaveLength(45);
    expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
    // the feed holds each change once
    const dups = await t.pool.query('SELECT node, hlc FROM feed WHERE kind = 0 GROUP BY node, hlc HAVING count(*) > 1');
    expect(dups.rows).toEqual([]);
  });

  it('pointing a laptop at an empty server never wipes it', async () => {
    const { w, dep } = await financeLaptop('jack', 'KEEP');
    expect((await runSync(w.ws)).ok).toBe(true);
    const before = departmentRows(w, dep.id);
    const db2 = await t.emptyDatabase('boucle_empty');
    const empty = await t.serve({ database: db2 });
    const { openPool } = await import('../../src-server/store/pool');
    const { addUser, grant, makeToken } = await import('../../src-server/auth/accounts');
    const pool2 = openPool(t.store.url.replace(/\/boucle$/, `/${db2}`));
    await addUser(pool2, 'jack');
    await grant(pool2, 'jack', 'KEEP', 'write');
    const token2 = await makeToken(pool2, 'jack');
    await w.ok('sync.configure', { serverUrl: empty.url, token: token2 });
    const r = await runSync(w.ws);
    expect(r.ok).toBe(false);
    expect(r.confirm?.reason).toBe('empty_server');
    expect(departmentRows(w, dep.id)).toEqual(before);
    expect(Number((await pool2.query('SELECT count(*) AS n FROM feed')).rows[0].n)).toBe(0);
    // once confirmed, the laptop's data goes up, and still nothing is lost here
    const up = await runSync(w.ws, { confirm: true });
    expect(up.ok).toBe(true);
    expect(up.pushed).toBeGreaterThanOrEqual(7);
    expect(departmentRows(w, dep.id)).toEqual(before);
    await pool2.end();
  });

  it('a laptop whose clock is 10 minutes ahead is refused in words, nothing accepted', async () => {
    const { w, token } = await financeLaptop('kim', 'CLK');
    const changes = ownEntries(w.ws.db, w.ws.nodeId, 0, 100).map(({ seq: _s, ...c }) => ({ ...c, hlc: c.hlc + 10 * 60_000 * 1024 }));
    const n = await feedCount();
    await expect(new SyncHttp(url, token).push({ node: w.ws.nodeId, changes })).rejects.toMatchObject({ code: 'clock_ahead', message: expect.stringMatching(/10 minutes ahead/) });
    expect(await feedCount()).toBe(n);
  });
});
