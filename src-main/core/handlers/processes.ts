import type { processesMethods } from '../../../src-shared/processes/api';
import { getBpmnJob, runBpmnImport, startBpmnJob } from '../bpmn-jobs';
import { refusePathFromBrowser } from './imports';
import * as flows from '../../services/processes/flows';
import * as map from '../../services/processes/map';
import * as proc from '../../services/processes/process-service';
import * as step from '../../services/processes/step-service';
import { applyTemplate, listTemplates } from '../../services/processes/templates';
import { undoLastMapEdit } from '../../services/processes/undo';
import { crudHandlers, type Handlers } from './types';

export const processesHandlers: Handlers<keyof typeof processesMethods> = {
  ...crudHandlers('processes', { create: proc.createProcess, update: proc.updateProcess, remove: proc.deleteProcess, get: proc.getProcess, list: proc.listProcesses }),
  ...crudHandlers('steps', { create: step.createStep, update: step.updateStep, remove: step.deleteStep, get: step.getStep, list: step.listSteps }),

  'processes.counts': proc.processCounts,
  'processes.map': (ws, i) => map.buildProcessMap(ws, i.processId),
  'processes.undo': (ws, i) => undoLastMapEdit(ws, i.processId),
  'processes.reorderLanes': map.reorderLanes,
  'steps.reorder': map.reorderSteps,

  'flows.create': flows.createFlow,
  'flows.update': flows.updateFlow,
  'flows.delete': (ws, i) => flows.deleteFlow(ws, i.id),
  'flows.list': (ws, i) => flows.listFlows(ws, i.processId),

  'templates.list': () => listTemplates(),
  'templates.apply': applyTemplate,

  'bpmn.import': (ws, i, ctx) => {
    refusePathFromBrowser(i, ctx);
    return runBpmnImport(ctx.session, ws, i);
  },
  'bpmn.importStart': (ws, i, ctx) => {
    refusePathFromBrowser(i, ctx);
    return startBpmnJob(ctx.session, ws, i);
  },
  'bpmn.jobs.get': (_ws, i, ctx) => getBpmnJob(ctx.session, i.jobId),
};
