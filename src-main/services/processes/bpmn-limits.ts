import { SaxesParser } from 'saxes';
import { BoucleError } from '../../../src-shared/errors';
import { MAX_BPMN_CHARS } from '../../../src-shared/processes/bpmn';

// Limits a BPMN file must keep before bpmn-moddle reads it. moddle builds the whole model in memory
// and recurses once per level of nesting: 20,000 nested sub-processes overflowed the stack, 200,000
// tasks took 659 MB. One streaming pass with saxes (no recursion, nothing kept) counts elements and
// depth first, and refuses the file in words at the first limit it passes. The largest real models
// we know (Signavio, Camunda, ARIS exports) have a few thousand elements and a depth under 20.

/** Nesting of XML elements (definitions › process › subProcess › … › extension elements). */
export const MAX_BPMN_DEPTH = 100;
/** XML elements of every kind (tasks, flows, diagram shapes, waypoints): about 57,000 tasks with their diagram (7 elements each), so a 50,000-task model imports; far past any real model. */
export const MAX_BPMN_ELEMENTS = 400_000;

const SCAN_CHUNK = 1 << 20;

export interface ScanProgress {
  chars: number;
  total: number;
}

/** Scans `xml` and throws a validation error on `xml` at the first limit it passes; malformed XML is left to moddle. */
export function checkBpmnLimits(xml: string, onProgress?: (p: ScanProgress) => void): { elements: number; depth: number } {
  if (xml.length > MAX_BPMN_CHARS) throw BoucleError.of('validation', 'bpmn.too_large', undefined, 'xml');
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  let refusal: BoucleError | null = null;
  let broken = false;
  parser.on('opentag', (tag) => {
    elements++;
    if (!tag.isSelfClosing) depth++;
    deepest = Math.max(deepest, depth);
    if (refusal) return;
    if (depth > MAX_BPMN_DEPTH) refusal = BoucleError.of('validation', 'bpmn.too_deep', { max: MAX_BPMN_DEPTH, line: parser.line }, 'xml');
    else if (elements > MAX_BPMN_ELEMENTS) refusal = BoucleError.of('validation', 'bpmn.too_many_elements', { max: MAX_BPMN_ELEMENTS }, 'xml');
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.on('error', () => {
    broken = true;
  });
  for (let at = 0; at < xml.length && !refusal && !broken; at += SCAN_CHUNK) {
    try {
      parser.write(xml.slice(at, at + SCAN_CHUNK));
    } catch {
      broken = true;
    }
    onProgress?.({ chars: Math.min(xml.length, at + SCAN_CHUNK), total: xml.length });
  }
  if (refusal) throw refusal;
  return { elements, depth: deepest };
}
