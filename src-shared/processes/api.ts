import { byId } from '../common';
import { crudMethods, method } from '../api-method';
import * as proc from './schemas';
import * as step from './steps';
import * as pm from './map';
import * as tpl from './templates';
import * as bpmn from './bpmn';

const ok = method<{ ok: true }>();

/** Processes and their steps, the swimlane map, flows, undo, department templates and BPMN import. */
export const processesMethods = {
  ...crudMethods<proc.Process>()('processes', { create: proc.processCreate, update: proc.processUpdate, list: proc.processList }),
  ...crudMethods<step.Step>()('steps', { create: step.stepCreate, update: step.stepUpdate, list: step.stepList }),

  /** Steps and open gaps per process, in one call (the list of processes shows both for every row). */
  'processes.counts': method<proc.ProcessCount[]>()(proc.processCounts),
  /** The process as a swimlane map: lanes in order, steps in order, flows, gap markers per step. */
  'processes.map': method<pm.ProcessMap>()(pm.processMapInput),
  /** Undoes the last edit of the process's map (one transaction of the change log); again = one further back. */
  'processes.undo': method<pm.UndoResult>()(pm.processMapInput),
  'processes.reorderLanes': method<pm.ProcessMap>()(pm.lanesReorder),
  /** `orderedStepIds` must list every live step of the process exactly once. */
  'steps.reorder': method<pm.ProcessMap>()(pm.stepsReorder),

  'flows.create': method<pm.StepFlow>()(pm.flowCreate),
  'flows.update': method<pm.StepFlow>()(pm.flowUpdate),
  'flows.delete': ok(byId),
  'flows.list': method<pm.StepFlow[]>()(pm.flowList),

  'templates.list': method<tpl.TemplatePackSummary[]>()(tpl.templateListInput),
  'templates.apply': method<tpl.TemplateApplySummary>()(tpl.templateApply),

  'bpmn.import': method<bpmn.BpmnImportSummary>()(bpmn.bpmnImport),
  /** The same import as a job, for files of any size: off the thread that answers calls, with progress. */
  'bpmn.importStart': method<bpmn.BpmnJob>()(bpmn.bpmnImport),
  'bpmn.jobs.get': method<bpmn.BpmnJob>()(bpmn.bpmnJobInput),
};
