import { afterEach, describe, expect, it } from 'vitest';
import { INTERVENTION_STATUSES, type InterventionStatus } from '../../src-shared/domain';
import { INTERVENTION_TRANSITIONS } from '../../src-shared/interventions/workflow';
import { todayIso } from '../../src-main/db/ids';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const logCount = () => t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
const lastSeq = () => t.ws.db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).pluck().get() as number;

async function setup() {
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
  const p = await t.ok('processes.create', { departmentId: d.id, name: 'Order-to-cash' });
  const gap = (title: string) => t.ok('gaps.create', { processId: p.id, title, type: 'information' });
  const itv = (title: string, extra: Record<string, unknown> = {}) =>
    t.ok('interventions.create', { departmentId: d.id, title, kind: 'qa_forum', platform: 'Teams', ...extra });
  return { d, p, gap, itv };
}

const status = async (id: string) => (await t.ok('gaps.get', { id })).status;

describe('the intervention workflow', () => {
  it('allows exactly the transitions of INTERVENTION_TRANSITIONS, and says why otherwise at `status`', async () => {
    t = openTestWorkspace();
    const { itv } = await setup();
    for (const from of INTERVENTION_STATUSES) {
      for (const to of INTERVENTION_STATUSES) {
        if (from === to) continue;
        const i = await itv(`${from} → ${to}`, { status: from, startDate: '2026-01-05', endDate: from === 'done' || from === 'stopped' ? '2026-02-01' : null });
        const n = logCount();
        const r = await t.core.call('interventions.update', { id: i.id, status: to });
        if (INTERVENTION_TRANSITIONS[from].includes(to)) {
          expect(r, `${from} → ${to}`).toMatchObject({ ok: true, data: { status: to } });
        } else {
          expect(r, `${from} → ${to}`).toMatchObject({ ok: false, error: { code: 'validation', field: 'status' } });
          expect(logCount()).toBe(n);
          expect((await t.ok('interventions.get', { id: i.id })).status).toBe(from);
        }
      }
    }
    // The rule as decided: forward along idea → planned → running → done / stopped, a plan back to
    // the ideas, and done / stopped only through restart.
    const allowed = (from: InterventionStatus) => [...INTERVENTION_TRANSITIONS[from]].sort();
    expect(allowed('idea')).toEqual(['planned', 'stopped']);
    expect(allowed('planned')).toEqual(['idea', 'running', 'stopped']);
    expect(allowed('running')).toEqual(['done', 'stopped']);
    expect(allowed('done')).toEqual([]);
    expect(allowed('stopped')).toEqual([]);
  });

  it('restarts a done or stopped intervention explicitly, and only those', async () => {
    t = openTestWorkspace();
    const { itv, gap } = await setup();
    const g = await gap('Disputes reach collectors late');
    const i = await itv('Collections Q&A', { status: 'running', startDate: '2026-01-05' });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: i.id });
    const stopped = await t.ok('interventions.update', { id: i.id, status: 'stopped' });
    expect(stopped.endDate).toBe(todayIso()); // it ended today, since no end date was given
    expect(await status(g.id)).toBe('open');
    const back = await t.core.call('interventions.update', { id: i.id, status: 'running' });
    expect(back).toMatchObject({ ok: false, error: { field: 'status', message: expect.stringContaining('restart') } });
    const again = await t.ok('interventions.restart', { id: i.id });
    expect(again).toMatchObject({ status: 'running', startDate: '2026-01-05', endDate: null });
    expect(await status(g.id)).toBe('addressing');
    expect(await t.core.call('interventions.restart', { id: i.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'status' } });
  });

  it('dates follow the status: running without a start starts today', async () => {
    t = openTestWorkspace();
    const { itv } = await setup();
    const i = await itv('Wiki', { status: 'planned' });
    expect(i.startDate).toBeNull();
    expect((await t.ok('interventions.update', { id: i.id, status: 'running' })).startDate).toBe(todayIso());
    const created = await itv('Running already', { status: 'running' });
    expect(created.startDate).toBe(todayIso());
  });
});

