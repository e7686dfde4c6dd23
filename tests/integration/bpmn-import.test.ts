import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BpmnImportSummary, MapStep, ProcessMap } from '../../src-shared/schemas/process-map';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';

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

const names = (m: ProcessMap) => m.steps.map((s) => s.name);
const step = (m: ProcessMap, name: string): MapStep => {
  const s = m.steps.find((x) => x.name === name);
  if (!s) throw new Error(`No step “${name}” in ${m.process.name}: ${names(m).join(' | ')}`);
  return s;
};
const before = (m: ProcessMap, a: string, b: string) => expect(step(m, a).position).toBeLessThan(step(m, b).position);
const flow = (m: ProcessMap, from: string, to: string) =>
  m.flows.find((f) => f.fromStepId === step(m, from).id && f.toStepId === step(m, to).id);
const byName = (maps: ProcessMap[], name: string) => {
  const m = maps.find((x) => x.process.name === name);
  if (!m) throw new Error(`No process “${name}”: ${maps.map((x) => x.process.name).join(' | ')}`);
  return m;
};
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

describe('BPMN import: namespace prefixes and diagram data do not matter', () => {
  const body = (p: string) => `
  <${p}collaboration id="c"><${p}participant id="pool" name="Accounts payable" processRef="ap" /></${p}collaboration>
  <${p}process id="ap">
    <${p}laneSet><${p}lane id="l1" name="Clerk"><${p}flowNodeRef>s</${p}flowNodeRef><${p}flowNodeRef>t1</${p}flowNodeRef><${p}flowNodeRef>g</${p}flowNodeRef></${p}lane>
      <${p}lane id="l2" name="Controller"><${p}flowNodeRef>t2</${p}flowNodeRef><${p}flowNodeRef>t3</${p}flowNodeRef></${p}lane></${p}laneSet>
    <${p}startEvent id="s" />
    <${p}userTask id="t1" name="Check invoice" />
    <${p}exclusiveGateway id="g" name="Amount over limit?" default="no" />
    <${p}userTask id="t2" name="Approve payment" />
    <${p}serviceTask id="t3" name="Post invoice" />
    <${p}endEvent id="e" />
    <${p}sequenceFlow id="f1" sourceRef="s" targetRef="t1" />
    <${p}sequenceFlow id="f2" sourceRef="t1" targetRef="g" />
    <${p}sequenceFlow id="yes" name="yes" sourceRef="g" targetRef="t2" />
    <${p}sequenceFlow id="no" name="no" sourceRef="g" targetRef="t3" />
    <${p}sequenceFlow id="f5" sourceRef="t2" targetRef="t3" />
    <${p}sequenceFlow id="f6" sourceRef="t3" targetRef="e" />
  </${p}process>`;
  const di = `
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="c">
    <bpmndi:BPMNShape id="t1_di" bpmnElement="t1"><dc:Bounds x="100" y="10" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="t2_di" bpmnElement="t2"><dc:Bounds x="400" y="110" width="100" height="80" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  const diNs = 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"';
  const variants: Record<string, string> = {
    'bpmn: prefix': `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="${MODEL}" ${diNs} id="d1">${body('bpmn:')}${di}</bpmn:definitions>`,
    'bpmn2: prefix': `<?xml version="1.0"?><bpmn2:definitions xmlns:bpmn2="${MODEL}" ${diNs} id="d1">${body('bpmn2:')}${di}</bpmn2:definitions>`,
    'semantic: prefix': `<?xml version="1.0"?><semantic:definitions xmlns:semantic="${MODEL}" ${diNs} id="d1">${body('semantic:')}${di}</semantic:definitions>`,
    'default namespace': `<?xml version="1.0"?><definitions xmlns="${MODEL}" ${diNs} id="d1">${body('')}${di}</definitions>`,
    'no diagram data': `<definitions xmlns="${MODEL}" id="d1">${body('')}</definitions>`,
    'comment before the root and a BOM': `\ufeff<!-- exported --><bpmn:definitions xmlns:bpmn="${MODEL}" xmlns="http://www.jboss.org/drools" id="d1">${body('bpmn:')}</bpmn:definitions>`,
  };

  it('imports the same model written six ways into the same map', async () => {
    const shapes: string[] = [];
    for (const [variant, xml] of Object.entries(variants)) {
      const r = await t.ok('bpmn.import', { xml, fileName: `${variant}.bpmn`, departmentName: 'Finance' });
      const m = await t.ok('processes.map', { processId: r.processes[0]!.id });
      const stepName = new Map(m.steps.map((s) => [s.id, s.name]));
      const shape = JSON.stringify({
        process: m.process.name,
        lanes: m.lanes,
        steps: m.steps.map((s) => [s.name, s.kind, s.lane, s.position, s.sourceKey]),
        flows: m.flows.map((f) => [stepName.get(f.fromStepId), stepName.get(f.toStepId), f.label, f.kind]),
      });
      shapes.push(shape);
      expect(shape, variant).toBe(shapes[0]);
    }
    const m = JSON.parse(shapes[0]!);
    expect(m.process).toBe('Accounts payable');
    expect(m.steps).toEqual([
      ['Check invoice', 'user_task', 'Clerk', 0, 't1'],
      ['Amount over limit?', 'gateway', 'Clerk', 1, 'g'],
      ['Approve payment', 'user_task', 'Controller', 2, 't2'],
      ['Post invoice', 'service_task', 'Controller', 3, 't3'],
    ]);
    expect(m.flows).toContainEqual(['Amount over limit?', 'Post invoice', 'no', 'default']);
    expect(m.flows).toContainEqual(['Amount over limit?', 'Approve payment', 'yes', 'sequence']);
  });

  it('a large process (64 tasks, 8 lanes, decisions looping back, parallel branches) keeps every forward flow going forward', async () => {
    const lanes = Array.from({ length: 8 }, (_, i) => `Team ${i + 1}`);
    const tasks: string[] = [];
    const flows: string[] = [];
    const laneRefs: string[][] = lanes.map(() => []);
    let prev = 's';
    for (let i = 1; i <= 64; i++) {
      tasks.push(`<task id="t${i}" name="Task ${i}"/>`);
      laneRefs[(i - 1) % 8]!.push(`t${i}`);
      flows.push(`<sequenceFlow id="f${i}" sourceRef="${prev}" targetRef="t${i}"/>`);
      prev = `t${i}`;
      if (i % 8 === 0) {
        // a decision: rework goes back 4 tasks, otherwise a parallel split and join around nothing
        tasks.push(`<exclusiveGateway id="g${i}" name="Check ${i / 8} OK?"/><parallelGateway id="p${i}"/><parallelGateway id="j${i}"/>`);
        laneRefs[(i - 1) % 8]!.push(`g${i}`);
        flows.push(
          `<sequenceFlow id="gf${i}" sourceRef="t${i}" targetRef="g${i}"/>`,
          `<sequenceFlow id="rw${i}" name="rework" sourceRef="g${i}" targetRef="t${i - 4}"/>`,
          `<sequenceFlow id="ok${i}" name="ok" sourceRef="g${i}" targetRef="p${i}"/>`,
          `<sequenceFlow id="pa${i}" sourceRef="p${i}" targetRef="j${i}"/><sequenceFlow id="pb${i}" sourceRef="p${i}" targetRef="j${i}"/>`,
        );
        prev = `j${i}`;
      }
    }
    const laneSet = lanes.map((l, i) => `<lane id="l${i}" name="${l}">${laneRefs[i]!.map((r) => `<flowNodeRef>${r}</flowNodeRef>`).join('')}</lane>`).join('');
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="big"><process id="p" name="Big process">
      <laneSet>${laneSet}</laneSet><startEvent id="s"/>${tasks.join('')}<endEvent id="e"/>${flows.join('')}
      <sequenceFlow id="end" sourceRef="${prev}" targetRef="e"/></process></definitions>`;
    const start = performance.now();
    const r = await t.ok('bpmn.import', { xml, fileName: 'big.bpmn', departmentName: 'Ops' });
    const m = await t.ok('processes.map', { processId: r.processes[0]!.id });
    console.log(`generated process of 64 tasks and 8 lanes: imported and mapped in ${(performance.now() - start).toFixed(0)} ms`);
    expect(m.steps).toHaveLength(72);
    expect(m.lanes.map((l) => [l.name, l.stepCount])).toEqual(lanes.map((l, i) => [l, i === 7 ? 16 : 8])); // decisions sit with every 8th task
    expect(m.steps[0]!.name).toBe('Task 1');
    const pos = new Map(m.steps.map((x) => [x.id, x.position]));
    const rework = m.flows.filter((f) => f.label === 'rework');
    expect(rework).toHaveLength(8);
    for (const f of m.flows) {
      if (f.label === 'rework') expect(pos.get(f.fromStepId)!).toBeGreaterThan(pos.get(f.toStepId)!);
      else expect(pos.get(f.fromStepId)!).toBeLessThan(pos.get(f.toStepId)!);
    }
    expect(flow(m, 'Check 1 OK?', 'Task 9')).toMatchObject({ label: 'ok' }); // through the collapsed split and join
  });

  it('orders a loop without hanging and keeps the back edge as a flow', async () => {
    const xml = `<definitions xmlns="${MODEL}" id="loop"><process id="p" name="Rework loop">
      <startEvent id="s"/><task id="a" name="Draft"/><task id="b" name="Review"/><exclusiveGateway id="g" name="Approved?"/>
      <task id="c" name="Publish"/><task id="x" name="Orphan"/><task id="y" name="Orphan loop 1"/><task id="z" name="Orphan loop 2"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
      <sequenceFlow id="f3" sourceRef="b" targetRef="g"/><sequenceFlow id="f4" name="no" sourceRef="g" targetRef="a"/>
      <sequenceFlow id="f5" name="yes" sourceRef="g" targetRef="c"/>
      <sequenceFlow id="f6" sourceRef="y" targetRef="z"/><sequenceFlow id="f7" sourceRef="z" targetRef="y"/>
    </process></definitions>`;
    const r = await t.ok('bpmn.import', { xml, fileName: 'loop.bpmn', departmentName: 'Ops' });
    const m = await t.ok('processes.map', { processId: r.processes[0]!.id });
    expect(names(m)).toEqual(['Draft', 'Review', 'Approved?', 'Publish', 'Orphan', 'Orphan loop 1', 'Orphan loop 2']);
    expect(flow(m, 'Approved?', 'Draft')).toMatchObject({ label: 'no' });
    expect(flow(m, 'Orphan loop 2', 'Orphan loop 1')).toBeDefined();
  });
});
