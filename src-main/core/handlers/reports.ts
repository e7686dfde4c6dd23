import type { reportsMethods } from '../../../src-shared/reports/api';
import * as tpl from '../../services/reports/templates';
import { buildReportModel } from '../../services/reports/model';
import { renderReportHtml } from '../../reports/html/render';
import { cancelReportJob, getReportJob, startReportJob } from '../../reports/jobs';
import { exportList } from '../../reports/list-export';
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

  'reports.preview': (ws, i) => {
    const model = buildReportModel(ws, i.spec);
    return { html: renderReportHtml(model).html, sections: model.sections.length };
  },
  'reports.build': (ws, i) => startReportJob(ws, i),
  'reports.jobs.get': (ws, i) => getReportJob(ws, i.jobId),
  'reports.jobs.cancel': (ws, i) => cancelReportJob(ws, i.jobId),
  'reports.exportList': exportList,
};
