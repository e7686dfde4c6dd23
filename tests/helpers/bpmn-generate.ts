// BPMN files of a chosen size or shape, for the parser-limit tests and the benchmarks: `tasks` tasks in
// one pool joined by sequence flows (with diagram shapes and edges when `diagram`), or `depth` nested
// sub-processes around one task.

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">`;

export function manyTasksBpmn(tasks: number, opts: { diagram?: boolean } = {}): string {
  const parts: string[] = [HEAD, '<bpmn:process id="Big" name="Big process" isExecutable="false">'];
  for (let i = 0; i < tasks; i++) {
    parts.push(`<bpmn:task id="T${i}" name="Task ${i}"/>`);
    if (i > 0) parts.push(`<bpmn:sequenceFlow id="F${i}" sourceRef="T${i - 1}" targetRef="T${i}"/>`);
  }
  parts.push('</bpmn:process>');
  if (opts.diagram) {
    parts.push('<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="Big">');
    for (let i = 0; i < tasks; i++) {
      parts.push(`<bpmndi:BPMNShape id="S${i}" bpmnElement="T${i}"><dc:Bounds x="${i * 150}" y="100" width="100" height="80"/></bpmndi:BPMNShape>`);
      if (i > 0) {
        parts.push(`<bpmndi:BPMNEdge id="E${i}" bpmnElement="F${i}"><di:waypoint x="${i * 150 - 50}" y="140"/><di:waypoint x="${i * 150}" y="140"/></bpmndi:BPMNEdge>`);
      }
    }
    parts.push('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>');
  }
  parts.push('</bpmn:definitions>');
  return parts.join('\n');
}

export function nestedBpmn(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="S${i}" name="Level ${i}">`).join('');
  const close = '</bpmn:subProcess>'.repeat(depth);
  return `${HEAD}<bpmn:process id="Deep" isExecutable="false">${open}<bpmn:task id="T" name="Inside"/>${close}</bpmn:process></bpmn:definitions>`;
}
