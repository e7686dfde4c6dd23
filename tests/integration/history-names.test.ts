import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryFieldChange } from '../../src-shared/history/schemas';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// History names the rows it points at: a gap's process and step, a step's sub-process, the
// department — deleted rows too (marked so) — so the UI never shows an id.

let t: TestWorkspace;
afterEach(() => t?.cleanup());

describe('history: names of the rows an entry points at', () => {
  it('names the process, the step (also once deleted) and the department of a gap', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
    const s1 = await t.ok('steps.create', { processId: p.id, name: 'Match invoice' });
    const s2 = await t.ok('steps.create', { processId: p.id, name: 'Approve invoice' });
    const g = await t.ok('gaps.create', { processId: p.id, stepId: s1.id, title: 'Blocked invoices', type: 'coordination' });
    await t.ok('gaps.update', { id: g.id, stepId: s2.id });
    await t.ok('steps.delete', { id: s1.id });

    const h = await t.ok('history.list', { entity: 'gaps', id: g.id });
    const ids = h.entries.flatMap((e) =>
      e.changes.filter((c): c is HistoryFieldChange => c.kind === 'field' && c.field.endsWith('Id')).flatMap((c) => [c.oldValue, c.newValue]),
    );
    expect(ids).toEqual(expect.arrayContaining([p.id, s1.id, s2.id, d.id]));
    expect(h.names).toEqual({
      [d.id]: { name: 'Finance', deleted: false },
      [p.id]: { name: 'Procure-to-pay', deleted: false },
      [s1.id]: { name: 'Match invoice', deleted: true },
      [s2.id]: { name: 'Approve invoice', deleted: false },
    });
    // Every id the entries hold has its name.
    for (const id of ids) if (typeof id === 'string') expect(h.names?.[id], id).toBeDefined();
  });
});
