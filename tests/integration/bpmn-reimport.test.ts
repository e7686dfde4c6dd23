import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../src-shared/processes/map';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';

// Re-importing a BPMN file updates what the first import created (matched by BPMN element ids),
// keeps the gaps logged on surviving steps, and soft-deletes the steps that left the file.

const ORIGINAL = fs.readFileSync(path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn'), 'utf8');

/** The invoice process after a redesign: archiving is gone, a VAT check is new, a task was renamed. */
function redesigned(): string {
  const replace = (s: string, from: string | RegExp, to: string) => {
    const out = s.replace(from, to);
    if (out === s) throw new Error(`The fixture changed: ${String(from)} not found`);
    return out;
  };
  let x = ORIGINAL;
  x = replace(x, /<serviceTask id="archiveInvoice"[\s\S]*?<\/serviceTask>/, '');
  x = replace(x, /<sequenceFlow id="SequenceFlow_3"[^>]*\/>/, '');
  x = replace(x, '<flowNodeRef>archiveInvoice</flowNodeRef>', '<flowNodeRef>checkVat</flowNodeRef>');
  x = replace(x, 'sourceRef="prepareBankTransfer" targetRef="archiveInvoice"', 'sourceRef="prepareBankTransfer" targetRef="checkVat"');
  x = replace(
    x,
    '<callActivity id="invoiceClarification"',
    '<userTask id="checkVat" name="Check VAT number" /><sequenceFlow id="vatDone" sourceRef="checkVat" targetRef="invoiceProcessed" />\n<callActivity id="invoiceClarification"',
  );
  x = replace(x, 'name="Approve Invoice"', 'name="Approve the invoice"');
  return x;
}

let t: TestWorkspace;
let departmentId: string;
beforeEach(async () => {
  t = openTestWorkspace();
  departmentId = (await t.ok('departments.create', { name: 'Finance', code: 'FIN' })).id;
});
afterEach(() => t.cleanup());

const importAs = (xml: string, fileName = 'invoice.bpmn') => t.ok('bpmn.import', { xml, fileName, departmentId });
const stepNamed = (m: ProcessMap, name: string) => m.steps.find((s) => s.name === name);
const count = (sql: string, ...params: unknown[]) => t.ws.db.prepare(sql).pluck().get(...params) as number;

describe('BPMN re-import', () => {
  it('updates the process it created, keeps gaps on surviving steps, soft-deletes removed steps and keeps their gaps on the process', async () => {
    const first = await importAs(ORIGINAL);
    expect(first).toMatchObject({ created: 1, updated: 0, steps: 7 });
    const processId = first.processes[0]!.id;
    const m1 = await t.ok('processes.map', { processId });
    const approve = stepNamed(m1, 'Approve Invoice')!;
    const archive = stepNamed(m1, 'Archive Invoice')!;
    const kept = await t.ok('gaps.create', { processId, stepId: approve.id, title: 'Approvers do not know the budget', type: 'information', severity: 4 });
    const orphan = await t.ok('gaps.create', { processId, stepId: archive.id, title: 'Archive is slow', type: 'coordination' });
    const mine = await t.ok('steps.create', { processId, name: 'Call the supplier', lane: 'Team Assistant' });

    const second = await importAs(redesigned());
    expect(second).toMatchObject({ created: 0, updated: 1 });
    expect(second.processes[0]).toMatchObject({ id: processId, status: 'updated', steps: 7, stepsCreated: 1, stepsRemoved: 1 });
    expect(second.warnings.some((w) => w.includes('archiveInvoice'))).toBe(true); // its diagram shape now points at nothing

    // no duplicate process, no duplicate step
    expect(count(`SELECT COUNT(*) FROM processes WHERE department_id = ? AND deleted_at IS NULL`, departmentId)).toBe(1);
    const m2 = await t.ok('processes.map', { processId });
    expect(m2.steps).toHaveLength(8); // 7 from the file + the one added by hand
    expect(new Set(m2.steps.map((s) => s.sourceKey)).size).toBe(8);

    // the renamed step is the same row, and its gap is still on it
    const renamed = stepNamed(m2, 'Approve the invoice')!;
    expect(renamed.id).toBe(approve.id);
    expect(renamed.gaps).toEqual({ openGaps: 1, worstSeverity: 4 });
    expect((await t.ok('gaps.get', { id: kept.id })).stepId).toBe(approve.id);

    // the removed step is soft-deleted; its gap stays on the process, on no step
    expect(stepNamed(m2, 'Archive Invoice')).toBeUndefined();
    expect(t.ws.db.prepare(`SELECT deleted_at FROM steps WHERE id = ?`).pluck().get(archive.id)).not.toBeNull();
    const moved = await t.ok('gaps.get', { id: orphan.id });
    expect(moved).toMatchObject({ processId, stepId: null, status: 'open' });
    expect(m2.processGaps).toEqual({ openGaps: 1, worstSeverity: 3 });
    expect(m2.flows.some((f) => f.fromStepId === archive.id || f.toStepId === archive.id)).toBe(false);

    // the new step is in its lane, after the step that leads to it; the hand-made step comes last
    const vat = stepNamed(m2, 'Check VAT number')!;
    expect(vat).toMatchObject({ lane: 'Accountant', kind: 'user_task', sourceKey: 'checkVat' });
    expect(vat.position).toBeGreaterThan(stepNamed(m2, 'Prepare Bank Transfer')!.position);
    expect(m2.flows.some((f) => f.fromStepId === stepNamed(m2, 'Prepare Bank Transfer')!.id && f.toStepId === vat.id)).toBe(true);
    expect(m2.steps.at(-1)!.id).toBe(mine.id);
  });

  it('importing the same file again changes nothing', async () => {
    const first = await importAs(ORIGINAL);
    const logBefore = count(`SELECT COUNT(*) FROM change_log`);
    const again = await importAs(ORIGINAL);
    expect(again).toMatchObject({ created: 0, updated: 1, steps: 7, flows: 7 });
    expect(again.processes[0]).toMatchObject({ id: first.processes[0]!.id, stepsCreated: 0, stepsUpdated: 0, stepsRemoved: 0 });
    expect(count(`SELECT COUNT(*) FROM change_log`)).toBe(logBefore);
    expect(count(`SELECT COUNT(*) FROM steps`)).toBe(7);
    expect(count(`SELECT COUNT(*) FROM step_flows`)).toBe(7);
  });

  it('a collaboration re-imported matches each pool to its process; another file name gives new processes', async () => {
    const pizza = fs.readFileSync(path.join(FIXTURES, 'bpmnjs-pizza-collaboration-semantic-prefix.bpmn'), 'utf8');
    const a = await importAs(pizza, 'pizza.bpmn');
    const b = await importAs(pizza, 'pizza.bpmn');
    expect(b.processes.map((p) => p.id)).toEqual(a.processes.map((p) => p.id));
    expect(b.processes.map((p) => p.sourceKey)).toEqual(['pizza.bpmn#_6-1', 'pizza.bpmn#_6-2']);
    const c = await importAs(pizza, 'pizza-copy.bpmn');
    expect(c.created).toBe(2);
    expect(count(`SELECT COUNT(*) FROM processes WHERE deleted_at IS NULL`)).toBe(4);
  });

  it('flows drawn by hand survive a re-import; flows of the file follow the file', async () => {
    const first = await importAs(ORIGINAL);
    const processId = first.processes[0]!.id;
    const m1 = await t.ok('processes.map', { processId });
    const manual = await t.ok('flows.create', {
      fromStepId: stepNamed(m1, 'Assign Approver Group')!.id,
      toStepId: stepNamed(m1, 'Archive Invoice')!.id,
      label: 'urgent',
    });
    await importAs(ORIGINAL);
    expect((await t.ok('flows.list', { processId })).map((f) => f.id)).toContain(manual.id);
    await importAs(redesigned());
    // the hand-drawn flow went with its step (Archive Invoice left the file); the file's flows were redone
    const flows = await t.ok('flows.list', { processId });
    expect(flows.map((f) => f.id)).not.toContain(manual.id);
    expect(flows.filter((f) => f.sourceKey !== null)).toHaveLength(7);
  });
});
