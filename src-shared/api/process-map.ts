import { byId } from '../schemas/common';
import * as pm from '../schemas/process-map';
import { method } from './define';

/** Process maps, flows, undo, department templates and BPMN import (issue 3). */
export const processMapMethods = {
  /** The process as a swimlane map: lanes in order, steps in order, flows, gap markers per step. */
  'processes.map': method<pm.ProcessMap>()(pm.processMapInput),
  /** Undoes the last edit of the process's map (one transaction of the change log); again = one further back. */
  'processes.undo': method<pm.UndoResult>()(pm.processMapInput),
  'processes.reorderLanes': method<pm.ProcessMap>()(pm.lanesReorder),
  /** `orderedStepIds` must list every live step of the process exactly once. */
  'steps.reorder': method<pm.ProcessMap>()(pm.stepsReorder),

  'flows.create': method<pm.StepFlow>()(pm.flowCreate),
  'flows.update': method<pm.StepFlow>()(pm.flowUpdate),
  'flows.delete': method<{ ok: true }>()(byId),
  'flows.list': method<pm.StepFlow[]>()(pm.flowList),

  'templates.list': method<pm.TemplatePackSummary[]>()(pm.templateListInput),
  'templates.apply': method<pm.TemplateApplySummary>()(pm.templateApply),

  'bpmn.import': method<pm.BpmnImportSummary>()(pm.bpmnImport),
};
