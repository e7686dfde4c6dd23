import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';

// The server process killed with SIGKILL in the middle of a push (a crashed replica, an OOM kill),
// through the built `boucle-server start` (needs `npm run build`) on the tests' PostgreSQL: the push
// fails in words, nothing half-written is visible, and after a restart the retry completes with every
// change in the feed exactly once and a second laptop receiving all of them.

const root = path.resolve(__dirname, '..', '..');
const ROWS = 20_000;
let t: TestStore;
const open: TestWorkspace[] = [];
const servers: ChildProcess[] = [];
beforeAll(async () => {
  t = await startTestStore();
}, 120_000);
afterAll(async () => {
  for (const s of servers) s.kill('SIGKILL');
  for (const w of open) w.cleanup();
  await t?.close();
}, 120_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function startServer(port: number): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: t.store.url, LOG_LEVEL: 'warn' };
  const proc = spawn(process.execPath, [path.join(root, 'bin', 'boucle-server.mjs'), 'start', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (/Boucle sync server on http/.test(out)) resolve(proc);
    });
    proc.on('exit', (code) => reject(new Error(`boucle-server exited (${code}): ${out}`)));
  });
}

const feed = async () => Number((await t.pool.query('SELECT count(*) AS n FROM feed WHERE kind = 0')).rows[0].n);

describe('server killed during a push', () => {
  it('the retry after a restart completes, each change once', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const url = `http://127.0.0.1:${port}`;
    const a = await laptop(url, await t.user('ana', [['KIL', 'write']]));
    open.push(a);
    const dep = await a.ok('departments.create', { name: 'Killed', code: 'KIL' });
    const ind = await a.ok('indicators.create', { departmentId: dep.id, name: 'Orders', direction: 'higher', frequency: 'daily' });
    a.ws.writer.write((tx) => {
      for (let n = 0; n < ROWS; n++) {
        tx.insert('measurements', { department_id: dep.id, indicator_id: ind.id, period: new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), value: n % 101 });
      }
    });
    const pending = (await a.ok('sync.status', {})).pending;

    // kill the server once part of the push is committed
    const sync = runSync(a.ws);
    let killedAt = 0;
    for (let i = 0; i < 6000 && !killedAt; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const n = await feed();
      if (n > 0) {
        first.kill('SIGKILL');
        killedAt = n;
      }
    }
    const cut = await sync;
    expect(killedAt).toBeGreaterThan(0);
    expect(cut.ok).toBe(false);
    expect(cut.error?.code).toBe('network');
    expect(cut.error?.message).toMatch(/cannot be reached|broke/);
    const afterKill = await feed();
    expect(afterKill).toBeLessThan(pending); // killed in the middle

    // restarted (the same address, as behind a load balancer): the retry completes
    await startServer(port);
    const again = await runSync(a.ws);
    expect(again).toMatchObject({ ok: true });
    // what was committed before the kill is not sent as new again: the rest is, once
    expect(again.pushed + afterKill).toBe(pending);
    expect(await feed()).toBe(pending);
    const twice = await t.pool.query('SELECT tx, pos FROM feed WHERE kind = 0 GROUP BY tx, pos HAVING count(*) > 1');
    expect(twice.rows).toEqual([]);
    expect((await a.ok('sync.status', {})).pending).toBe(0);

    const b = await laptop(url, await t.user('bob', [['KIL', 'read']]));
    open.push(b);
    expect((await runSync(b.ws)).ok).toBe(true);
    expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
  }, 300_000);
});
