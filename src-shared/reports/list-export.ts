import { z } from 'zod';
import { msg } from '../messages';
import { id } from '../common';
import { gapFilters, GAP_SORTS, SORT_DIRS } from '../gaps/schemas';
import { interventionList } from '../interventions/schemas';
import { indicatorList } from '../indicators/schemas';
import { measurementGridInput } from '../indicators/grid';
import { REPORT_LANGUAGES } from './schemas';

// The Export button of every list screen: one call, with the very input the list was loaded with
// (its filters and sort, no paging), written as CSV or XLSX with the columns the list shows.

export const LIST_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ListExportFormat = (typeof LIST_EXPORT_FORMATS)[number];
export const EXPORTABLE_LISTS = ['gaps', 'priorities', 'interventions', 'indicators', 'measurements'] as const;
export type ExportableList = (typeof EXPORTABLE_LISTS)[number];

const common = {
  format: z.enum(LIST_EXPORT_FORMATS, msg('export.format')),
  /** Language of the column headers and coded values (the app's). */
  language: z.enum(REPORT_LANGUAGES).default('en'),
};

const gapExportFilters = gapFilters.and(
  z.object({ sortBy: z.enum(GAP_SORTS).default('foundOn'), sortDir: z.enum(SORT_DIRS).default('desc') }).strict(),
);
const { limit: _l, offset: _o, ...interventionFilters } = interventionList.shape;
const { limit: _l2, offset: _o2, ...indicatorFilters } = indicatorList.shape;

export const listExport = z.discriminatedUnion('list', [
  z.object({ list: z.literal('gaps'), filters: gapExportFilters.default({ sortBy: 'foundOn', sortDir: 'desc' }), ...common }).strict(),
  z.object({ list: z.literal('priorities'), filters: z.object({ departmentId: id.optional(), processId: id.optional() }).strict().default({}), ...common }).strict(),
  z.object({ list: z.literal('interventions'), filters: z.object(interventionFilters).strict().default({}), ...common }).strict(),
  z.object({ list: z.literal('indicators'), filters: z.object(indicatorFilters).strict().default({}), ...common }).strict(),
  z.object({ list: z.literal('measurements'), filters: measurementGridInput, ...common }).strict(),
]);
export type ListExportInput = z.input<typeof listExport>;
export type ListExport = z.output<typeof listExport>;

export interface ListExportResult {
  fileRef: string;
  fileName: string;
  path: string;
  mime: string;
  bytes: number;
  /** Rows written (the list's total with its filters). */
  rows: number;
}
