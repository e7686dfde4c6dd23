import { z } from 'zod';
import { crudMethods, method } from '../api-method';
import * as r from './schemas';
import * as le from './list-export';
import type { BuiltinTemplate } from './builtin-templates';

/** Report templates (saved per department), the ready ones, report builds with progress, list exports. */
export const reportsMethods = {
  ...crudMethods<r.ReportTemplate>()('reportTemplates', {
    create: r.reportTemplateCreate,
    update: r.reportTemplateUpdate,
    list: r.reportTemplateList,
  }),
  /** The ready templates Boucle ships (monthly department review, quarterly cross-department review, case study). */
  'reportTemplates.builtins': method<BuiltinTemplate[]>()(z.object({}).strict()),

  /** The report as one self-contained HTML document: what every format will show. */
  'reports.preview': method<{ html: string; sections: number }>()(r.reportPreview),
  /** Starts building a report file; follow it with reports.jobs.get (progress), stop it with reports.jobs.cancel. */
  'reports.build': method<{ jobId: string }>()(r.reportBuild),
  'reports.jobs.get': method<r.ReportJob>()(r.reportJobInput),
  /** Stops a build; no file is left behind. */
  'reports.jobs.cancel': method<r.ReportJob>()(r.reportJobInput),

  /** What a list screen shows (same filters and sort), as a CSV or XLSX file. */
  'reports.exportList': method<le.ListExportResult>()(le.listExport),
  /** The whole workspace as one JSON document, as `boucle export --json` writes it (`boucle import-json` reads it back). */
  'reports.exportWorkspace': method<r.ReportFile>()(z.object({}).strict()),
};

export type { BuiltinTemplate };