describe('a gap becomes addressing when a running intervention is linked', () => {
  it('follows link add/remove, status changes and deletes, in the same transaction', async () => {
    t = openTestWorkspace();
    const { gap, itv } = await setup();
    const g = await gap('Credit holds wait for a decision');
    const idea = await itv('Credit alert in Teams', { kind: 'social_workflow' });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: idea.id });
    expect(await status(g.id)).toBe('open'); // an idea does not address anything yet
    await t.ok('interventions.update', { id: idea.id, status: 'planned' });
    expect(await status(g.id)).toBe('open');

    const n = lastSeq();
    await t.ok('interventions.update', { id: idea.id, status: 'running' });
    expect(await status(g.id)).toBe('addressing');
    // The intervention's status and the gap's status were written by ONE transaction.
    const txs = t.ws.db.prepare(`SELECT DISTINCT tx_id FROM change_log WHERE seq > ?`).pluck().all(n) as string[];
    expect(txs).toHaveLength(1);
    expect(t.ws.db.prepare(`SELECT entity, field FROM change_log WHERE seq > ? AND entity = 'gaps'`).all(n)).toEqual([{ entity: 'gaps', field: 'status' }]);

    // done keeps it addressing: the work is delivered, the gap waits for its proof.
    await t.ok('interventions.update', { id: idea.id, status: 'done' });
    expect(await status(g.id)).toBe('addressing');
    // Unlinking the last acting intervention brings it back to open.
    await t.ok('links.gapIntervention.remove', { gapId: g.id, interventionId: idea.id });
    expect(await status(g.id)).toBe('open');

    // Several interventions: addressing while one of them runs.
    const a = await itv('A', { status: 'running', startDate: '2026-01-01' });
    const b = await itv('B', { status: 'running', startDate: '2026-01-01' });
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: a.id });
    expect(await status(g.id)).toBe('addressing');
    await t.ok('links.gapIntervention.add', { gapId: g.id, interventionId: b.id });
    await t.ok('interventions.update', { id: a.id, status: 'stopped' });
    expect(await status(g.id)).toBe('addressing');
    await t.ok('interventions.delete', { id: b.id });
    expect(await status(g.id)).toBe('open');
  });

  it('leaves dismissed and closed gaps alone; undismissing follows the links', async () => {
    t = openTestWorkspace();
    const { gap, itv } = await setup();
    const dismissed = await gap('Not worth it');
    await t.ok('gaps.update', { id: dismissed.id, status: 'dismissed' });
    const running = await itv('Runs', { status: 'running', startDate: '2026-01-01' });
    await t.ok('links.gapIntervention.add', { gapId: dismissed.id, interventionId: running.id });
    expect(await status(dismissed.id)).toBe('dismissed');
    await t.ok('gaps.update', { id: dismissed.id, status: 'open' });
    expect(await status(dismissed.id)).toBe('addressing');

    const closed = await gap('Closed with a reason');
    await t.ok('gaps.close', { id: closed.id, evidence: { kind: 'override', justification: 'The supplier portal replaced the whole step.' } });
    await t.ok('links.gapIntervention.add', { gapId: closed.id, interventionId: running.id });
    expect(await status(closed.id)).toBe('closed');
    await t.ok('interventions.update', { id: running.id, status: 'done' });
    expect(await status(closed.id)).toBe('closed');
    expect((await t.ok('gaps.get', { id: closed.id })).interventionCount).toBe(1);
  });
});

