import { z } from 'zod';
import { msg } from '../messages';
import { id } from '../common';

// Department templates (process packs) and where imported or template content goes.

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export const templateListInput = z.object({}).strict();

/** Exactly one way to say where imported or template content goes (or, for templates, none: the pack's own department). */
export const departmentTarget = {
  departmentId: id.optional(),
  /** A department code or name; created (with a generated code) when no department matches. */
  departmentName: z.string().trim().min(1, msg('common.required')).max(120, msg('common.max_chars', { max: 120 })).optional(),
};

export const templateApply = z
  .object({
    template: z.string().trim().min(1, msg('template.choose')).max(60),
    ...departmentTarget,
    lang: z.enum(LANGS, msg('template.lang')).default('en'),
  })
  .strict()
  .refine((i) => !(i.departmentId && i.departmentName), {
    ...msg('department.id_or_name'),
    path: ['departmentName'],
  });

export type TemplateApply = z.input<typeof templateApply>;

export interface LocalText {
  en: string;
  fr: string;
}

export interface TemplateProcessSummary {
  key: string;
  name: LocalText;
  description: LocalText | null;
  referenceId: string | null;
  counts: { steps: number; lanes: number; gaps: number; interventions: number; indicators: number };
}

export interface TemplatePackSummary {
  key: string;
  name: LocalText;
  description: LocalText;
  department: { name: LocalText; code: string; colour: string };
  processes: TemplateProcessSummary[];
  counts: { processes: number; steps: number; gaps: number; interventions: number; indicators: number };
}

export interface CreatedSkipped {
  created: number;
  /** Already there from an earlier application (or deleted by the user after it): left as they are. */
  skipped: number;
}

export interface TemplateApplySummary {
  template: string;
  lang: Lang;
  departmentId: string;
  departmentCreated: boolean;
  processes: (CreatedSkipped & { ids: string[] });
  steps: CreatedSkipped;
  flows: CreatedSkipped;
  gaps: CreatedSkipped;
  interventions: CreatedSkipped;
  indicators: CreatedSkipped;
  links: CreatedSkipped;
}
