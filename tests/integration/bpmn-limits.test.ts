import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BPMN_DEPTH, MAX_BPMN_ELEMENTS } from '../../src-main/services/processes/bpmn-limits';
import { BPMN_INLINE_CHARS } from '../../src-main/core/bpmn-jobs';
import type { BpmnJob } from '../../src-shared/processes/bpmn';
import { manyTasksBpmn, nestedBpmn } from '../helpers/bpmn-generate';
import { openTestSession, type TestSession } from '../helpers/safety';

// BPMN files past the limits are refused in words (no stack overflow, no minutes of parsing); big
// files within them are imported on a worker thread, with progress, while other calls are answered.

let t: TestSession | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const footprint = (s: TestSession) => s.session.workspace.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;

describe('BPMN limits', () => {
  it('refuses 20,000 nested sub-processes with a clear error instead of overflowing the stack', async () => {
    t = openTestSession();
    const e = await t.fail('bpmn.import', { xml: nestedBpmn(20_000), departmentName: 'Ops' });
    expect(e).toMatchObject({ code: 'validation', field: 'xml', key: 'bpmn.too_deep' });
    expect(e.message).toBe(`This BPMN file nests elements more than ${MAX_BPMN_DEPTH} levels deep (line 2): no real process model does; it was not imported`);
    expect(footprint(t)).toBe(0);
    // A real nesting depth is fine.
    await t.ok('bpmn.import', { xml: nestedBpmn(20), departmentName: 'Ops' });
  });

  it('refuses a file of more elements than any real model, before parsing it', async () => {
    t = openTestSession();
    const xml = manyTasksBpmn(Math.ceil(MAX_BPMN_ELEMENTS / 7), { diagram: true });
    const job = await t.ok('bpmn.importStart', { xml, fileName: 'huge.bpmn', departmentName: 'Ops' });
    let j: BpmnJob = job;
    while (j.phase !== 'done' && j.phase !== 'failed') {
      await new Promise((r) => setTimeout(r, 50));
      j = await t.ok('bpmn.jobs.get', { jobId: job.id });
    }
    expect(j.phase).toBe('failed');
    expect(j.error).toMatchObject({ code: 'validation', key: 'bpmn.too_many_elements' });
    expect(footprint(t)).toBe(0);
  });

  it('refuses a file over the size limit from its size', async () => {
    t = openTestSession();
    const e = await t.fail('bpmn.import', { xml: ' '.repeat(30_000_001), departmentName: 'Ops' });
    expect(e).toMatchObject({ code: 'validation', field: 'xml', key: 'bpmn.too_large' });
  });

  it('imports a large model on a worker thread: progress shows, other calls are answered meanwhile, stamps follow on', async () => {
    t = openTestSession();
    const dep = await t.ok('departments.create', { name: 'Operations', code: 'OPS' });
    const xml = manyTasksBpmn(2_500, { diagram: true });
    expect(xml.length).toBeGreaterThan(BPMN_INLINE_CHARS);
    const job = await t.ok('bpmn.importStart', { xml, fileName: 'large.bpmn', departmentId: dep.id });
    // Answered while the import runs: the thread that answers calls is free.
    const list = await t.ok('departments.list', {});
    const during = await t.ok('bpmn.jobs.get', { jobId: job.id });
    expect(list.total).toBe(1);
    expect(during.phase).not.toBe('done');
    const phases = new Set<string>();
    let j: BpmnJob = during;
    while (j.phase !== 'done' && j.phase !== 'failed') {
      phases.add(j.phase);
      await new Promise((r) => setTimeout(r, 10));
      j = await t.ok('bpmn.jobs.get', { jobId: job.id });
    }
    expect(j.error).toBeNull();
    expect(j.result).toMatchObject({ steps: 2_500, created: 1 });
    expect(j.fraction).toBe(1);
    expect(phases.size).toBeGreaterThanOrEqual(2);
    // This thread writes again afterwards, its clock after the worker's.
    const lastOfWorker = t.session.workspace.db.prepare(`SELECT MAX(hlc) FROM change_log`).pluck().get() as string;
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const mine = t.session.workspace.db.prepare(`SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(mine > lastOfWorker).toBe(true);
  }, 120_000);

  it('refuses this thread\'s writes at once, in words, while a worker thread writes', async () => {
    t = openTestSession();
    const ws = t.session.workspace;
    ws.gate.worker = { task: 'bpmn.import', label: 'the BPMN import of large.bpmn' };
    const e = await t.fail('departments.create', { name: 'Finance', code: 'FIN' });
    expect(e).toMatchObject({ code: 'conflict', key: 'write.worker_busy' });
    expect(e.message).toBe('Not saved: the BPMN import of large.bpmn is being written to the workspace. Try again when it has finished');
    expect((await t.ok('departments.list', {})).total).toBe(0);
    ws.gate.worker = null;
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
  });
});
