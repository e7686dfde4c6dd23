import { describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { departmentRows, laptop, type TestStore } from '../helpers/sync-store';
import { useTestStore } from '../helpers/sync-store-hooks';

// Two laptops (two data folders, real SQLite files) and one central store (real PostgreSQL, the
// real HTTP server): what one writes offline, the other has after both synced.

let t: TestStore;
let url: string;
useTestStore((store, served) => {
  t = store;
  url = served;
});

describe('two laptops through one server', () => {
  it('converge: creates, edits, deletes and a text conflict kept visible', async () => {
    const tokA = await t.user('ana', [['FIN', 'write']]);
    const tokB = await t.user('bob', [['FIN', 'write']]);
    const a = await laptop(url, tokA);
    const b = await laptop(url, tokB);
    try {
      const dep = await a.ok('departments.create', { name: 'Finance', code: 'FIN' });
      const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Close the books' });
      const gap = await a.ok('gaps.create', { processId: proc.id, title: 'Accruals late', type: 'information', description: 'first words' });
      const gone = await a.ok('gaps.create', { processId: proc.id, title: 'To delete', type: 'information' });
      const ra = await runSync(a.ws);
      expect(ra.error).toBeUndefined();
      expect(ra).toMatchObject({ ok: true });
      expect(ra.pushed).toBeGreaterThanOrEqual(4);

      const rb = await runSync(b.ws);
      expect(rb).toMatchObject({ ok: true });
      expect((await b.ok('gaps.get', { id: gap.id })).title).toBe('Accruals late');
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));

      // both edit the same text field offline; a deletes a gap, b edits the severity
      await a.ok('gaps.update', { id: gap.id, description: 'Ana’s words' });
      await b.ok('gaps.update', { id: gap.id, description: 'Bob’s words', severity: 5 });
      await a.ok('gaps.delete', { id: gone.id });
      expect((await runSync(a.ws)).ok).toBe(true);
      const rb2 = await runSync(b.ws);
      expect(rb2.ok).toBe(true);
      expect((await runSync(a.ws)).ok).toBe(true);

      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
      const onA = await a.ok('gaps.get', { id: gap.id });
      expect(onA.severity).toBe(5);
      expect(onA.description).toBe('Bob’s words'); // b wrote last
      await expect(b.ok('gaps.get', { id: gone.id })).rejects.toThrow();
      // the losing words stay visible, with who wrote them, on both laptops
      const ca = await a.ok('sync.conflicts', {});
      const cb = await b.ok('sync.conflicts', {});
      expect(ca.map((c) => [c.field, c.kept.value, c.lost.value])).toEqual([['description', 'Bob’s words', 'Ana’s words']]);
      expect(cb.map((c) => [c.field, c.kept.value, c.lost.value])).toEqual([['description', 'Bob’s words', 'Ana’s words']]);
      expect(cb[0]!.lost.by).toBe('ana');

      // a person keeps Ana's words on b: it syncs, and the conflict clears on a too
      await b.ok('sync.resolve', { id: cb[0]!.id, keep: 'lost' });
      expect((await runSync(b.ws)).ok).toBe(true);
      expect((await runSync(a.ws)).ok).toBe(true);
      expect((await a.ok('gaps.get', { id: gap.id })).description).toBe('Ana’s words');
      expect(await a.ok('sync.conflicts', {})).toEqual([]);
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));

      // nothing left to send; a sync with nothing new changes nothing
      expect((await a.ok('sync.status', {})).pending).toBe(0);
      const again = await runSync(a.ws);
      expect(again).toMatchObject({ ok: true, pushed: 0, pulled: 0 });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('text with tabs, line breaks, backslashes and a literal \\N arrives exactly as written', async () => {
    // the server writes pushes by COPY in text format, where these characters have meanings
    const tok = await t.user('cy', [['OPS', 'write']]);
    const a = await laptop(url, tok);
    const b = await laptop(url, tok);
    try {
      const dep = await a.ok('departments.create', { name: 'Ops\tteam', code: 'OPS' });
      const proc = await a.ok('processes.create', { departmentId: dep.id, name: 'Back\\slash \\N \\\\N' });
      const words = ['line one\nline two\r\nthree', 'tab\there', '\\N', 'C:\\temp\\new', 'quote " and \u2019', 'nul \u0000 char', '€ 😀'];
      const ids: string[] = [];
      for (const w of words) ids.push((await a.ok('gaps.create', { processId: proc.id, title: w.slice(0, 40), type: 'information', description: w })).id);
      expect((await runSync(a.ws)).ok).toBe(true);
      expect((await runSync(b.ws)).ok).toBe(true);
      for (const [i, id] of ids.entries()) expect((await b.ok('gaps.get', { id })).description).toBe(words[i]);
      expect((await b.ok('processes.get', { id: proc.id })).name).toBe('Back\\slash \\N \\\\N');
      expect(departmentRows(b, dep.id)).toEqual(departmentRows(a, dep.id));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
