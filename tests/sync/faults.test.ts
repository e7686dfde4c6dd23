import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_BATCH } from '../../src-main/services/sync/push';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import type { TestWorkspace } from '../helpers/workspace';

// The network failing at the worst moments, through a proxy in front of the real server: the answer
// of a push lost after the server committed it (the retry is a no-op), and a connection cut in the
// middle of a pull (what was applied stays applied with its cursor, the database is intact, the next
// sync goes on from there).

let t: TestStore;
let upstream: URL;
const open: TestWorkspace[] = [];
beforeAll(async () => {
  t = await startTestStore();
  upstream = new URL((await t.serve()).url);
}, 120_000);
afterAll(async () => {
  for (const w of open) w.cleanup();
  await t?.close();
}, 120_000);

/** A proxy that forwards everything, and breaks the first request `matching` the way `fault` says. */
async function faultyProxy(matching: RegExp, fault: 'drop-answer' | 'cut-body') {
  let armed = true;
  const server = http.createServer((req, res) => {
    const hit = armed && matching.test(req.url ?? '');
    if (hit) armed = false;
    const up = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent: false }, (ur) => {
      if (hit && fault === 'drop-answer') {
        ur.resume();
        // the server committed; the laptop never hears it
        ur.on('end', () => res.destroy());
        return;
      }
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      if (!hit) return void ur.pipe(res);
      let sent = 0;
      ur.on('data', (chunk: Buffer) => {
        sent += chunk.length;
        res.write(chunk);
        if (sent > 1_000_000) {
          ur.destroy();
          res.destroy();
        }
      });
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())) };
}

async function author(code: string, measurements: number) {
  const token = await t.user(`author-${code}`, [[code, 'write']]);
  const w = await laptop(upstream.toString(), token);
  open.push(w);
  const dep = await w.ok('departments.create', { name: code, code });
  const ind = await w.ok('indicators.create', { departmentId: dep.id, name: 'Days to close', direction: 'lower', frequency: 'daily' });
  w.ws.writer.write((tx) => {
    for (let n = 0; n < measurements; n++) {
      tx.insert('measurements', { department_id: dep.id, indicator_id: ind.id, period: new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), value: n });
    }
  });
  return { w, dep, token };
}

const feedCount = async () => Number((await t.pool.query('SELECT count(*) AS n FROM feed')).rows[0].n);

describe('faults', () => {
  it('a push whose answer is lost after the commit: the retry is a no-op', async () => {
    const proxy = await faultyProxy(/^\/v1\/push/, 'drop-answer');
    try {
      const { w } = await author('DROP', PUSH_BATCH + 1000);
      await w.ok('sync.configure', { serverUrl: proxy.url });
      const first = await runSync(w.ws);
      expect(first.ok).toBe(false);
      expect(first.error?.code).toBe('network');
      const n = await feedCount();
      expect(n).toBeGreaterThanOrEqual(PUSH_BATCH); // the first batch was committed
      const again = await runSync(w.ws);
      expect(again.ok).toBe(true);
      expect(again.duplicates).toBe(PUSH_BATCH);
      expect(await feedCount()).toBe(n - PUSH_BATCH + (PUSH_BATCH + 1002));
      const dups = await t.pool.query('SELECT node, hlc FROM feed WHERE kind = 0 GROUP BY node, hlc HAVING count(*) > 1');
      expect(dups.rows).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('a pull cut in the middle: applied pages stay with their cursor, the database is intact, the next sync resumes', async () => {
    const { w: a, dep } = await author('CUT', 6000);
    expect((await runSync(a.ws)).ok).toBe(true);
    const proxy = await faultyProxy(/\/changes/, 'cut-body');
    try {
      const token = await t.user('reader-cut', [['CUT', 'read']]);
      const b = await laptop(proxy.url, token);
      open.push(b);
      const cut = await runSync(b.ws);
      expect(cut.ok).toBe(false);
      expect(cut.error?.code).toBe('network');
      expect(b.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const cursor = b.ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep.id) as number;
      const got = departmentRows(b, dep.id).measurements!.length;
      expect(got).toBeGreaterThan(0);
      expect(got).toBeLessThan(6000);
      expect(cursor).toBeGreaterThan(0);
      const resumed = await runSync(b.ws);
      expect(resumed.ok).toBe(true);
      expect(resumed.pulled).toBe(6002 - got - 2);
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
    } finally {
      await proxy.close();
    }
  });
});
