import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src-main/db/ids';
import { D } from '../fixtures/impact/datasets';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const logCount = () => t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
const JUSTIFICATION = 'The step was removed when invoices moved to the e-invoicing hub in March.';

/** A gap, a running intervention linked to it, and a DSO indicator (lower is better, target 45). */
async function loop() {
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
  const p = await t.ok('processes.create', { departmentId: d.id, name: 'Order-to-cash' });
  const gap = await t.ok('gaps.create', { processId: p.id, title: 'Disputes reach collectors late', type: 'information', foundOn: '2025-06-01' });
  const itv = await t.ok('interventions.create', {
    departmentId: d.id, title: 'Collections Q&A', kind: 'qa_forum', platform: 'Teams', status: 'running', startDate: '2026-01-01',
  });
  await t.ok('links.gapIntervention.add', { gapId: gap.id, interventionId: itv.id });
  const ind = await t.ok('indicators.create', {
    departmentId: d.id, name: 'DSO', unit: 'days', direction: 'lower', targetValue: 45, processId: p.id,
  });
  const measure = async (values: [string, number][]) => {
    for (const [period, value] of values) await t.ok('measurements.create', { indicatorId: ind.id, period, value });
  };
  return { d, p, gap, itv, ind, measure };
}

async function refused(input: Record<string, unknown>, field: string, message?: RegExp) {
  const n = logCount();
  const before = await t.ok('gaps.get', { id: input.id as string });
  const r = await t.core.call('gaps.close', input);
  expect(r).toMatchObject({ ok: false, error: { field } });
  if (message && !r.ok) expect(r.error.message).toMatch(message);
  expect(logCount()).toBe(n);
  expect(await t.ok('gaps.get', { id: input.id as string })).toEqual(before);
}

