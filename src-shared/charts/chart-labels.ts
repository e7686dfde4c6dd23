// What the dashboard's option builders need to name things, in the app's or the report's language:
// the words, and how amounts and months are written. The builders stay pure (data → option).

export interface ChartLabels {
  /** e.g. gap type code → "Information". */
  gapType(code: string): string;
  interventionKind(code: string): string;
  interventionStatus(code: string): string;
  severity(n: number): string;
  money(cents: number): string;
  /** "2026-03" → "Mar 2026". */
  month(yyyyMm: string): string;
  words: {
    opened: string;
    closed: string;
    hard: string;
    soft: string;
    cost: string;
    openGapCost: string;
    costRemoved: string;
    benefit: string;
    gapsClosed: string;
    medianEffect: string;
    notMeasured: string;
  };
}

export const SEVERITY_COLOURS = ['#ffe066', '#fcc419', '#f76707', '#e8590c', '#c92a2a'];
export const STATUS_COLOURS: Record<string, string> = {
  idea: '#ced4da',
  planned: '#74c0fc',
  running: '#1c7ed6',
  done: '#2f9e44',
  stopped: '#868e96',
};
export const BENEFIT_COLOURS = { hard: '#2f9e44', soft: '#8ce99a', cost: '#e03131' };
export const FLOW_COLOURS = { opened: '#f76707', closed: '#2f9e44' };
