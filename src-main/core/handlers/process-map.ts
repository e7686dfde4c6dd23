import type { processMapMethods } from '../../../src-shared/api/process-map';
import { importBpmn } from '../../services/process-map/bpmn-import';
import * as flows from '../../services/process-map/flows';
import * as map from '../../services/process-map/map';
import { applyTemplate, listTemplates } from '../../services/process-map/templates';
import { undoLastMapEdit } from '../../services/process-map/undo';
import type { Handlers } from './types';

export const processMapHandlers: Handlers<keyof typeof processMapMethods> = {
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

  'bpmn.import': importBpmn,
};
