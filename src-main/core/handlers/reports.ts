import { BoucleError } from '../../../src-shared/errors';
import type { reportsMethods } from '../../../src-shared/reports/api';
import * as tpl from '../../services/reports/templates';
import { buildReportModel } from '../../services/reports/model';
import { cancelReportJob, getReportJob, startReportJob } from '../../reports/jobs';
import type { ReportStep } from '../../reports/build';
import { crudHandlers, type Handlers } from './types';

export const reportsHandlers: Handlers<keyof typeof reportsMethods> = {
  ...crudHandlers('reportTemplates', {
    create: tpl.createReportTemplate,
    update: tpl.updateReportTemplate,
    remove: tpl.deleteReportTemplate,
    get: tpl.getReportTemplate,
    list: tpl.listReportTemplates,
  }),
  'reportTemplates.builtins': () => tpl.listBuiltinTemplates(),

  // The renderers are loaded on first use (see reports/jobs.ts): they weigh on every start.
  'reports.preview': async (ws, i) => {
    const { renderReportHtml } = await import('../../reports/html/render');
    const model = buildReportModel(ws, i.spec);
    return { html: renderReportHtml(model).html, sections: model.sections.length };
  },
  'reports.build': (ws, i, { shell, session }) => {
    // A browser names no file on disk: its report is a download (a page could otherwise overwrite any file).
    if (shell === 'web' && i.out !== undefined) throw BoucleError.of('forbidden', 'report.out_from_browser', undefined, 'out');
    // Built on a worker thread: the app answers every other call meanwhile.
    return startReportJob(ws, i, (req, signal, onStep) =>
      session.runTask('reports.render', { spec: req.spec, format: req.format }, { signal, onProgress: (p) => onStep(p as ReportStep) }),
    );
  },
  'reports.jobs.get': (ws, i) => getReportJob(ws, i.jobId),
  'reports.jobs.cancel': (ws, i) => cancelReportJob(ws, i.jobId),
  'reports.exportList': async (ws, i) => (await import('../../reports/list-export')).exportList(ws, i),
  'reports.exportWorkspace': async (ws) => (await import('../../reports/workspace-export')).exportWorkspaceFile(ws),
};
