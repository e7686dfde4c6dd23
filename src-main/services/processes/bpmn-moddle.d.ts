// bpmn-moddle ships its model types under 'bpmn-moddle/types' but no declaration for its entry point.
// The importer reads the parsed tree through its own narrow interfaces (bpmn-graph.ts), so this
// declares only what it calls.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    $instanceOf(type: string): boolean;
    [key: string]: unknown;
  }
  export interface ParseWarning {
    message: string;
    error?: Error;
    element?: unknown;
    property?: string;
    value?: string;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
    references: unknown[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<ParseResult>;
  }
}
