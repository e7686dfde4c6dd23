import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { flow, names } from '../helpers/process-map-queries';

// BPMN import of one model written in every way real tools write it, and of large or looping models.

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.cleanup());

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
