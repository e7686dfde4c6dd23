import type { z } from 'zod';
import type { MethodDef } from './api-method';
import { workspaceMethods } from './workspace/api';
import { departmentsMethods } from './departments/api';
import { processesMethods } from './processes/api';
import { gapsMethods } from './gaps/api';
import { interventionsMethods } from './interventions/api';
import { indicatorsMethods } from './indicators/api';
import { impactMethods } from './impact/api';
import { roiMethods } from './roi/api';
import { importsMethods } from './imports/api';
import { searchMethods } from './search/api';
import { historyMethods } from './history/api';
import { dashboardMethods } from './dashboard/api';
import { reportsMethods } from './reports/api';
import { syncMethods } from './sync/api';

/**
 * The whole API of the core: one map from method name to input schema and result type.
 * Each domain area declares its methods in src-shared/<area>/api.ts; they are spread here, once.
 */
export const apiMethods = {
  ...workspaceMethods,
  ...departmentsMethods,
  ...processesMethods,
  ...gapsMethods,
  ...interventionsMethods,
  ...indicatorsMethods,
  ...impactMethods,
  ...roiMethods,
  ...importsMethods,
  ...searchMethods,
  ...historyMethods,
  ...dashboardMethods,
  ...reportsMethods,
  ...syncMethods,
};

export type ApiMethods = typeof apiMethods;
export type ApiName = keyof ApiMethods;
type DefOf<K extends ApiName> = ApiMethods[K];
export type ApiInput<K extends ApiName> = DefOf<K> extends MethodDef<infer S, unknown> ? z.input<S> : never;
export type ApiParsed<K extends ApiName> = DefOf<K> extends MethodDef<infer S, unknown> ? z.output<S> : never;
export type ApiOutput<K extends ApiName> = DefOf<K> extends MethodDef<z.ZodType, infer R> ? R : never;

/** `type Api = { 'gaps.create': (input: GapCreate) => Gap; … }` */
export type Api = { [K in ApiName]: (input: ApiInput<K>) => ApiOutput<K> };

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

export * from './errors';
export type { Page } from './common';
export type { Department } from './departments/schemas';
export type { Process } from './processes/schemas';
export type { Step } from './processes/steps';
export type { Gap } from './gaps/schemas';
export type { Intervention } from './interventions/schemas';
export type { GapIntervention } from './interventions/links';
export type { IndicatorLinkRow } from './indicators/links';
export type { Indicator } from './indicators/schemas';
export type { Measurement } from './indicators/measurements';
export type { WorkspaceInfo } from './workspace/schemas';