describe('kinds and platforms', () => {
  it('accept the built-in ones and the department\'s own, and refuse others at `kind` / `platform`', async () => {
    t = openTestWorkspace();
    const { d, itv } = await setup();
    const hr = await t.ok('departments.create', { name: 'HR', code: 'HR' });
    const n = logCount();
    expect(await t.core.call('interventions.create', { departmentId: d.id, title: 'x', kind: 'lunch_and_learn' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'kind' },
    });
    expect(await t.core.call('interventions.create', { departmentId: d.id, title: 'x', kind: 'qa_forum', platform: 'MySpace' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'platform' },
    });
    expect(logCount()).toBe(n);

    const kind = await t.ok('vocabulary.add', { departmentId: d.id, kind: 'intervention_kind', label: 'Lunch & learn' });
    expect(kind).toMatchObject({ code: 'lunch_learn', builtIn: false, label: { en: 'Lunch & learn', fr: 'Lunch & learn' }, departmentId: d.id });
    const plat = await t.ok('vocabulary.add', { departmentId: d.id, kind: 'platform', label: 'Workplace' });
    expect(plat.code).toBe('Workplace');
    const i = await itv('Monthly lunch & learn', { kind: 'Lunch_Learn', platform: 'workplace' });
    expect(i).toMatchObject({ kind: 'lunch_learn', platform: 'Workplace' }); // stored as the code
    expect((await t.ok('interventions.update', { id: i.id, kind: 'QA_FORUM', platform: 'teams' }))).toMatchObject({ kind: 'qa_forum', platform: 'Teams' });
    // Another department does not have Finance's own kind.
    expect(await t.core.call('interventions.create', { departmentId: hr.id, title: 'x', kind: 'lunch_learn' })).toMatchObject({ ok: false, error: { field: 'kind' } });
    expect(await t.core.call('interventions.update', { id: i.id, kind: 'nope' })).toMatchObject({ ok: false, error: { field: 'kind' } });

    const list = await t.ok('vocabulary.list', { kind: 'intervention_kind', departmentId: d.id });
    expect(list.filter((e) => e.builtIn)).toHaveLength(9);
    expect(list.find((e) => e.code === 'qa_forum')!.label).toEqual({ en: 'Q&A forum', fr: 'Forum questions-réponses' });
    expect(list.filter((e) => !e.builtIn).map((e) => e.code)).toEqual(['lunch_learn']);
    expect((await t.ok('vocabulary.list', { kind: 'intervention_kind', departmentId: hr.id })).filter((e) => !e.builtIn)).toEqual([]);

    expect(await t.core.call('vocabulary.add', { departmentId: d.id, kind: 'intervention_kind', label: 'Q&A forum', code: 'QA_forum' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } });
    expect(await t.core.call('vocabulary.add', { departmentId: d.id, kind: 'intervention_kind', label: 'Lunch & Learn' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'label' } });
    expect(await t.core.call('vocabulary.add', { departmentId: d.id, kind: 'colour', label: 'Red' })).toMatchObject({ ok: false, error: { field: 'kind' } });

    // In use: cannot be removed; once unused, it can.
    const m = await itv('Uses lunch', { kind: 'lunch_learn' });
    expect(await t.core.call('vocabulary.remove', { id: kind.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.ok('interventions.delete', { id: m.id });
    await t.ok('vocabulary.remove', { id: kind.id });
    expect((await t.ok('vocabulary.list', { kind: 'intervention_kind' })).filter((e) => !e.builtIn)).toEqual([]);
  });
});

describe('bad input to interventions and links changes nothing', () => {
  it('a forbidden transition, an unknown kind, a link to a deleted gap or intervention', async () => {
    t = openTestWorkspace();
    const { gap, itv } = await setup();
    const g = await gap('Live');
    const deletedGap = await gap('Deleted');
    await t.ok('gaps.delete', { id: deletedGap.id });
    const i = await itv('Q&A', { status: 'idea' });
    const deletedItv = await itv('Gone');
    await t.ok('interventions.delete', { id: deletedItv.id });
    const n = logCount();
    expect(await t.core.call('interventions.update', { id: i.id, status: 'done' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'status' } });
    expect(await t.core.call('interventions.update', { id: i.id, status: 'running', title: 'Renamed' })).toMatchObject({ ok: false, error: { field: 'status' } });
    expect(await t.core.call('interventions.update', { id: i.id, kind: 'telepathy' })).toMatchObject({ ok: false, error: { field: 'kind' } });
    expect(await t.core.call('interventions.update', { id: i.id, status: 'stopped', startDate: '2026-02-01', endDate: '2026-01-01' })).toMatchObject({ ok: false, error: { field: 'endDate' } });
    expect(await t.core.call('links.gapIntervention.add', { gapId: deletedGap.id, interventionId: i.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'gapId' } });
    expect(await t.core.call('links.gapIntervention.add', { gapId: g.id, interventionId: deletedItv.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'interventionId' } });
    expect(await t.core.call('links.gapIntervention.remove', { gapId: g.id, interventionId: i.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.core.call('interventions.create', { departmentId: g.departmentId, title: 'x', kind: 'qa_forum', oneOffCostCents: -5 })).toMatchObject({ ok: false, error: { field: 'oneOffCostCents' } });
    expect(logCount()).toBe(n);
    expect((await t.ok('interventions.get', { id: i.id })).title).toBe('Q&A');
  });
});
