import { z } from 'zod';
import { byId, type Page } from '../schemas/common';
import * as dep from '../schemas/departments';
import * as proc from '../schemas/processes';
import * as step from '../schemas/steps';
import * as gap from '../schemas/gaps';
import * as itv from '../schemas/interventions';
import * as link from '../schemas/links';
import * as ind from '../schemas/indicators';
import * as mea from '../schemas/measurements';
import { method } from './define';

export interface WorkspaceInfo {
  dataDir: string;
  databaseFile: string;
  nodeId: string;
  schemaVersion: number;
  appVersion: string;
  counts: Record<string, number>;
  /** The database file and its write-ahead log, in bytes. */
  databaseBytes: number;
  /** Entries of the change log (one per changed field): history, undo and sync read them. */
  historyEntries: number;
}

const empty = z.object({}).strict();
const ok = method<{ ok: true }>();

/** Create, update, delete, get and list for every entity of the domain model, version 1. */
export const foundationMethods = {
  'workspace.info': method<WorkspaceInfo>()(empty),

  'departments.create': method<dep.Department>()(dep.departmentCreate),
  'departments.update': method<dep.Department>()(dep.departmentUpdate),
  'departments.delete': ok(byId),
  'departments.get': method<dep.Department>()(byId),
  'departments.list': method<Page<dep.Department>>()(dep.departmentList),

  'processes.create': method<proc.Process>()(proc.processCreate),
  'processes.update': method<proc.Process>()(proc.processUpdate),
  'processes.delete': ok(byId),
  'processes.get': method<proc.Process>()(byId),
  'processes.list': method<Page<proc.Process>>()(proc.processList),

  'steps.create': method<step.Step>()(step.stepCreate),
  'steps.update': method<step.Step>()(step.stepUpdate),
  'steps.delete': ok(byId),
  'steps.get': method<step.Step>()(byId),
  'steps.list': method<Page<step.Step>>()(step.stepList),

  'gaps.create': method<gap.Gap>()(gap.gapCreate),
  'gaps.update': method<gap.Gap>()(gap.gapUpdate),
  'gaps.delete': ok(byId),
  'gaps.get': method<gap.Gap>()(byId),
  'gaps.list': method<Page<gap.Gap>>()(gap.gapList),

  'interventions.create': method<itv.Intervention>()(itv.interventionCreate),
  'interventions.update': method<itv.Intervention>()(itv.interventionUpdate),
  'interventions.delete': ok(byId),
  'interventions.get': method<itv.Intervention>()(byId),
  'interventions.list': method<Page<itv.Intervention>>()(itv.interventionList),

  'links.gapIntervention.add': method<link.GapIntervention>()(link.gapInterventionLink),
  'links.gapIntervention.remove': ok(link.gapInterventionLink),
  'links.gapIntervention.list': method<link.GapIntervention[]>()(link.linkList),
  'links.indicator.add': method<link.IndicatorLinkRow>()(link.indicatorLink),
  'links.indicator.remove': ok(link.indicatorLink),
  'links.indicator.list': method<link.IndicatorLinkRow[]>()(link.linkList),

  'indicators.create': method<ind.Indicator>()(ind.indicatorCreate),
  'indicators.update': method<ind.Indicator>()(ind.indicatorUpdate),
  'indicators.delete': ok(byId),
  'indicators.get': method<ind.Indicator>()(byId),
  'indicators.list': method<Page<ind.Indicator>>()(ind.indicatorList),

  'measurements.create': method<mea.Measurement>()(mea.measurementCreate),
  'measurements.update': method<mea.Measurement>()(mea.measurementUpdate),
  'measurements.delete': ok(byId),
  'measurements.get': method<mea.Measurement>()(byId),
  'measurements.list': method<Page<mea.Measurement>>()(mea.measurementList),
};
