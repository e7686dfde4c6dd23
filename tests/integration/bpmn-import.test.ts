import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BpmnImportSummary } from '../../src-shared/processes/bpmn';
import type { ProcessMap } from '../../src-shared/processes/map';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';
import { before, byName, flow, names, step } from '../helpers/process-map-queries';

// Import of the real BPMN files of tests/fixtures/bpmn (exported by Signavio, Camunda, Bizagi,
// bpmn.io, CaseAgile, Yaoqiang, Eclipse/Kogito), each checked against what the file holds.

const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.cleanup());

interface Imported {
  summary: BpmnImportSummary;
  maps: ProcessMap[];
  ms: number;
}

async function importFile(file: string, departmentName = 'Imports'): Promise<Imported> {
  const xml = read(file);
  const start = performance.now();
  const summary = await t.ok('bpmn.import', { xml, fileName: file, departmentName });
  const ms = performance.now() - start;
  const maps: ProcessMap[] = [];
  for (const p of summary.processes) maps.push(await t.ok('processes.map', { processId: p.id }));
  console.log(`${file}: ${ms.toFixed(0)} ms, ${summary.created} processes, ${summary.steps} steps, ${summary.lanes} lanes, ${summary.flows} flows`);
  return { summary, maps, ms };
}

const TASK_KINDS = ['task', 'user_task', 'service_task', 'manual_task', 'script_task', 'business_rule_task', 'send_task', 'receive_task'];

