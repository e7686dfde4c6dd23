import type { z } from 'zod';
import type { MethodDef } from './api/define';
import { foundationMethods } from './api/foundation';
import { processMapMethods } from './api/process-map';
import { gapWorkflowMethods } from './api/gap-workflow';
import { indicatorsAnalyticsMethods } from './api/indicators-analytics';

/**
 * The whole API of the core: one map from method name to input schema and result type.
 * Each area adds its own map in src-shared/api/<area>.ts and is spread here, once.
 */
export const apiMethods = {
  ...foundationMethods,
  ...processMapMethods,
  ...gapWorkflowMethods,
  ...indicatorsAnalyticsMethods,
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
export type { Page } from './schemas/common';
export type { Department } from './schemas/departments';
export type { Process } from './schemas/processes';
export type { Step } from './schemas/steps';
export type { Gap } from './schemas/gaps';
export type { Intervention } from './schemas/interventions';
export type { GapIntervention, IndicatorLinkRow } from './schemas/links';
export type { Indicator } from './schemas/indicators';
export type { Measurement } from './schemas/measurements';
