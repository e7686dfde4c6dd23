import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-server/store/migrate';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';

// A server upgraded in place keeps every change it holds: migration 0012 turns the feed's values from
// jsonb to json on a store that already has changes in it, and a laptop that downloads afterwards gets
// exactly what the writer has. Real PostgreSQL, the real server, real SQLite.

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

const columnTypes = async () =>
  (
    await t.pool.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'feed' AND column_name IN ('fields', 'clocks', 'base') ORDER BY column_name`,
    )
  ).rows.map((r) => `${r.column_name} ${r.data_type}`);

describe('server migration 0012 on a store holding changes', () => {
  it('converts the feed in place and loses nothing', async () => {
    // The store as a server before 0012 left it: jsonb values, 0012 not recorded.
    await t.pool.query(`ALTER TABLE feed ALTER COLUMN fields TYPE jsonb, ALTER COLUMN clocks TYPE jsonb, ALTER COLUMN base TYPE jsonb`);
    await t.pool.query(`DELETE FROM schema_migrations WHERE version = 12`);
    expect(await columnTypes()).toEqual(['base jsonb', 'clocks jsonb', 'fields jsonb']);

    const a = await laptop(url, await t.user('ana', [['FIN', 'write']]));
    const dep = await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
    const gap = await a.ok('gaps.create', { processId: proc.id, title: 'Accruals « à la main » 🧾', type: 'information' });
    await a.ok('gaps.update', { id: gap.id, severity: 4 });
    const ind = await a.ok('indicators.create', { departmentId: dep.id, name: 'Days to close', direction: 'lower', frequency: 'daily' });
    await a.ok('measurements.create', { indicatorId: ind.id, period: '2026-01-01', value: 4.25, note: 'after "the" change' });
    expect(await runSync(a.ws)).toMatchObject({ ok: true });
    const held = (await t.pool.query<{ n: string }>(`SELECT count(*) AS n FROM feed`)).rows[0]!.n;

    expect(await migrate(t.pool)).toBe(1);
    expect(await columnTypes()).toEqual(['base json', 'clocks json', 'fields json']);
    expect((await t.pool.query<{ n: string }>(`SELECT count(*) AS n FROM feed`)).rows[0]!.n).toBe(held);

    const b = await laptop(url, await t.user('bob', [['FIN', 'read']]));
    expect(await runSync(b.ws)).toMatchObject({ ok: true, repaired: [] });
    expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
    expect((await b.ok('gaps.get', { id: gap.id })).title).toBe('Accruals « à la main » 🧾');
    // and the upgraded store takes new changes as before
    await a.ok('gaps.update', { id: gap.id, severity: 2 });
    expect(await runSync(a.ws)).toMatchObject({ ok: true });
    expect(await runSync(b.ws)).toMatchObject({ ok: true, pulled: 1 });
    expect((await b.ok('gaps.get', { id: gap.id })).severity).toBe(2);
    a.cleanup();
    b.cleanup();
  }, 120_000);
});
