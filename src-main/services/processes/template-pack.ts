import { z } from 'zod';
import {
  GAP_TYPES,
  INDICATOR_CATEGORIES,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  INTERVENTION_KINDS,
  PLATFORMS,
} from '../../../src-shared/domain';
import { FLOW_KINDS, STEP_KINDS } from '../../../src-shared/processes/map';

// The shape of a department pack in resources/templates/*.json, checked when the packs are loaded so
// a broken pack is reported by file and path instead of half-applied.

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'Keys are lower-case letters, digits and -' });
/** Every text a user sees exists in English and French; the language is chosen when applying. */
export const localText = z.object({ en: z.string().trim().min(1), fr: z.string().trim().min(1) }).strict();
const textOrSame = z.union([z.string(), localText]);

const step = z
  .object({
    key,
    name: localText,
    lane: key,
    system: z.string().max(60).optional(),
    kind: z.enum(STEP_KINDS).default('task'),
    inputs: localText.optional(),
    outputs: localText.optional(),
  })
  .strict();

const flow = z
  .object({ from: key, to: key, label: localText.optional(), kind: z.enum(FLOW_KINDS).default('sequence') })
  .strict();

const gap = z
  .object({
    key,
    step: key.optional(),
    type: z.enum(GAP_TYPES),
    title: localText,
    /** Why this gap typically happens: stored as the gap's description. */
    why: localText,
    severity: z.number().int().min(1).max(5),
    frequencyPerMonth: z.number().min(0),
    hoursLostPerOccurrence: z.number().min(0),
  })
  .strict();

const intervention = z
  .object({
    key,
    kind: z.enum(INTERVENTION_KINDS),
    platform: z.enum(PLATFORMS),
    title: localText,
    why: localText,
    expectedBenefit: localText.optional(),
    closes: z.array(key).default([]),
  })
  .strict();

const indicator = z
  .object({
    key,
    name: localText,
    /** "{currency}" is replaced by the department's currency when applied. */
    unit: textOrSame,
    direction: z.enum(INDICATOR_DIRECTIONS),
    category: z.enum(INDICATOR_CATEGORIES),
    frequency: z.enum(INDICATOR_FREQUENCIES),
    source: z.enum(INDICATOR_SOURCES),
    formula: localText,
    /** APQC PCF id or SCOR metric code this indicator comes from. */
    reference: z.string().max(120).optional(),
    proves: z.array(key).default([]),
  })
  .strict();

const processDef = z
  .object({
    key,
    name: localText,
    description: localText.optional(),
    referenceId: z.string().max(60).optional(),
    systems: z.array(z.string().min(1).max(60)).default([]),
    lanes: z.array(z.object({ key, name: localText }).strict()).min(1),
    steps: z.array(step).min(1),
    /** Omitted: each step flows to the next one. */
    flows: z.array(flow).optional(),
    gaps: z.array(gap).default([]),
    interventions: z.array(intervention).default([]),
    indicators: z.array(indicator).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const unique = (what: string, keys: string[]) => {
      const seen = new Set<string>();
      keys.forEach((k, i) => (seen.has(k) ? issue(`${what} key ${k} is used twice`, [what, i]) : seen.add(k)));
      return seen;
    };
    const lanes = unique('lanes', p.lanes.map((l) => l.key));
    const steps = unique('steps', p.steps.map((s) => s.key));
    const gaps = unique('gaps', p.gaps.map((g) => g.key));
    unique('interventions', p.interventions.map((i) => i.key));
    unique('indicators', p.indicators.map((i) => i.key));
    p.steps.forEach((s, i) => lanes.has(s.lane) || issue(`unknown lane ${s.lane}`, ['steps', i, 'lane']));
    p.flows?.forEach((f, i) => {
      if (!steps.has(f.from)) issue(`unknown step ${f.from}`, ['flows', i, 'from']);
      if (!steps.has(f.to)) issue(`unknown step ${f.to}`, ['flows', i, 'to']);
      if (f.from === f.to) issue('a step cannot flow to itself', ['flows', i]);
    });
    p.gaps.forEach((g, i) => g.step === undefined || steps.has(g.step) || issue(`unknown step ${g.step}`, ['gaps', i, 'step']));
    p.interventions.forEach((v, i) =>
      v.closes.forEach((g, j) => gaps.has(g) || issue(`unknown gap ${g}`, ['interventions', i, 'closes', j])),
    );
    p.indicators.forEach((v, i) =>
      v.proves.forEach((g, j) => gaps.has(g) || issue(`unknown gap ${g}`, ['indicators', i, 'proves', j])),
    );
  });

export const templatePack = z
  .object({
    key,
    version: z.number().int().min(1),
    name: localText,
    description: localText,
    department: z
      .object({
        name: localText,
        code: z.string().regex(/^[A-Za-z0-9_-]{1,12}$/),
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      })
      .strict(),
    processes: z.array(processDef).min(1),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.processes.forEach((p, i) => {
      if (seen.has(p.key)) ctx.addIssue({ code: 'custom', message: `process key ${p.key} is used twice`, path: ['processes', i, 'key'] });
      seen.add(p.key);
    });
  });

export type TemplatePack = z.output<typeof templatePack>;
export type TemplateProcess = TemplatePack['processes'][number];
export type LocalText = z.output<typeof localText>;
