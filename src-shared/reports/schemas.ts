import { z } from 'zod';
import { msg } from '../messages';
import { cleanName, id, name, optionalLine, optionalText, type Stamped } from '../common';
import { reportPeriod, type ReportPeriod } from './period';

// Report templates (the briefing book): an ordered list of sections with a scope, a period, a report
// language, the company's name and logo and a confidentiality line. A template is saved per department
// (an entity of the write path); a spec is what one build uses (a template's fields, maybe unsaved).

export const SECTION_KINDS = [
  'cover',
  'executive_summary',
  'cross_department',
  'process_maps',
  'gap_register',
  'interventions',
  'indicators',
  'roi',
  'missing_updates',
  'methods',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const REPORT_LANGUAGES = ['en', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx', 'pptx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportSection = z
  .object({
    kind: z.enum(SECTION_KINDS, msg('report.section.kind')),
    /** A title of the user's; null: the section's own title in the report language. */
    title: z.string().overwrite(cleanName).trim().max(120, msg('common.max_chars', { max: 120 })).nullable().default(null),
  })
  .strict();
export type ReportSection = z.output<typeof reportSection>;

export const reportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own') }).strict(),
  z.object({ kind: z.literal('several'), departmentIds: z.array(id).min(1, msg('report.scope.empty')).max(100) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type ReportScope = z.output<typeof reportScope>;

/** 512 kB of image: a logo, not a photograph; it is kept in the workspace with the template. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;
export const reportLogo = z
  .object({
    mime: z.enum(LOGO_TYPES, msg('report.logo.type')),
    base64: z.string().min(1, msg('report.logo.empty')).max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, msg('report.logo.too_large', { max: LOGO_MAX_BYTES / 1024 })),
    name: z.string().trim().max(200).nullable().default(null),
  })
  .strict();
export type ReportLogo = z.output<typeof reportLogo>;

const specFields = {
  sections: z.array(reportSection).min(1, msg('report.sections.empty')).max(40),
  scope: reportScope.default({ kind: 'own' }),
  period: reportPeriod.default({ kind: 'relative', relative: 'last_quarter' }),
  language: z.enum(REPORT_LANGUAGES, msg('report.language')).default('en'),
  companyName: optionalLine(200),
  logo: reportLogo.nullable().optional(),
  confidentiality: optionalLine(300),
  paper: z.enum(PAPER_SIZES, msg('report.paper')).default('a4'),
  /** A case study: the report follows this one intervention (its gaps, indicators and ROI). */
  focusInterventionId: id.nullable().optional(),
};

export const reportTemplateCreate = z
  .object({ departmentId: id, name: name(120), description: optionalText(1000), ...specFields })
  .strict();

export const reportTemplateUpdate = z
  .object({
    id,
    name: name(120).optional(),
    description: optionalText(1000),
    sections: specFields.sections.optional(),
    scope: reportScope.optional(),
    period: reportPeriod.optional(),
    language: z.enum(REPORT_LANGUAGES, msg('report.language')).optional(),
    companyName: optionalLine(200),
    logo: reportLogo.nullable().optional(),
    confidentiality: optionalLine(300),
    paper: z.enum(PAPER_SIZES, msg('report.paper')).optional(),
    focusInterventionId: id.nullable().optional(),
  })
  .strict();

export const reportTemplateList = z.object({ departmentId: id.optional(), limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict();

export interface ReportTemplate extends Stamped {
  departmentId: string;
  name: string;
  description: string | null;
  sections: ReportSection[];
  scope: ReportScope;
  period: ReportPeriod;
  language: ReportLanguage;
  companyName: string | null;
  logo: ReportLogo | null;
  confidentiality: string | null;
  paper: PaperSize;
  focusInterventionId: string | null;
}

/** What one build uses: a template's fields, saved or not, and the department "own" refers to. */
export const reportSpec = z
  .object({
    departmentId: id.nullable().default(null),
    title: name(200),
    ...specFields,
  })
  .strict()
  .refine((s) => s.scope.kind !== 'own' || s.departmentId !== null, { ...msg('report.scope.own_needs_department'), path: ['scope'] });
export type ReportSpecInput = z.input<typeof reportSpec>;
export type ReportSpec = z.output<typeof reportSpec>;

export const reportBuild = z
  .object({
    spec: reportSpec,
    format: z.enum(REPORT_FORMATS, msg('report.format')),
    /** Where to write the file (CLI, the app's save dialog). Absent: a download kept for a while. */
    out: z.string().trim().min(1).max(4096).optional(),
    /** Replace a file already at `out`. */
    force: z.boolean().default(false),
  })
  .strict();
export type ReportBuildInput = z.input<typeof reportBuild>;

export const reportPreview = z.object({ spec: reportSpec }).strict();

export const reportJobInput = z.object({ jobId: z.string().uuid(msg('common.invalid_id')) }).strict();

export const REPORT_PHASES = ['collecting', 'rendering', 'writing', 'done', 'failed', 'cancelled'] as const;
export type ReportPhase = (typeof REPORT_PHASES)[number];

/** A file the core wrote: downloadable by `fileRef` from the web shell, or at `path` on this machine. */
export interface ReportFile {
  fileRef: string;
  fileName: string;
  path: string;
  bytes: number;
  mime: string;
}

export interface ReportJob {
  id: string;
  format: ReportFormat;
  phase: ReportPhase;
  /** 0…1 */
  fraction: number;
  /** What it is doing, e.g. "indicators 3/12": a section kind and a count. */
  step: { section: SectionKind | null; done: number; total: number } | null;
  startedAt: string;
  finishedAt: string | null;
  result: (ReportFile & { pages: number | null }) | null;
  error: { code: string; message: string; key?: string; params?: Record<string, string | number> } | null;
}
