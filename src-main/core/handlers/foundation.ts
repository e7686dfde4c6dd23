import fs from 'node:fs';
import type { foundationMethods } from '../../../src-shared/api/foundation';
import { ENTITY_NAMES } from '../../db/entities';
import { SCHEMA_VERSION } from '../../db/migrations';
import * as dep from '../../services/departments';
import * as proc from '../../services/processes';
import * as step from '../../services/steps';
import * as gap from '../../services/gaps';
import * as itv from '../../services/interventions';
import * as link from '../../services/links';
import * as ind from '../../services/indicators';
import * as mea from '../../services/measurements';
import { APP_VERSION } from '../version';
import type { Handlers } from './types';

export const foundationHandlers: Handlers<keyof typeof foundationMethods> = {
  'workspace.info': (ws) => {
    const counts: Record<string, number> = {};
    for (const e of ENTITY_NAMES) {
      counts[e] = ws.db.prepare(`SELECT COUNT(*) FROM ${e} WHERE deleted_at IS NULL`).pluck().get() as number;
    }
    const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
    return {
      dataDir: ws.dataDir,
      databaseFile: ws.databaseFile,
      nodeId: ws.nodeId,
      schemaVersion: SCHEMA_VERSION,
      appVersion: APP_VERSION,
      counts,
      databaseBytes: size(ws.databaseFile) + size(`${ws.databaseFile}-wal`),
      // The log is append-only and seq is its rowid, so the last seq is the count, read in O(log n):
      // a COUNT(*) would scan millions of entries after a big import, and this runs after every edit.
      historyEntries: ws.db.prepare(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).pluck().get() as number,
    };
  },

  'departments.create': dep.createDepartment,
  'departments.update': dep.updateDepartment,
  'departments.delete': (ws, i) => dep.deleteDepartment(ws, i.id),
  'departments.get': (ws, i) => dep.getDepartment(ws, i.id),
  'departments.list': dep.listDepartments,

  'processes.create': proc.createProcess,
  'processes.update': proc.updateProcess,
  'processes.delete': (ws, i) => proc.deleteProcess(ws, i.id),
  'processes.get': (ws, i) => proc.getProcess(ws, i.id),
  'processes.list': proc.listProcesses,

  'steps.create': step.createStep,
  'steps.update': step.updateStep,
  'steps.delete': (ws, i) => step.deleteStep(ws, i.id),
  'steps.get': (ws, i) => step.getStep(ws, i.id),
  'steps.list': step.listSteps,

  'gaps.create': gap.createGap,
  'gaps.update': gap.updateGap,
  'gaps.delete': (ws, i) => gap.deleteGap(ws, i.id),
  'gaps.get': (ws, i) => gap.getGap(ws, i.id),
  'gaps.list': gap.listGaps,

  'interventions.create': itv.createIntervention,
  'interventions.update': itv.updateIntervention,
  'interventions.delete': (ws, i) => itv.deleteIntervention(ws, i.id),
  'interventions.get': (ws, i) => itv.getIntervention(ws, i.id),
  'interventions.list': itv.listInterventions,

  'links.gapIntervention.add': link.addGapIntervention,
  'links.gapIntervention.remove': link.removeGapIntervention,
  'links.gapIntervention.list': link.listGapInterventions,
  'links.indicator.add': link.addIndicatorLink,
  'links.indicator.remove': link.removeIndicatorLink,
  'links.indicator.list': link.listIndicatorLinks,

  'indicators.create': ind.createIndicator,
  'indicators.update': ind.updateIndicator,
  'indicators.delete': (ws, i) => ind.deleteIndicator(ws, i.id),
  'indicators.get': (ws, i) => ind.getIndicator(ws, i.id),
  'indicators.list': ind.listIndicators,

  'measurements.create': mea.createMeasurement,
  'measurements.update': mea.updateMeasurement,
  'measurements.delete': (ws, i) => mea.deleteMeasurement(ws, i.id),
  'measurements.get': (ws, i) => mea.getMeasurement(ws, i.id),
  'measurements.list': mea.listMeasurements,
};
