import { BpmnModdle, type ModdleElement, type ParseWarning } from 'bpmn-moddle';
import { BoucleError } from '../../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../../src-shared/messages';

// Reading a BPMN 2.0 file with bpmn-moddle (the bpmn.io parser, which resolves whatever namespace
// prefix a tool used: bpmn:, bpmn2:, semantic:, a default namespace…), and turning what it reports
// into errors a person can act on. bpmn-moddle reads in "lax" mode: syntax errors of the XML throw,
// while unknown elements and attributes (tool extensions) only give warnings.

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: string[];
}

const bad = (key: MessageKey, params?: MessageParams) => BoucleError.of('validation', key, params, 'xml');

/** saxen reports these as warnings, but each means the text is not well-formed XML. */
const SYNTAX_WARNINGS =
  /already defined|missing attribute value|quote missmatch|missing closing quotes|illegal first char attribute name|illegal attribute name char|illegal character after attribute end|illegal declaration of xmlns|non-whitespace outside of root node/;

interface Located {
  line: number | null;
  column: number | null;
  nested: string;
}

/** moddle-xml messages read "unparsable content <x> detected\n\tline: 2\n\tcolumn: 4\n\tnested error: …" (0-based). */
function locate(message: string): Located {
  const line = /line: (\d+)/.exec(message);
  const column = /column: (\d+)/.exec(message);
  const nested = /nested error: (.*)$/m.exec(message);
  return {
    line: line ? Number(line[1]) + 1 : null,
    column: column ? Number(column[1]) + 1 : null,
    nested: (nested?.[1] ?? message.split('\n')[0] ?? message).trim(),
  };
}

interface RootInfo {
  name: string;
  local: string;
  ns: string | null;
}

/** The first element of the document, skipping the XML declaration, comments and a DOCTYPE. */
export function rootElementOf(xml: string): RootInfo | null {
  const m = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(xml);
  if (!m) return null;
  const name = m[1]!;
  const attrs = m[2] ?? '';
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const local = colon > 0 ? name.slice(colon + 1) : name;
  const nsAttr = prefix ? `xmlns:${prefix.replace(/[.-]/g, '\\$&')}` : 'xmlns';
  const ns = new RegExp(`\\s${nsAttr}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return { name, local, ns: ns ? (ns[1] ?? ns[2] ?? '') : null };
}

function notBpmn(root: RootInfo | null): BoucleError {
  if (!root) return bad('bpmn.no_root');
  return root.ns
    ? bad('bpmn.not_bpmn_ns', { root: root.name, ns: root.ns, bpmnNs: BPMN_MODEL_NS })
    : bad('bpmn.not_bpmn', { root: root.name, bpmnNs: BPMN_MODEL_NS });
}

function notWellFormed(xml: string, at: Located): BoucleError {
  if (/unexpected end of file/.test(at.nested)) {
    // saxen gives no usable position here: the end of the file is where it broke.
    const lines = xml.split('\n').length;
    return bad('bpmn.truncated', { line: lines });
  }
  if (at.line === null) return bad('bpmn.not_well_formed', { detail: at.nested });
  if (at.column === null) return bad('bpmn.not_well_formed_line', { line: at.line, detail: at.nested });
  return bad('bpmn.not_well_formed_at', { line: at.line, column: at.column, detail: at.nested });
}

/** Summarises the warnings worth showing: unknown tool extensions in one line, broken references one by one. */
function summarise(warnings: ParseWarning[]): string[] {
  const out: string[] = [];
  const unknown = new Set<string>();
  for (const w of warnings) {
    const m = /unresolved reference <([^>]*)>/.exec(w.message);
    if (m) {
      out.push(`Reference to a missing element ${m[1]} was ignored`);
      continue;
    }
    const u = /(?:unknown|unrecognized) (?:attribute|element|type) <([^>]*)>/.exec(w.message);
    if (u) unknown.add(u[1]!);
    else if (!/unsupported document encoding/.test(w.message)) out.push(locate(w.message).nested);
    else out.push(w.message);
  }
  const counted = new Map<string, number>();
  for (const line of out) counted.set(line, (counted.get(line) ?? 0) + 1);
  out.length = 0;
  for (const [line, n] of counted) out.push(n > 1 ? `${line} (${n} times)` : line);
  if (unknown.size) {
    const names = [...unknown].slice(0, 5).join(', ');
    out.unshift(`Ignored ${unknown.size} tool-specific element or attribute name(s) BPMN 2.0 does not define (${names}${unknown.size > 5 ? ', …' : ''})`);
  }
  return out;
}

export async function parseBpmn(input: string): Promise<ParsedBpmn> {
  const xml = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!xml.trim()) throw bad('common.file_empty');
  if (xml.includes('\u0000')) throw bad('bpmn.binary');

  const moddle = new BpmnModdle();
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    const err = e as Error & { warnings?: ParseWarning[] };
    const at = locate(err.message);
    if (/failed to parse document as/.test(err.message)) {
      // Well-formed, but the root is not a BPMN definitions element.
      throw notBpmn(rootElementOf(xml));
    }
    if (/missing start tag/.test(at.nested)) {
      throw bad('bpmn.no_start_element');
    }
    throw notWellFormed(xml, at);
  }

  const syntax = result.warnings.find((w) => SYNTAX_WARNINGS.test(w.message));
  if (syntax) throw notWellFormed(xml, locate(syntax.message));
  const definitions = result.rootElement;
  if (!definitions || definitions.$type !== 'bpmn:Definitions') throw notBpmn(rootElementOf(xml));
  return { definitions, warnings: summarise(result.warnings) };
}