describe('closing a gap needs proof', () => {
  it('refuses a closing without evidence, and an override without a real justification', async () => {
    t = openTestWorkspace();
    const { gap } = await loop();
    await refused({ id: gap.id }, 'evidence', /only with proof/);
    await refused({ id: gap.id, evidence: { kind: 'override', justification: 'because' } }, 'evidence.justification', /at least 20/);
    await refused({ id: gap.id, evidence: { kind: 'override', justification: '          padded to twenty        ' } }, 'evidence.justification');
    await refused({ id: gap.id, evidence: { kind: 'vibes' } }, 'evidence.kind');
    await refused({ id: gap.id, evidence: { kind: 'override', justification: JUSTIFICATION }, closedOn: '2025-05-01' }, 'closedOn');
    await refused({ id: gap.id, evidence: { kind: 'override', justification: JUSTIFICATION }, closedOn: '2999-01-01' }, 'closedOn');
  });

  it('override: closes with the written justification, kept and shown', async () => {
    t = openTestWorkspace();
    const { gap } = await loop();
    const closed = await t.ok('gaps.close', { id: gap.id, evidence: { kind: 'override', justification: `  ${JUSTIFICATION}  ` }, closedOn: '2026-03-01' });
    expect(closed).toMatchObject({
      status: 'closed', closedOn: '2026-03-01', closureKind: 'override', closureNote: JUSTIFICATION, closureEvidence: null,
    });
    expect(await t.ok('gaps.get', { id: gap.id })).toMatchObject({ closureKind: 'override', closureNote: JUSTIFICATION });
    expect(await t.core.call('gaps.close', { id: gap.id, evidence: { kind: 'override', justification: JUSTIFICATION } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'status' },
    });
  });

  it('indicator_target: the latest value of a linked indicator meets its target, direction-aware', async () => {
    t = openTestWorkspace();
    const { d, gap, itv, ind, measure } = await loop();
    const evidence = { kind: 'indicator_target', indicatorId: ind.id };
    await refused({ id: gap.id, evidence }, 'evidence', /not linked/);
    // Linked to the intervention that is linked to the gap: that counts.
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'intervention', targetId: itv.id });
    await refused({ id: gap.id, evidence }, 'evidence', /no measurement/);
    await measure([['2026-01-31', 44], ['2026-02-28', 47]]); // the LATEST is 47 days: above a target of 45
    await refused({ id: gap.id, evidence }, 'evidence', /47 days on 2026-02-28\) does not meet its target \(45 days, lower is better/);
    await measure([['2026-03-31', 45]]); // exactly on target: met
    const closed = await t.ok('gaps.close', { id: gap.id, evidence: { ...evidence, note: 'DSO back on target' } });
    expect(closed).toMatchObject({
      status: 'closed', closureKind: 'indicator_target', closureNote: 'DSO back on target',
      closureEvidence: { kind: 'indicator_target', indicatorId: ind.id, indicatorName: 'DSO', direction: 'lower', targetValue: 45, latestPeriod: '2026-03-31', latestValue: 45 },
    });

    // Higher is better: below target refused. No target: refused. Linked straight to the gap.
    const p2 = await t.ok('processes.create', { departmentId: d.id, name: 'Record-to-report' });
    const g2 = await t.ok('gaps.create', { processId: p2.id, title: 'Close takes too long', type: 'coordination' });
    const pct = await t.ok('indicators.create', { departmentId: d.id, name: 'Invoices paid on time', unit: '%', direction: 'higher', targetValue: 95 });
    await t.ok('links.indicator.add', { indicatorId: pct.id, target: 'gap', targetId: g2.id });
    await t.ok('measurements.create', { indicatorId: pct.id, period: '2026-01-31', value: 94.9 });
    await refused({ id: g2.id, evidence: { kind: 'indicator_target', indicatorId: pct.id } }, 'evidence', /does not meet/);
    await t.ok('measurements.create', { indicatorId: pct.id, period: '2026-02-28', value: 96 });
    const noTarget = await t.ok('indicators.create', { departmentId: d.id, name: 'Posts', direction: 'higher' });
    await t.ok('links.indicator.add', { indicatorId: noTarget.id, target: 'gap', targetId: g2.id });
    await t.ok('measurements.create', { indicatorId: noTarget.id, period: '2026-02-28', value: 96 });
    await refused({ id: g2.id, evidence: { kind: 'indicator_target', indicatorId: noTarget.id } }, 'evidence', /no target/);
    expect((await t.ok('gaps.close', { id: g2.id, evidence: { kind: 'indicator_target', indicatorId: pct.id } })).status).toBe('closed');
  });

  it('measured_improvement: the Impact tab’s rule and numbers, and not by an intervention older than the gap without a reason', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'Order-to-cash' });
    const gap = await t.ok('gaps.create', { processId: p.id, title: 'Disputes reach collectors late', type: 'information', foundOn: '2023-06-01' });
    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Collections Q&A', kind: 'qa_forum', status: 'running', startDate: '2024-01-01', rampUpMonths: 0 });
    await t.ok('links.gapIntervention.add', { gapId: gap.id, interventionId: itv.id });
    const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'DSO', unit: 'days', direction: 'lower', targetValue: 30 });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'gap', targetId: gap.id });
    const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    // 60 − dataset D: a clear fall of about 2.3 days at the start (R's figures for D, mirrored).
    const rows = D.map((v, i) => ({ period: month(i), value: Number((60 - v).toFixed(2)) }));
    await t.ok('measurements.upsertMany', { indicatorId: ind.id, values: rows.slice(0, 27) });
    const evidence = { kind: 'measured_improvement', indicatorId: ind.id, interventionId: itv.id };
    // Three months after the start: the Impact tab has not enough data, and neither has the closing.
    await refused({ id: gap.id, evidence }, 'evidence', /^No measured improvement of "DSO" by "Collections Q&A": the Impact tab's verdict is "not enough data" \(not enough points before and after\)$/);
    await t.ok('measurements.upsertMany', { indicatorId: ind.id, values: rows.slice(27) });
    const impact = await t.ok('impact.compute', { interventionId: itv.id, indicatorId: ind.id });
    expect(impact.verdict).toBe('improved');
    const closed = await t.ok('gaps.close', { id: gap.id, evidence });
    expect(closed.closureKind).toBe('measured_improvement');
    expect(closed.closureEvidence).toMatchObject({
      kind: 'measured_improvement', interventionId: itv.id, interventionTitle: 'Collections Q&A', startDate: '2024-01-01', method: 'interrupted_time_series',
      effect: impact.effect!.estimate, low: impact.effect!.low, high: impact.effect!.high, window: { from: '2022-01-01', to: '2024-12-01' },
      before: { n: 24 }, after: { n: 12 },
    });
    expect((closed.closureEvidence as { effect: number }).effect).toBeCloseTo(-2.2884586956521691, 6);

    // An intervention that started before the gap was found proves it only with a written reason.
    const late = await t.ok('gaps.create', { processId: p.id, title: 'Collectors lack dispute status', type: 'information', foundOn: '2024-06-01' });
    await t.ok('links.gapIntervention.add', { gapId: late.id, interventionId: itv.id });
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'gap', targetId: late.id });
    await refused({ id: late.id, evidence }, 'evidence.earlierStartReason',
      /^"Collections Q&A" started on 2024-01-01, before this gap was found \(2024-06-01\): its effect proves this gap closed only if you write why \(at least 20 characters\)$/);
    await refused({ id: late.id, evidence: { ...evidence, earlierStartReason: 'Same loop' } }, 'evidence.earlierStartReason');
    const why = 'The gap was logged late: collectors raised it in the 2024 survey, but it is the loop the forum closed.';
    const lateClosed = await t.ok('gaps.close', { id: late.id, evidence: { ...evidence, earlierStartReason: why } });
    expect(lateClosed.closureEvidence).toMatchObject({ earlierStartReason: why });

    // No clear effect (a flat indicator), an unlinked intervention, an intervention without a start.
    const g2 = await t.ok('gaps.create', { processId: p.id, title: 'Late approvals', type: 'decision', foundOn: '2023-01-01' });
    const flat = await t.ok('indicators.create', { departmentId: d.id, name: 'Approvals same day', unit: '%', direction: 'higher' });
    await t.ok('links.indicator.add', { indicatorId: flat.id, target: 'gap', targetId: g2.id });
    await t.ok('measurements.upsertMany', { indicatorId: flat.id, values: D.map((_, i) => ({ period: month(i), value: 60 + ((i * 7) % 5) - 2 })) });
    const ev2 = { kind: 'measured_improvement', indicatorId: flat.id, interventionId: itv.id };
    await refused({ id: g2.id, evidence: ev2 }, 'evidence', /not linked to this gap/);
    await t.ok('links.gapIntervention.add', { gapId: g2.id, interventionId: itv.id });
    await refused({ id: g2.id, evidence: ev2 }, 'evidence', /the Impact tab's verdict is "no clear effect" \(/);
    const noStart = await t.ok('interventions.create', { departmentId: d.id, title: 'Someday', kind: 'mentoring' });
    await t.ok('links.gapIntervention.add', { gapId: g2.id, interventionId: noStart.id });
    await refused({ id: g2.id, evidence: { ...ev2, interventionId: noStart.id } }, 'evidence', /no start date/);
  });

  it('refuses a dismissed gap and a deleted indicator', async () => {
    t = openTestWorkspace();
    const { gap, ind } = await loop();
    await t.ok('links.indicator.add', { indicatorId: ind.id, target: 'gap', targetId: gap.id });
    await t.ok('indicators.delete', { id: ind.id });
    await refused({ id: gap.id, evidence: { kind: 'indicator_target', indicatorId: ind.id } }, 'evidence');
    await t.ok('gaps.update', { id: gap.id, status: 'dismissed' });
    await refused({ id: gap.id, evidence: { kind: 'override', justification: JUSTIFICATION } }, 'status');
  });
});

