// The import wizard's small parts: the files it accepts, how it names a CSV's separator, the columns mapped.

export const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.txt', '.csv'],
  'text/tab-separated-values': ['.tsv'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};
export const SEPARATOR_LABEL: Record<string, string> = { ';': ';', ',': ',', '\t': 'tab' };

/** Which column holds what (indexes), as the wizard keeps it. */
export interface Mapping {
  date: number | null;
  value: number | null;
  note: number | null;
  indicator: number | null;
}
