import { afterEach, describe, expect, it } from 'vitest';
import { GAP_STATUSES, GAP_TYPES } from '../../src-shared/domain';
import type { Gap } from '../../src-shared/gaps/schemas';
import { monthlyCostCents } from '../../src-main/services/gaps/gap-cost';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const logCount = () => t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;

async function finance(rate: number | null = 6500) {
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: rate });
  const p = await t.ok('processes.create', { departmentId: d.id, name: 'Procure-to-pay' });
  const s = await t.ok('steps.create', { processId: p.id, name: 'Match invoice to PO', lane: 'AP clerk' });
  return { d, p, s };
}

describe('the cost of a gap', () => {
  it('is frequency × hours lost × the department loaded rate, worked by hand', async () => {
    t = openTestWorkspace();
    // Loaded rate 72.40 €/h; 18 times a month; 2.5 h lost each time:
    // 18 × 2.5 = 45 h a month; 45 h × 72.40 € = 3,258.00 € = 325,800 cents.
    const { p } = await finance(7240);
    const g = await t.ok('gaps.create', {
      processId: p.id, title: 'Invoices without PO wait for a buyer', type: 'information',
      frequencyPerMonth: 18, hoursLostPerOccurrence: 2.5,
    });
    expect(g.monthlyCostCents).toBe(325_800);
    expect(g.currency).toBe('EUR');
    // A third of a cent rounds to the nearest cent: 1 × 1/3 h × 100 cents = 33.33… → 33.
    const third = await t.ok('gaps.create', { processId: p.id, title: 'x', type: 'feedback', frequencyPerMonth: 1, hoursLostPerOccurrence: 1 / 3 });
    await t.ok('departments.update', { id: g.departmentId, loadedHourlyRateCents: 100 });
    expect((await t.ok('gaps.get', { id: third.id })).monthlyCostCents).toBe(33);
    // The rate is read at each read: the cost follows a new rate without touching the gap.
    expect((await t.ok('gaps.get', { id: g.id })).monthlyCostCents).toBe(4_500);
    await t.ok('departments.update', { id: g.departmentId, loadedHourlyRateCents: null });
    expect((await t.ok('gaps.get', { id: g.id })).monthlyCostCents).toBeNull();
  });

  it('is the same in SQL (used to sort) and in JavaScript', async () => {
    t = openTestWorkspace();
    const { d, p } = await finance(1);
    const cases: [number, number, number][] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) cases.push([Math.round(rnd() * 2000) / 10, Math.round(rnd() * 400) / 100, Math.round(rnd() * 20000)]);
    for (const [freq, hours, rate] of cases) {
      await t.ok('departments.update', { id: d.id, loadedHourlyRateCents: rate });
      const g = await t.ok('gaps.create', { processId: p.id, title: 'g', type: 'decision', frequencyPerMonth: freq, hoursLostPerOccurrence: hours });
      expect(g.monthlyCostCents).toBe(monthlyCostCents(freq, hours, rate));
    }
  });
});