describe('reopening', () => {
  it('is recorded with its reason, goes back to open or addressing, and every closing stays in gaps.closings', async () => {
    t = openTestWorkspace();
    const { gap, itv } = await loop();
    expect(await t.core.call('gaps.reopen', { id: gap.id, reason: 'It came back' })).toMatchObject({ ok: false, error: { field: 'status' } });
    await t.ok('gaps.close', { id: gap.id, evidence: { kind: 'override', justification: JUSTIFICATION }, closedOn: '2026-02-01' });
    expect(await t.core.call('gaps.reopen', { id: gap.id, reason: '' })).toMatchObject({ ok: false, error: { field: 'reason' } });

    const reopened = await t.ok('gaps.reopen', { id: gap.id, reason: 'Disputes are late again since the reorganisation' });
    // The running intervention is still linked: straight back to addressing.
    expect(reopened).toMatchObject({
      status: 'addressing', reopenedOn: todayIso(), reopenReason: 'Disputes are late again since the reorganisation',
      closedOn: null, closureKind: null, closureNote: null,
    });
    await t.ok('interventions.update', { id: itv.id, status: 'stopped' });
    expect((await t.ok('gaps.get', { id: gap.id })).status).toBe('open');
    await t.ok('gaps.close', { id: gap.id, evidence: { kind: 'override', justification: 'Second closing: the dispute desk now owns the whole step.' } });
    const again = await t.ok('gaps.reopen', { id: gap.id, reason: 'Still happening' });
    expect(again.status).toBe('open');

    const closings = await t.ok('gaps.closings', { id: gap.id });
    expect(closings.map((c) => c.action)).toEqual(['closed', 'reopened', 'closed', 'reopened']);
    expect(closings[0]).toMatchObject({ closedOn: '2026-02-01', closureKind: 'override', closureNote: JUSTIFICATION, local: true, nodeId: t.ws.nodeId });
    expect(closings[1]).toMatchObject({ reopenReason: 'Disputes are late again since the reorganisation', reopenedOn: todayIso() });
    expect(closings[2]!.closureNote).toBe('Second closing: the dispute desk now owns the whole step.');
    expect(closings[3]!.reopenReason).toBe('Still happening');
    expect(Date.parse(closings[0]!.at)).toBeLessThanOrEqual(Date.parse(closings[3]!.at));
  });
});
