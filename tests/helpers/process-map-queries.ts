import { expect } from 'vitest';
import type { MapStep, ProcessMap } from '../../src-shared/processes/map';

// Finding steps, flows and processes of a map by name, failing with what the map does hold.

export const names = (m: ProcessMap) => m.steps.map((s) => s.name);
export const step = (m: ProcessMap, name: string): MapStep => {
  const s = m.steps.find((x) => x.name === name);
  if (!s) throw new Error(`No step “${name}” in ${m.process.name}: ${names(m).join(' | ')}`);
  return s;
};
export const before = (m: ProcessMap, a: string, b: string) => expect(step(m, a).position).toBeLessThan(step(m, b).position);
export const flow = (m: ProcessMap, from: string, to: string) =>
  m.flows.find((f) => f.fromStepId === step(m, from).id && f.toStepId === step(m, to).id);
export const byName = (maps: ProcessMap[], name: string) => {
  const m = maps.find((x) => x.process.name === name);
  if (!m) throw new Error(`No process “${name}”: ${maps.map((x) => x.process.name).join(' | ')}`);
  return m;
};