describe('gaps.list: filters, sort and paging in SQL', () => {
  interface Made {
    id: string;
    departmentId: string;
    processId: string;
    title: string;
    type: string;
    status: string;
    severity: number;
    owner: string | null;
    foundOn: string;
    cost: number | null;
  }

  /** 3,000 gaps over three departments (one without a loaded rate), written in one write-path transaction. */
  async function manyGaps(): Promise<Made[]> {
    const deps = [
      await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 }),
      await t.ok('departments.create', { name: 'HR', code: 'HR', loadedHourlyRateCents: 5200 }),
      await t.ok('departments.create', { name: 'Supply chain', code: 'SC', loadedHourlyRateCents: null }),
    ];
    const procs: { id: string }[] = [];
    for (const d of deps) procs.push(await t.ok('processes.create', { departmentId: d.id, name: `${d.code} process` }));
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const owners = ['Ana', 'bruno', 'Chloé', null];
    const made: Made[] = [];
    t.ws.writer.write((tx) => {
      for (let i = 0; i < 3000; i++) {
        const k = Math.floor(rnd() * 3);
        const d = deps[k]!;
        const freq = Math.round(rnd() * 40);
        const hours = Math.round(rnd() * 16) / 4;
        const row = {
          department_id: d.id,
          process_id: procs[k]!.id,
          title: `${pick(['Invoice', 'invoice', 'Order', 'badge', 'Zebra'])} ${String(i).padStart(4, '0')}`,
          type: pick(GAP_TYPES),
          status: pick(GAP_STATUSES),
          severity: 1 + Math.floor(rnd() * 5),
          frequency_per_month: freq,
          hours_lost_per_occurrence: hours,
          owner: pick(owners),
          found_on: `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
        };
        const id = tx.insert('gaps', row);
        made.push({
          id, departmentId: d.id, processId: row.process_id, title: row.title, type: row.type, status: row.status,
          severity: row.severity, owner: row.owner, foundOn: row.found_on,
          cost: monthlyCostCents(freq, hours, d.loadedHourlyRateCents),
        });
      }
    });
    return made;
  }

  async function allPages(input: Record<string, unknown>, pageSize = 250): Promise<Gap[]> {
    const out: Gap[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await t.ok('gaps.list', { ...input, limit: pageSize, offset });
      out.push(...page.items);
      if (page.items.length < pageSize) {
        expect(page.total).toBe(out.length);
        return out;
      }
    }
  }

  const byId = (a: Made, b: Made) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('sorts by cost (no cost last, either way), severity, date, title and status, and pages without overlap', async () => {
    t = openTestWorkspace();
    const made = await manyGaps();
    const costDesc = [...made].sort((a, b) =>
      a.cost === null || b.cost === null ? (a.cost === null ? 1 : 0) - (b.cost === null ? 1 : 0) || b.severity - a.severity || -byId(a, b)
        : b.cost - a.cost || b.severity - a.severity || -byId(a, b));
    expect((await allPages({ sortBy: 'cost', sortDir: 'desc' })).map((g) => g.id)).toEqual(costDesc.map((g) => g.id));

    const costAsc = [...made].sort((a, b) =>
      a.cost === null || b.cost === null ? (a.cost === null ? 1 : 0) - (b.cost === null ? 1 : 0) || b.severity - a.severity || byId(a, b)
        : a.cost - b.cost || b.severity - a.severity || byId(a, b));
    const asc = await allPages({ sortBy: 'cost', sortDir: 'asc' }, 333);
    expect(asc.map((g) => g.id)).toEqual(costAsc.map((g) => g.id));
    expect(asc.at(-1)!.monthlyCostCents).toBeNull();

    const sevAsc = [...made].sort((a, b) => a.severity - b.severity || (a.foundOn < b.foundOn ? 1 : a.foundOn > b.foundOn ? -1 : 0) || byId(a, b));
    expect((await allPages({ sortBy: 'severity', sortDir: 'asc' })).map((g) => g.id)).toEqual(sevAsc.map((g) => g.id));

    const dateDesc = [...made].sort((a, b) => (a.foundOn < b.foundOn ? 1 : a.foundOn > b.foundOn ? -1 : -byId(a, b)));
    expect((await allPages({})).map((g) => g.id)).toEqual(dateDesc.map((g) => g.id)); // the default sort

    const lower = (s: string) => s.toLowerCase();
    const titleAsc = [...made].sort((a, b) => (lower(a.title) < lower(b.title) ? -1 : lower(a.title) > lower(b.title) ? 1 : byId(a, b)));
    expect((await allPages({ sortBy: 'title', sortDir: 'asc' })).map((g) => g.id)).toEqual(titleAsc.map((g) => g.id));

    const order = (s: string) => GAP_STATUSES.indexOf(s as (typeof GAP_STATUSES)[number]);
    const statusDesc = [...made].sort((a, b) => order(b.status) - order(a.status) || (a.foundOn < b.foundOn ? 1 : a.foundOn > b.foundOn ? -1 : -byId(a, b)));
    expect((await allPages({ sortBy: 'status', sortDir: 'desc' })).map((g) => g.id)).toEqual(statusDesc.map((g) => g.id));
  });

  it('filters by department, process, type, status, owner, severity range and text, all together', async () => {
    t = openTestWorkspace();
    const made = await manyGaps();
    const fin = t.ws.db.prepare(`SELECT id FROM departments WHERE code = 'FIN'`).pluck().get() as string;
    const input = {
      departmentId: fin, status: ['open', 'addressing'], severityMin: 2, severityMax: 4, owner: 'ANA', text: 'invoice', type: ['information', 'decision', 'expertise'],
    };
    const expected = made
      .filter((g) => g.departmentId === fin && ['open', 'addressing'].includes(g.status) && g.severity >= 2 && g.severity <= 4)
      .filter((g) => g.owner === 'Ana' && g.title.toLowerCase().startsWith('invoice') && ['information', 'decision', 'expertise'].includes(g.type))
      .sort((a, b) => (a.foundOn < b.foundOn ? 1 : a.foundOn > b.foundOn ? -1 : -byId(a, b)));
    expect(expected.length).toBeGreaterThan(5);
    const page = await t.ok('gaps.list', { ...input, limit: 1000 });
    expect(page.items.map((g) => g.id)).toEqual(expected.map((g) => g.id));
    expect(page.total).toBe(expected.length);
    // The rows carry what the register shows.
    expect(page.items[0]).toMatchObject({ departmentName: 'Finance', processName: 'FIN process', stepName: null, interventionCount: 0 });

    const one = await t.ok('gaps.list', { processId: made[1]!.processId, type: 'feedback', status: 'closed', limit: 1000 });
    expect(one.total).toBe(made.filter((g) => g.processId === made[1]!.processId && g.type === 'feedback' && g.status === 'closed').length);
    // Text with nothing searchable in it filters nothing.
    expect((await t.ok('gaps.list', { text: '*** "" ()', limit: 1 })).total).toBe(3000);
  });

  it('refuses bad filters at their field', async () => {
    t = openTestWorkspace();
    expect(await t.core.call('gaps.list', { severityMin: 4, severityMax: 2 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'severityMax' } });
    expect(await t.core.call('gaps.list', { sortBy: 'cost; DROP TABLE gaps' })).toMatchObject({ ok: false, error: { field: 'sortBy' } });
    expect(await t.core.call('gaps.list', { status: ['open', 'nope'] })).toMatchObject({ ok: false, error: { field: 'status' } });
    expect(await t.core.call('gaps.list', { severityMin: 9 })).toMatchObject({ ok: false, error: { field: 'severityMin' } });
  });
});

describe('gaps.priorities', () => {
  it('ranks the open and addressing gaps by cost, then severity, then age, with the inputs of the rank', async () => {
    t = openTestWorkspace();
    const { d, p } = await finance(5000);
    const hr = await t.ok('departments.create', { name: 'HR', code: 'HR' }); // no rate: no cost
    const hrp = await t.ok('processes.create', { departmentId: hr.id, name: 'Onboarding' });
    const mk = (title: string, f: number, h: number, severity: number, foundOn: string, processId = p.id) =>
      t.ok('gaps.create', { processId, title, type: 'information', frequencyPerMonth: f, hoursLostPerOccurrence: h, severity, foundOn });
    const a = await mk('A 10h sev2', 10, 1, 2, '2026-01-10'); // 50,000
    const b = await mk('B 10h sev4', 5, 2, 4, '2026-01-12'); // 50,000, more severe
    const c = await mk('C 20h', 20, 1, 1, '2026-01-01'); // 100,000
    const e = await mk('E 10h sev4 older', 2, 5, 4, '2025-12-01'); // 50,000, as severe as B, older
    const n = await mk('N no rate', 100, 10, 5, '2025-01-01', hrp.id);
    const closed = await mk('closed, costly', 100, 100, 5, '2025-01-01');
    await t.ok('gaps.close', { id: closed.id, evidence: { kind: 'override', justification: 'Process retired by the ERP migration in May.' } });
    const dismissed = await mk('dismissed', 100, 100, 5, '2025-01-01');
    await t.ok('gaps.update', { id: dismissed.id, status: 'dismissed' });

    const all = await t.ok('gaps.priorities', {});
    expect(all.rule).toBe('cost_desc_severity_desc_found_asc');
    expect(all.items.map((x) => x.gap.id)).toEqual([c.id, e.id, b.id, a.id, n.id]);
    expect(all.items.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(all.items[0]).toMatchObject({ monthlyCostCents: 100_000, severity: 1, frequencyPerMonth: 20, hoursLostPerOccurrence: 1, loadedHourlyRateCents: 5000 });
    expect(all.items[4]).toMatchObject({ monthlyCostCents: null, loadedHourlyRateCents: null });
    const page2 = await t.ok('gaps.priorities', { departmentId: d.id, limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 4, offset: 2 });
    expect(page2.items.map((x) => [x.rank, x.gap.id])).toEqual([[3, b.id], [4, a.id]]);
  });
});

describe('saved views', () => {
  it('are created, listed, used and deleted through the write path', async () => {
    t = openTestWorkspace();
    const { d, p } = await finance();
    const hr = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    await t.ok('gaps.create', { processId: p.id, title: 'Severe one', type: 'information', severity: 5 });
    await t.ok('gaps.create', { processId: p.id, title: 'Mild one', type: 'information', severity: 1 });
    const before = logCount();
    const v = await t.ok('savedViews.create', {
      name: 'Severe open loops', filters: { departmentId: d.id, status: ['open', 'addressing'], severityMin: 4 }, sortBy: 'cost', sortDir: 'desc',
    });
    expect(logCount()).toBeGreaterThan(before);
    expect(v).toMatchObject({ departmentId: d.id, entity: 'gaps', sortBy: 'cost', sortDir: 'desc', filters: { departmentId: d.id, status: ['open', 'addressing'], severityMin: 4 } });
    await t.ok('savedViews.create', { name: 'Everything', departmentId: hr.id });
    expect((await t.ok('savedViews.list', {})).map((x) => x.name)).toEqual(['Everything', 'Severe open loops']);
    const [mine] = await t.ok('savedViews.list', { departmentId: d.id });
    // A view reopens as saved: its filters and sort go to gaps.list as they are.
    const page = await t.ok('gaps.list', { ...mine!.filters, sortBy: mine!.sortBy, sortDir: mine!.sortDir });
    expect(page.items.map((g) => g.title)).toEqual(['Severe one']);

    const n = logCount();
    expect(await t.core.call('savedViews.create', { name: 'severe OPEN loops', departmentId: d.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(await t.core.call('savedViews.create', { name: 'No department' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'departmentId' } });
    expect(await t.core.call('savedViews.create', { name: 'Bad', departmentId: d.id, filters: { severityMin: 9 } })).toMatchObject({ ok: false, error: { field: 'filters.severityMin' } });
    expect(await t.core.call('savedViews.create', { name: 'Bad', departmentId: d.id, filters: { colour: 'red' } })).toMatchObject({ ok: false, error: { field: 'filters' } });
    expect(logCount()).toBe(n);

    // Rename, and save the register's current filters and sort into the view.
    const other = await t.ok('savedViews.create', { name: 'Mild ones', departmentId: d.id, filters: { severityMin: 1 } });
    const renamed = await t.ok('savedViews.update', { id: v.id, name: 'Severe OPEN loops' }); // its own name, new case
    expect(renamed).toMatchObject({ name: 'Severe OPEN loops', sortBy: 'cost', filters: { severityMin: 4 } });
    const m = logCount();
    expect(await t.core.call('savedViews.update', { id: v.id, name: 'mild ONES' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(await t.core.call('savedViews.update', { id: v.id, filters: { severityMin: 0 } })).toMatchObject({ ok: false, error: { field: 'filters.severityMin' } });
    expect(await t.core.call('savedViews.update', { id: '01900000-0000-7000-8000-000000000000', name: 'X' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(logCount()).toBe(m);
    const updated = await t.ok('savedViews.update', { id: v.id, filters: { departmentId: d.id, severityMin: 1 }, sortBy: 'title', sortDir: 'asc' });
    expect(updated).toMatchObject({ name: 'Severe OPEN loops', sortBy: 'title', sortDir: 'asc', filters: { departmentId: d.id, severityMin: 1 } });
    expect(logCount()).toBe(m + 3); // filters, sort_by, sort_dir: the name did not change
    const again = await t.ok('gaps.list', { ...updated.filters, sortBy: updated.sortBy, sortDir: updated.sortDir });
    expect(again.items.map((g) => g.title)).toEqual(['Mild one', 'Severe one']);
    await t.ok('savedViews.delete', { id: other.id });

    await t.ok('savedViews.delete', { id: v.id });
    expect((await t.ok('savedViews.list', {})).map((x) => x.name)).toEqual(['Everything']);
    expect(t.ws.db.prepare(`SELECT deleted_at FROM saved_views WHERE id = ?`).pluck().get(v.id)).toBeTruthy(); // a tombstone, so it syncs
    expect(await t.core.call('savedViews.delete', { id: v.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });
});

describe('bad input to gaps changes nothing', () => {
  it('negative frequency, severity 9, unknown type, a deleted process: an error at the field and no log entry', async () => {
    t = openTestWorkspace();
    const { p, s } = await finance();
    const g = await t.ok('gaps.create', { processId: p.id, stepId: s.id, title: 'Fine', type: 'information' });
    const n = logCount();
    const cases: [string, Record<string, unknown>, string][] = [
      ['gaps.create', { processId: p.id, title: 'x', type: 'information', frequencyPerMonth: -1 }, 'frequencyPerMonth'],
      ['gaps.create', { processId: p.id, title: 'x', type: 'information', severity: 9 }, 'severity'],
      ['gaps.create', { processId: p.id, title: 'x', type: 'gossip' }, 'type'],
      ['gaps.create', { processId: p.id, title: 'x', type: 'information', hoursLostPerOccurrence: -0.5 }, 'hoursLostPerOccurrence'],
      ['gaps.update', { id: g.id, severity: 0 }, 'severity'],
      ['gaps.update', { id: g.id, frequencyPerMonth: -3 }, 'frequencyPerMonth'],
      ['gaps.update', { id: g.id, status: 'closed' }, 'status'],
      ['gaps.update', { id: g.id, status: 'addressing' }, 'status'],
    ];
    for (const [name, input, field] of cases) {
      const r = await t.core.call(name as 'gaps.create', input);
      expect(r, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    expect(logCount()).toBe(n);
    await t.ok('processes.delete', { id: (await t.ok('processes.create', { departmentId: p.departmentId, name: 'Gone' })).id });
    const gone = t.ws.db.prepare(`SELECT id FROM processes WHERE name = 'Gone'`).pluck().get() as string;
    const n2 = logCount();
    expect(await t.core.call('gaps.create', { processId: gone, title: 'x', type: 'information' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'processId' } });
    expect(logCount()).toBe(n2);
    expect(n2).toBeGreaterThan(n);
    expect((await t.ok('gaps.get', { id: g.id })).severity).toBe(3);
  });
});