describe('BPMN import of real files', () => {
  it('Camunda invoice (default namespace, 3 lanes, call activity): steps, lanes in drawing order, decisions and their branches', async () => {
    const { summary, maps } = await importFile('camunda-invoice-v2-lanes-callactivity.bpmn');
    expect(summary.created).toBe(1);
    const m = maps[0]!;
    expect(m.process.name).toBe('Invoice Receipt');
    expect(m.process.source).toBe('bpmn');
    expect(m.process.sourceKey).toBe('camunda-invoice-v2-lanes-callactivity.bpmn#invoice');
    expect(m.lanes.map((l) => l.name).sort()).toEqual(['Accountant', 'Approver', 'Team Assistant']);
    expect(m.steps.map((s) => [s.name, s.kind, s.lane]).sort()).toEqual(
      [
        ['Approve Invoice', 'user_task', 'Approver'],
        ['Archive Invoice', 'service_task', 'Accountant'],
        ['Assign Approver Group', 'business_rule_task', 'Team Assistant'],
        ['Clarification successful?', 'gateway', 'Team Assistant'],
        ['Invoice Clarification', 'call_activity', 'Team Assistant'],
        ['Invoice approved?', 'gateway', 'Approver'],
        ['Prepare Bank Transfer', 'user_task', 'Accountant'], // "Prepare&#10;&#10;Bank&#10;&#10;Transfer" in the file
      ].sort(),
    );
    expect(m.steps[0]!.name).toBe('Assign Approver Group');
    before(m, 'Assign Approver Group', 'Approve Invoice');
    before(m, 'Approve Invoice', 'Invoice approved?');
    before(m, 'Invoice approved?', 'Prepare Bank Transfer');
    before(m, 'Prepare Bank Transfer', 'Archive Invoice');
    before(m, 'Invoice Clarification', 'Clarification successful?');
    expect(flow(m, 'Invoice approved?', 'Prepare Bank Transfer')).toMatchObject({ label: 'yes', kind: 'conditional', condition: '${approved}' });
    expect(flow(m, 'Invoice approved?', 'Invoice Clarification')).toMatchObject({ label: 'no', kind: 'conditional' });
    // the loop back after a successful clarification is kept as a flow, and did not hang the order
    expect(flow(m, 'Clarification successful?', 'Approve Invoice')).toMatchObject({ label: 'yes' });
    expect(m.flows).toHaveLength(7);
  });

  it('Camunda HR job announcement (bpmn: prefix, lanes without a pool): lanes ordered as drawn, not as listed', async () => {
    const { maps } = await importFile('camunda-hr-job-announcement-lanes-no-pool.bpmn');
    const m = maps[0]!;
    expect(m.process.name).toBe('camunda-hr-job-announcement-lanes-no-pool'); // the process has no name: the file's
    // The laneSet lists Automated, Management, HR; the diagram draws Automated (y 100), HR (y 306), Management (y 511).
    expect(m.lanes.map((l) => l.name)).toEqual(['Automated', 'HR', 'Management']);
    expect(m.process.laneOrder).toEqual(['Automated', 'HR', 'Management']);
    expect(names(m)).toEqual([
      'Describe job role',
      'Review job role description',
      'OK?',
      'Improve job role description',
      'Publish announcement',
      'Execute announcement',
      'Send confirmation',
    ]);
    expect(step(m, 'Describe job role')).toMatchObject({ kind: 'user_task', lane: 'HR' });
    expect(step(m, 'Execute announcement')).toMatchObject({ kind: 'call_activity', lane: 'Automated' });
    expect(step(m, 'Send confirmation')).toMatchObject({ kind: 'service_task', lane: 'Automated' });
    expect(flow(m, 'OK?', 'Improve job role description')).toMatchObject({ label: 'no', kind: 'conditional', condition: '#{!approved}' });
    expect(flow(m, 'Improve job role description', 'Review job role description')).toBeDefined(); // the rework loop
  });

  it('Signavio collaboration (17 pools, 8 of them without a process): one process per pool, named after it', async () => {
    const { summary, maps } = await importFile('signavio-complex-collaboration.bpmn');
    expect(summary.created).toBe(9);
    expect(maps.map((m) => m.process.name)).toContain('Bewerbungseingang - Sachbearbeiter Personal');
    expect(maps.map((m) => m.process.name)).toContain('Durchführung Bewerbungsgespräch - Sachbearbeiter Personal');
    const all = maps.flatMap((m) => m.steps);
    // 42 plain tasks and one business-rule task; one sub-process; 13 named decisions
    expect(all.filter((s) => s.kind === 'task')).toHaveLength(42);
    expect(all.filter((s) => s.kind === 'business_rule_task').map((s) => s.name)).toEqual(['Potentielle Kandidaten markieren']);
    expect(all.filter((s) => s.kind === 'sub_process')).toHaveLength(1);
    expect(all.filter((s) => s.kind === 'gateway')).toHaveLength(13);
    expect(summary.warnings).toContain('29 message flow(s) between pools were not imported: flows connect steps of one process');
    expect(summary.warnings).toContain('8 pool(s) without a process (external parties) were not imported');

    const interview = byName(maps, 'Durchführung Bewerbungsgespräch - Sachbearbeiter Personal');
    expect(interview.steps[0]!.name).toBe('Bewerbungs-gespräch führen');
    before(interview, 'Beurteilungen auswerten', 'Kandidat für Stelle geeignet?');
    before(interview, 'Kandidat für Stelle geeignet?', 'Arbeits-vertrag anfordern'); // "Arbeits-\nvertrag anfordern"
    expect(flow(interview, 'Kandidat für Stelle geeignet?', 'Arbeits-vertrag anfordern')).toMatchObject({ label: 'ja' });
    // a parallel split and join collapse into flows: one step, two next steps, one joined step
    expect(flow(interview, 'Bewerbungs-gespräch führen', 'Bewerber beurteilen')).toBeDefined();
    expect(flow(interview, 'Bewerbungs-gespräch führen', 'Beurteilung anfordern')).toBeDefined();
    expect(flow(interview, 'Beurteilung anfordern', 'Beurteilungen auswerten')).toMatchObject({ label: 'Beurteilung erhalten' });

    const meetings = byName(maps, 'Management Bewerbungsgespräche - Sachbearbeiter Personal');
    const sub = meetings.steps.find((s) => s.kind === 'sub_process')!;
    expect(sub.position).toBe(0);
    const inner = meetings.steps.filter((s) => s.parentStepId === sub.id);
    expect(inner).toHaveLength(11);
    expect(inner.every((s) => s.depth === 1)).toBe(true);
    expect(inner[0]!.name).toBe('Termin festlegen');

    // a data store read by a task becomes its system
    expect(step(byName(maps, 'Bewerbungsprüfung (fristgerecht) - Sachbearbeiter Personal'), 'Aufstellung der Bewerber erstellen').system).toBe('HR-Tool');
  });

  it('bpmn.io complex diagram (260 KB) imports like the Signavio file it was drawn from', async () => {
    const { summary, maps, ms } = await importFile('bpmnio-complex.bpmn');
    console.log(`bpmnio-complex.bpmn (${fs.statSync(path.join(FIXTURES, 'bpmnio-complex.bpmn')).size} bytes) imported in ${ms.toFixed(0)} ms`);
    expect(summary.created).toBe(9);
    expect(summary.steps).toBe(57);
    expect(maps.flatMap((m) => m.steps).filter((s) => TASK_KINDS.includes(s.kind))).toHaveLength(43);
    expect(byName(maps, 'Bewerber-Beurteilung - Führungskraft Fachbereich').steps.map((s) => s.name)).toEqual([
      'Bewerber beurteilen',
      'Beurteilung zurücksenden',
    ]);
  });

  it('CaseAgile HR process (semantic: prefix): tasks, two lanes, a decision looping back', async () => {
    const { maps } = await importFile('caseagile-advertise-job-vacancy-semantic-prefix.bpmn');
    expect(maps).toHaveLength(1);
    const m = maps[0]!;
    expect(m.process.name).toBe('EU Bank');
    expect(m.lanes.map((l) => l.name).sort()).toEqual(['Hiring manager', 'Recruitment']);
    expect(step(m, 'Write job description')).toMatchObject({ kind: 'user_task', lane: 'Hiring manager' });
    expect(step(m, 'Complete job advertisement')).toMatchObject({ kind: 'user_task', lane: 'Recruitment' });
    expect(step(m, 'Select 3rd party platforms for publishing')).toMatchObject({ kind: 'business_rule_task', lane: 'Recruitment' });
    expect(step(m, 'Publish job advertisement on homepage').kind).toBe('service_task');
    expect(m.steps[0]!.name).toBe('Write job description');
    before(m, 'Complete job advertisement', 'Approve job advertisement');
    before(m, 'Job advertisement approved?', 'Publish job on 3rd party platforms');
    expect(flow(m, 'Job advertisement approved?', 'Complete job advertisement')).toMatchObject({ label: 'No' });
    expect(m.steps).toHaveLength(7);
  });

  it('pizza collaboration (semantic: prefix, 2 pools, event-based gateway): one process per pool, event names on flows', async () => {
    const { summary, maps } = await importFile('bpmnjs-pizza-collaboration-semantic-prefix.bpmn');
    expect(summary.created).toBe(2);
    const vendor = byName(maps, 'Pizza vendor');
    const customer = byName(maps, 'Pizza Customer');
    expect(vendor.lanes.map((l) => l.name)).toEqual(['clerk', 'pizza chef', 'delivery boy']);
    expect(step(vendor, 'Bake the pizza').lane).toBe('pizza chef');
    expect(step(vendor, 'Calm customer').lane).toBe('clerk');
    expect(step(vendor, 'Receive payment').lane).toBe('delivery boy');
    before(vendor, 'Deliver the pizza', 'Receive payment');
    expect(names(customer)).toEqual(['Select a pizza', 'Order a pizza', 'Ask for the pizza', 'Pay the pizza', 'Eat the pizza']);
    expect(customer.lanes).toEqual([{ name: null, stepCount: 5 }]);
    expect(flow(customer, 'Order a pizza', 'Pay the pizza')).toMatchObject({ label: 'pizza received' });
    expect(flow(customer, 'Order a pizza', 'Ask for the pizza')).toMatchObject({ label: '60 minutes' });
    expect(summary.warnings.some((w) => w.startsWith('6 message flow(s)'))).toBe(true);
  });

  it('bpmn-js nested sub-processes (6 diagrams, 3 levels): inner steps follow their sub-process and point at it', async () => {
    const { maps } = await importFile('bpmnjs-nested-subprocesses-multi-diagram.bpmn');
    const m = maps[0]!;
    expect(m.process.name).toBe('Root');
    expect(m.steps.map((s) => `${'>'.repeat(s.depth)}${s.name}`)).toEqual([
      'Order Products',
      '>Check Items',
      '>Expanded Process',
      '>>Call External Supplier',
      '>>>Call External Supplier',
      'Procure Payment',
      '>Charge Card',
      '>>Charge Card',
      ">Accounting Stuff, I don't know", // "&#39;" in the file
      ">>Accounting Stuff, I don't know",
      'Ship Items (todo)',
    ]);
    const order = step(m, 'Order Products');
    expect(step(m, 'Check Items').parentStepId).toBe(order.id);
    expect(m.steps.filter((s) => s.kind === 'sub_process')).toHaveLength(6);
    expect(m.steps.filter((s) => s.kind === 'user_task')).toHaveLength(5);
    // the parallel join before "Ship Items" becomes two flows into it
    expect(flow(m, 'Order Products', 'Ship Items (todo)')).toBeDefined();
    expect(flow(m, 'Procure Payment', 'Ship Items (todo)')).toBeDefined();
    expect(flow(m, 'Check Items', 'Expanded Process')).toBeDefined();
  });

  it('Camunda nested sub-processes without diagram data: nesting kept, unnamed ones named after their id', async () => {
    const { summary, maps } = await importFile('camunda-nested-subprocess-no-di.bpmn');
    const m = maps[0]!;
    expect(m.steps.map((s) => [s.name, s.kind, s.depth])).toEqual([
      ['Sub-process (outerSubProcess)', 'sub_process', 0],
      ['Sub-process (innerSubProcess)', 'sub_process', 1],
      ['Task in subprocess', 'user_task', 2],
      ['Task after subprocesses', 'user_task', 0],
    ]);
    expect(flow(m, 'Sub-process (outerSubProcess)', 'Task after subprocesses')).toBeDefined();
    expect(summary.warnings.some((w) => /2 step\(s\) have no name/.test(w))).toBe(true);
  });

  it('Bizagi (namespace redeclared on nested elements, no diagram data): two pools, two processes', async () => {
    const { summary, maps } = await importFile('bizagi-nested-namespace.bpmn');
    expect(summary.created).toBe(2);
    expect(maps.map((m) => m.process.name).sort()).toEqual(['Hauptprozess', 'Prozess 1']);
    expect(names(byName(maps, 'Prozess 1'))).toEqual(['Aufgabe 1']);
    expect(byName(maps, 'Hauptprozess').steps).toEqual([]);
    expect(summary.warnings).toContain('“Hauptprozess” has no tasks or sub-processes: it was imported with no steps');
  });

  it('Yaoqiang (script, send, service and user tasks, boundary and signal events)', async () => {
    const { maps } = await importFile('yaoqiang-event-definitions.bpmn');
    const m = maps[0]!;
    expect(m.process.name).toBe('TestProcess');
    expect(m.steps.map((s) => [s.name, s.kind])).toEqual([
      ['UserTask', 'user_task'],
      ['SendEmail', 'send_task'],
      ['ExecuteScript', 'script_task'],
      ['Should continue?', 'gateway'],
      ['Work work work', 'service_task'],
    ]);
    expect(flow(m, 'UserTask', 'SendEmail')).toBeDefined();
    expect(flow(m, 'UserTask', 'ExecuteScript')).toBeDefined();
    expect(flow(m, 'SendEmail', 'Should continue?')).toBeDefined();
    expect(flow(m, 'Should continue?', 'Work work work')?.kind).toBe('conditional');
  });

  it('Kogito/Eclipse (bpmn2: prefix, comment before the root, default namespace bound to drools)', async () => {
    const { summary, maps } = await importFile('kogito-order-items-bpmn2-prefix-eclipse.bpmn');
    const m = maps[0]!;
    expect(m.process.name).toBe('orderItems');
    expect(m.steps.map((s) => [s.name, s.kind])).toEqual([
      ['Calculate total', 'service_task'],
      ['Verify order', 'user_task'],
    ]);
    expect(flow(m, 'Calculate total', 'Verify order')).toBeDefined();
    // the drools attributes are reported once, not one warning each
    expect(summary.warnings.filter((w) => w.startsWith('Ignored'))).toHaveLength(1);
  });

  it('bpmn.io child lane sets: the real file (no names, no task) and a named copy ("Parent / Child")', async () => {
    const { summary, maps } = await importFile('bpmnio-lane-children.bpmn');
    expect(summary.created).toBe(1);
    expect(maps[0]!.steps).toEqual([]);

    const named = read('bpmnio-lane-children.bpmn')
      .replace('<bpmn:lane id="Lane_1sqczlg">', '<bpmn:lane id="Lane_1sqczlg" name="Finance">')
      .replace('<bpmn:lane id="Lane_0xlzc4w">', '<bpmn:lane id="Lane_0xlzc4w" name="Payables">')
      .replace('<bpmn:lane id="Lane_1br88d1" />', '<bpmn:lane id="Lane_1br88d1" name="Treasury"><bpmn:flowNodeRef>Pay</bpmn:flowNodeRef></bpmn:lane>')
      .replace('<bpmn:lane id="Lane_0temuh8" />', '<bpmn:lane id="Lane_0temuh8" name="Sales"><bpmn:flowNodeRef>Sell</bpmn:flowNodeRef></bpmn:lane>')
      .replace('<bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef><bpmn:flowNodeRef>Book</bpmn:flowNodeRef>')
      .replace(
        '<bpmn:startEvent id="StartEvent_1" />',
        `<bpmn:startEvent id="StartEvent_1" /><bpmn:task id="Book" name="Book invoice" /><bpmn:task id="Pay" name="Pay invoice" />
         <bpmn:task id="Sell" name="Sell" />
         <bpmn:sequenceFlow id="f1" sourceRef="StartEvent_1" targetRef="Book" /><bpmn:sequenceFlow id="f2" sourceRef="Book" targetRef="Pay" />`,
      );
    const r = await t.ok('bpmn.import', { xml: named, fileName: 'lanes-named.bpmn', departmentName: 'Imports' });
    const m = await t.ok('processes.map', { processId: r.processes[0]!.id });
    expect(m.steps.map((s) => [s.name, s.lane])).toEqual([
      ['Book invoice', 'Finance / Payables'],
      ['Pay invoice', 'Finance / Treasury'],
      ['Sell', 'Sales'],
    ]);
    expect(m.process.laneOrder).toEqual(['Finance / Payables', 'Finance / Treasury', 'Sales']);
  });

  it('creates the department when it is missing, with a generated code, and reuses it by name or code', async () => {
    const a = await importFile('kogito-order-items-bpmn2-prefix-eclipse.bpmn', 'Supply Chain Europe');
    expect(a.summary.departmentCreated).toBe(true);
    const dep = await t.ok('departments.get', { id: a.summary.departmentId });
    expect(dep).toMatchObject({ name: 'Supply Chain Europe', code: 'SCE' });
    const b = await t.ok('bpmn.import', { xml: read('camunda-invoice-v2-lanes-callactivity.bpmn'), fileName: 'x.bpmn', departmentName: 'sce' });
    expect(b).toMatchObject({ departmentId: dep.id, departmentCreated: false });
    const c = await t.ok('bpmn.import', { xml: read('camunda-invoice-v2-lanes-callactivity.bpmn'), fileName: 'x.bpmn', departmentId: dep.id });
    expect(c.updated).toBe(1);
  });
});
