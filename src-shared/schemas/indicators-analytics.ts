import { z } from 'zod';
import { msg, type MessageKey, type MessageParams } from '../messages';
import type { INDICATOR_DIRECTIONS, INDICATOR_FREQUENCIES } from '../domain';
import { cents, finite, id, isoDate, optionalText } from './common';

// Issue 5: the numbers a loop closer defends (RAG status, the typing grid, XmR limits, impact, ROI)
// and the measurement import. Every number is computed in the core; these are the inputs (zod) and
// the shapes the app, the CLI and the reports receive.

type Direction = (typeof INDICATOR_DIRECTIONS)[number];
type Frequency = (typeof INDICATOR_FREQUENCIES)[number];

const dateRange = <T extends { from?: string | undefined; to?: string | undefined }>(v: T) => !v.from || !v.to || v.from <= v.to;
const dateRangeError = { ...msg('common.end_before_start'), path: ['to'] };

// ============================================================================================ RAG status

export const RAG_STATUSES = ['green', 'amber', 'red', 'no_data', 'no_target'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const indicatorStatusInput = z
  .object({
    indicatorId: id,
    /** "Today" for the status (a report of a past date); the latest value on or before it counts. */
    asOf: isoDate.optional(),
  })
  .strict();

export const indicatorStatusListInput = z
  .object({
    departmentId: id.optional(),
    indicatorIds: z.array(id).max(1000, msg('indicator.max_selected', { max: 1000 })).optional(),
    asOf: isoDate.optional(),
  })
  .strict();

export interface IndicatorStatus {
  indicatorId: string;
  status: RagStatus;
  direction: Direction;
  /** The latest measurement (by period) on or before `asOf`. */
  latest: { period: string; value: number } | null;
  targetValue: number | null;
  tolerancePct: number;
  /**
   * The amber band next to the target, in the indicator's unit: [target − tolerance, target] when
   * higher is better, [target, target + tolerance] when lower is better (tolerance = |target| × pct).
   */
  band: { low: number; high: number } | null;
  /** latest − target, signed; null without both. */
  deltaToTarget: number | null;
  /** Ended periods of the indicator's frequency with no value, from its first period to `asOf`. */
  missingPeriods: number;
  /** The last ended period has no value. */
  stale: boolean;
}

// ============================================================================ the typing grid (periods)

export const measurementGridInput = z
  .object({ indicatorId: id, from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine(dateRange, dateRangeError);

export interface GridRow {
  /** First day of the period (the Monday for weekly, the 1st for monthly …); the measurement's key. */
  period: string;
  /** Last day of the period. */
  periodEnd: string;
  value: number | null;
  note: string | null;
  measurementId: string | null;
  /** The stored date when it is not the period's first day (values typed before periods existed). */
  measuredOn: string | null;
  /** The period has ended and has no value. */
  missing: boolean;
  /** Today falls in this period: its value is not due yet. */
  current: boolean;
}

export interface MeasurementGrid {
  indicatorId: string;
  frequency: Frequency;
  /** First and last period laid out (period starts). */
  from: string;
  to: string;
  /** Oldest first. */
  rows: GridRow[];
  /** Periods of `rows` that are missing. */
  missing: string[];
  /** Measurements outside [from, to] (not in `rows`). */
  outside: number;
}

export const measurementUpsertMany = z
  .object({
    indicatorId: id,
    /** One entry per period; `value: null` deletes the period's value. Saved all or nothing. */
    values: z
      .array(
        z
          .object({
            period: isoDate,
            value: finite.nullable(),
            /** Omitted: the note stays as it is; null: cleared. */
            note: optionalText(2000),
          })
          .strict(),
      )
      .min(1, msg('grid.nothing_to_save'))
      .max(10_000, msg('grid.max_periods_at_once')),
    source: optionalText(200),
  })
  .strict();

export interface UpsertManyResult {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

// ========================================================================================= XmR (PBC)

export const indicatorXmrInput = z
  .object({
    indicatorId: id,
    /** Points shown; default: all. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /**
     * Points the limits are computed on. Default: the points before the earliest start of a linked
     * intervention when there are enough of them, else every point.
     */
    limitsFrom: isoDate.optional(),
    limitsTo: isoDate.optional(),
  })
  .strict()
  .refine(dateRange, dateRangeError);

export const XMR_RULES = ['beyond_limits', 'run_of_8', 'three_of_four'] as const;
export type XmrRule = (typeof XMR_RULES)[number];

export interface XmrLimits {
  /** Mean of the points the limits are computed on (the centre line). */
  centre: number;
  /** Mean moving range |xᵢ − xᵢ₋₁|. */
  mrBar: number;
  /** Natural process limits: centre ± 2.66 × mrBar. */
  unpl: number;
  lnpl: number;
  /** Upper range limit of the moving ranges: 3.268 × mrBar. */
  url: number;
  /** Estimated sigma: mrBar ÷ 1.128. */
  sigma: number;
  /** Points the limits were computed on, and their first and last periods. */
  n: number;
  from: string;
  to: string;
}

export interface XmrSignal {
  /** beyond_limits: a point outside the natural process limits; run_of_8: 8 or more in a row on one
   * side of the centre line; three_of_four: 3 of 4 in a row closer to one limit than to the centre. */
  rule: XmrRule;
  side: 'above' | 'below';
  /** Favourable when the side is the indicator's good direction. */
  effect: 'favourable' | 'unfavourable';
  periods: string[];
}

export interface XmrPoint {
  period: string;
  value: number;
  movingRange: number | null;
}

export type NotEnoughData = {
  status: 'not_enough_data';
  /** Points needed (on each side for impact). */
  needed: number;
};

export type IndicatorXmr =
  | {
      status: 'ok';
      indicatorId: string;
      /** How the limits' points were chosen (see indicatorXmrInput). */
      basis: 'before_intervention' | 'all' | 'chosen';
      limits: XmrLimits;
      points: XmrPoint[];
      /** Signals among the points after the limits' points (all points when the basis is 'all'). */
      signals: XmrSignal[];
    }
  | (NotEnoughData & { indicatorId: string; have: number });

// ============================================================================================ impact

export const impactInput = z
  .object({
    interventionId: id,
    indicatorId: id,
    /** Fewest points on each side for a number; below it the answer is "not enough data". */
    minPoints: z.number().int().min(3).max(100).default(6),
  })
  .strict();

export interface ImpactSide {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** First and last periods. */
  from: string;
  to: string;
}

export const IMPACT_VERDICTS = ['improved', 'worsened', 'no_clear_change'] as const;
export type ImpactVerdict = (typeof IMPACT_VERDICTS)[number];

export type ImpactResult =
  | {
      status: 'ok';
      interventionId: string;
      indicatorId: string;
      startDate: string;
      direction: Direction;
      unit: string;
      before: ImpactSide;
      after: ImpactSide;
      /** after − before, in the indicator's unit. */
      change: number;
      /** change ÷ |before mean| × 100; null when the mean before is 0. */
      changePct: number | null;
      /** 95% interval of the change by Welch's t (unequal variances). */
      interval: { level: 0.95; low: number; high: number; df: number; se: number; t: number; method: 'welch' };
      /** improved / worsened when the interval excludes 0, else no_clear_change; direction-aware. */
      verdict: ImpactVerdict;
      /** The period straddling the start date (neither before nor after), if it has a value. */
      excluded: string[];
      /** XmR limits computed on the points before; signals among the points after. */
      xmr: { limits: XmrLimits; signals: XmrSignal[] };
    }
  | (NotEnoughData & {
      interventionId: string;
      indicatorId: string;
      startDate: string;
      have: { before: number; after: number };
    });

// =============================================================================== benefit models, ROI

export const BENEFIT_KINDS = ['time_released', 'cost_avoided', 'cash_released', 'custom'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const BENEFIT_CLASSES = ['hard', 'soft'] as const;
export type BenefitClass = (typeof BENEFIT_CLASSES)[number];
/** How often an amount recurs; one_off is counted once, in the month the benefit starts. */
export const AMOUNT_PER = ['month', 'quarter', 'year', 'one_off'] as const;
export type AmountPer = (typeof AMOUNT_PER)[number];

const pct = (max: number) => finite.min(0, msg('common.not_negative')).max(max, msg('common.at_most', { max }));

const benefitFields = {
  label: optionalText(200),
  /** Hard = cash that shows in the accounts; soft = capacity or value that does not (yet). */
  classification: z.enum(BENEFIT_CLASSES, msg('benefit.classification')),
  // time_released: hours saved per month × fully loaded hourly rate × realisation %
  hoursPerMonth: pct(1_000_000).nullable(),
  /** Null: the department's loaded hourly rate. */
  hourlyRateCents: cents.nullable(),
  /** Share of the hours saved that is really put to other use; null = 100. */
  realisationPct: pct(100).nullable(),
  // cost_avoided, custom: an amount per month (default) / quarter / year, or once
  amountCents: cents.nullable(),
  amountPer: z.enum(AMOUNT_PER, msg('benefit.amount_per')).nullable(),
  // cash_released: annual revenue ÷ 365 × days improved (e.g. DSO)
  annualRevenueCents: cents.nullable(),
  daysImproved: pct(3650).nullable(),
  /** With a rate, the benefit is the yearly financing saved on the released cash, not the cash itself. */
  financingRatePct: pct(100).nullable(),
  /** When the benefit starts and ends; default: the intervention's start, no end. */
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  /** The indicator that evidences the benefit (optional). */
  indicatorId: id.nullable(),
  note: optionalText(2000),
};

const optionalBenefitFields = z.object(benefitFields).partial().shape;

export type BenefitFields = { kind: BenefitKind } & Partial<{ [K in keyof typeof benefitFields]: z.output<(typeof benefitFields)[K]> }>;

/** What is wrong with a benefit model: the field, the message key and its English text. */
export interface BenefitProblem {
  field: string;
  key: MessageKey;
  message: string;
}

/**
 * The rules a benefit model must satisfy whatever the path (create, or update merged with what is
 * stored): the fields its kind needs, and dates in order. Returns the first problem, or null.
 */
export function benefitModelProblem(m: BenefitFields): BenefitProblem | null {
  const problem = (field: string, key: MessageKey): BenefitProblem => ({ field, key, message: msg(key).message });
  const need = (field: 'hoursPerMonth' | 'amountCents' | 'annualRevenueCents' | 'daysImproved') =>
    m[field] === null || m[field] === undefined ? problem(field, `benefit.required.${field}`) : null;
  let missing: BenefitProblem | null = null;
  switch (m.kind) {
    case 'time_released':
      missing = need('hoursPerMonth');
      break;
    case 'cost_avoided':
    case 'custom':
      missing = need('amountCents'); // amountPer defaults to month
      break;
    case 'cash_released':
      missing = need('annualRevenueCents') ?? need('daysImproved');
      break;
  }
  if (missing) return missing;
  if (m.startDate && m.endDate && m.endDate < m.startDate) return problem('endDate', 'common.end_before_start');
  return null;
}

export const benefitModelCreate = z
  .object({ interventionId: id, kind: z.enum(BENEFIT_KINDS, msg('benefit.kind')), ...optionalBenefitFields })
  .strict()
  .superRefine((m, ctx) => {
    const p = benefitModelProblem(m);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
  });

/** Partial; the merged result (stored row + these fields) must still satisfy benefitModelProblem. */
export const benefitModelUpdate = z
  .object({ id, kind: z.enum(BENEFIT_KINDS, msg('benefit.kind')).optional(), ...optionalBenefitFields })
  .strict();

export const benefitModelList = z.object({ interventionId: id }).strict();

export type BenefitModelCreate = z.input<typeof benefitModelCreate>;
export type BenefitModelUpdate = z.input<typeof benefitModelUpdate>;

export interface BenefitModel {
  id: string;
  createdAt: string;
  updatedAt: string;
  departmentId: string;
  interventionId: string;
  kind: BenefitKind;
  label: string | null;
  classification: BenefitClass;
  hoursPerMonth: number | null;
  hourlyRateCents: number | null;
  realisationPct: number | null;
  amountCents: number | null;
  amountPer: AmountPer | null;
  annualRevenueCents: number | null;
  daysImproved: number | null;
  financingRatePct: number | null;
  startDate: string | null;
  endDate: string | null;
  indicatorId: string | null;
  note: string | null;
}

const roiWindow = { from: isoDate, to: isoDate };
export const roiInterventionInput = z
  .object({ interventionId: id, ...roiWindow })
  .strict()
  .refine(dateRange, dateRangeError);
export const roiDepartmentInput = z
  .object({ departmentId: id, ...roiWindow })
  .strict()
  .refine(dateRange, dateRangeError);

export interface RoiFigures {
  currency: string;
  benefit: { hardCents: number; softCents: number; totalCents: number };
  costCents: number;
  oneOffCostCents: number;
  recurringCostCents: number;
  /** (benefit − cost) ÷ cost × 100, with the hard benefit only and with all of it; null when cost is 0. */
  roiPct: { hard: number | null; total: number | null };
  /**
   * Months from the first month with a cost or a benefit to the month (inclusive) in which the
   * cumulative benefit first reaches the cumulative cost; null when it does not within the window.
   */
  paybackMonths: { hard: number | null; total: number | null };
}

export interface RoiMonth {
  /** YYYY-MM */
  month: string;
  /** Share of the month inside the window (1 for a whole month). */
  fraction: number;
  benefitHardCents: number;
  benefitSoftCents: number;
  costCents: number;
  cumulativeBenefitCents: number;
  cumulativeCostCents: number;
}

export interface RoiModelLine {
  benefitModelId: string;
  kind: BenefitKind;
  label: string | null;
  classification: BenefitClass;
  benefitCents: number;
  /** The formula with its numbers, e.g. "20 h/month × 65.00 × 80% × 3 months". */
  formula: string;
  /** time_released with no hourly rate on the model nor on the department: counted as 0. */
  missingRate: boolean;
}

export interface InterventionRoi extends RoiFigures {
  interventionId: string;
  title: string;
  from: string;
  to: string;
  models: RoiModelLine[];
  months: RoiMonth[];
}

export interface DepartmentRoi {
  departmentId: string;
  from: string;
  to: string;
  /** Interventions with a start date, each with its own figures (months left out). */
  interventions: Omit<InterventionRoi, 'months'>[];
  /** One line per currency: amounts in different currencies are never added. */
  totals: RoiFigures[];
  /** Interventions left out, and why. */
  skipped: { interventionId: string; title: string; reason: 'no_start_date' }[];
}

// ===================================================================================== measurement import

export const IMPORT_DATE_FORMATS = ['iso', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const;
export type ImportDateFormat = (typeof IMPORT_DATE_FORMATS)[number];
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export const IMPORT_SEPARATORS = [';', ',', '\t'] as const;
export type ImportSeparator = (typeof IMPORT_SEPARATORS)[number];
export const IMPORT_DECIMALS = [',', '.'] as const;
export type ImportDecimal = (typeof IMPORT_DECIMALS)[number];
export const ON_EXISTING = ['replace', 'keep'] as const;
export type OnExisting = (typeof ON_EXISTING)[number];

/** An upload of the web shell (POST /upload); the Electron shell gives a path from a native dialog. */
export const fileRef = z.string().regex(/^[0-9a-f]{32}$/, msg('import.file_ref'));
const absolutePath = z
  .string()
  .min(1, msg('common.required'))
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, msg('import.full_path'));

const fileSource = { fileRef: fileRef.optional(), path: absolutePath.optional() };
const oneFile = <T extends { fileRef?: string | undefined; path?: string | undefined }>(v: T) => (v.fileRef === undefined) !== (v.path === undefined);
const oneFileError = { ...msg('import.one_file'), path: ['fileRef'] };

/** Overrides of what the preview detects; absent = detected. */
export const importOptions = z
  .object({
    encoding: z.enum(IMPORT_ENCODINGS, msg('import.encoding')).optional(),
    separator: z.enum(IMPORT_SEPARATORS, msg('import.separator')).optional(),
    decimal: z.enum(IMPORT_DECIMALS, msg('import.decimal')).optional(),
    /** Row number (1-based, as a spreadsheet shows it) of the header; null: the file has none. */
    headerRow: z.number().int().min(1).max(1000).nullable().optional(),
    /** XLSX: the worksheet to read; default the first. */
    sheet: z.string().min(1).max(200).optional(),
    /** Match indicator names of this department only (names are unique per department, not overall). */
    departmentId: id.optional(),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptions>;

const column = z.number().int().min(0, msg('import.choose_column')).max(1000);
export const importMapping = z
  .object({ date: column, value: column, note: column.nullable().optional(), indicator: column.nullable().optional() })
  .strict()
  .refine(
    (m) => {
      const used = [m.date, m.value, m.note, m.indicator].filter((c): c is number => c !== null && c !== undefined);
      return new Set(used).size === used.length;
    },
    { ...msg('import.column_twice'), path: ['value'] },
  );
export type ImportMapping = z.input<typeof importMapping>;

export const importPreviewInput = z
  .object({
    ...fileSource,
    options: importOptions.default({}),
    /** To re-parse the first rows after the user changed the guesses. */
    mapping: importMapping.optional(),
    indicatorId: id.optional(),
    dateFormat: z.enum(IMPORT_DATE_FORMATS, msg('import.date_format')).optional(),
    sampleRows: z.number().int().min(1).max(500).default(20),
  })
  .strict()
  .refine(oneFile, oneFileError);

export const importStartInput = z
  .object({
    ...fileSource,
    options: importOptions.default({}),
    mapping: importMapping,
    /** The indicator of a single-indicator file (no indicator column). */
    indicatorId: id.optional(),
    /** Absent: the preview's detection, refused when the dates can be read two ways. */
    dateFormat: z.enum(IMPORT_DATE_FORMATS, msg('import.date_format')).optional(),
    /** A value already stored for the same indicator and period: replaced by the file's, or kept. */
    onExisting: z.enum(ON_EXISTING, msg('import.on_existing')),
  })
  .strict()
  .refine(oneFile, oneFileError)
  .refine((v) => (v.indicatorId !== undefined) !== (v.mapping.indicator !== null && v.mapping.indicator !== undefined), {
    ...msg('import.indicator_or_column'),
    path: ['indicatorId'],
  });

export const importJobInput = z.object({ jobId: z.string().uuid(msg('import.job_id')) }).strict();

export const COLUMN_ROLES = ['date', 'value', 'note', 'indicator'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ImportColumn {
  index: number;
  /** The header's text, or "Column N" without a header. */
  name: string;
  guess: ColumnRole | null;
  /** First non-empty cells, as text. */
  samples: string[];
}

export const IMPORT_ERROR_CODES = [
  'empty_date',
  'bad_date',
  'date_out_of_range',
  'needs_date_format',
  'bad_number',
  'excel_error',
  'empty_indicator',
  'unknown_indicator',
  'ambiguous_indicator',
  'too_many_indicators',
  'note_too_long',
  'duplicate_period',
  'missing_column',
  'bad_file',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** One bad row: where (row as a spreadsheet numbers it, column by name), what, and why (English). */
export interface ImportBadRow {
  row: number;
  column: string | null;
  code: ImportErrorCode;
  reason: string;
  /** The reason's message key and params (src-shared/messages), to show it in the user's language. */
  key?: MessageKey;
  params?: MessageParams;
  /** The cell as found (cut to 100 characters). */
  value: string | null;
}

/** Messages of the codes in both languages, for the UI; `reason` is the English one with the details. */
export const IMPORT_ERROR_TEXT: Record<ImportErrorCode, { en: string; fr: string }> = {
  empty_date: { en: 'The date is empty', fr: 'La date est vide' },
  bad_date: { en: 'Not a date in the chosen format', fr: 'Pas une date au format choisi' },
  date_out_of_range: { en: 'Dates must be between 1900 and 2199', fr: 'Les dates doivent être entre 1900 et 2199' },
  needs_date_format: { en: 'This date can be read two ways: choose the date format', fr: 'Cette date se lit de deux façons : choisissez le format de date' },
  bad_number: { en: 'Not a number', fr: "Ce n'est pas un nombre" },
  excel_error: { en: 'The cell holds an Excel error', fr: 'La cellule contient une erreur Excel' },
  empty_indicator: { en: 'The indicator is empty', fr: "L'indicateur est vide" },
  unknown_indicator: { en: 'No indicator has this name or id', fr: "Aucun indicateur n'a ce nom ou cet identifiant" },
  ambiguous_indicator: { en: 'Several indicators have this name: use its id', fr: 'Plusieurs indicateurs portent ce nom : utilisez son identifiant' },
  too_many_indicators: { en: 'Too many different indicators in one file', fr: "Trop d'indicateurs différents dans un même fichier" },
  note_too_long: { en: 'The note is longer than 2000 characters', fr: 'La note dépasse 2000 caractères' },
  duplicate_period: { en: 'Another row gives a value for the same indicator and period', fr: 'Une autre ligne donne une valeur pour le même indicateur et la même période' },
  missing_column: { en: 'The row has fewer columns than the mapping needs', fr: 'La ligne a moins de colonnes que le mappage n’en demande' },
  bad_file: { en: 'The file cannot be read', fr: 'Le fichier ne peut pas être lu' },
};

export interface ImportPreviewRow {
  row: number;
  /** Period start (normalised to the indicator's frequency when it is known), or null. */
  period: string | null;
  /** The date as read, ISO, before normalisation. */
  date: string | null;
  value: number | null;
  note: string | null;
  indicator: string | null;
  indicatorId: string | null;
  errors: ImportBadRow[];
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  encoding: ImportEncoding | null;
  bom: boolean;
  separator: ImportSeparator | null;
  decimal: ImportDecimal;
  /** Set when nothing in the sample tells a decimal comma from a thousands comma (e.g. only "1,234"). */
  decimalAmbiguous: boolean;
  /** Thousands separators seen in the sample (space, no-break space, narrow no-break space, '.', ','). */
  thousands: string[];
  headerRow: number | null;
  sheets: string[];
  sheet: string | null;
  columns: ImportColumn[];
  /** The guessed mapping; null where no column fits. */
  mapping: { date: number | null; value: number | null; note: number | null; indicator: number | null };
  dateFormat: {
    detected: ImportDateFormat | null;
    /** Day-month or month-day cannot be told apart in the sample (all parts ≤ 12): ask the user. */
    ambiguous: boolean;
    /** Both orders occur: the file mixes formats. */
    conflict: boolean;
    candidates: ImportDateFormat[];
    /** XLSX: dates are real date cells or Excel serial numbers. */
    excelDates: boolean;
  };
  /** First data rows parsed with the mapping and formats above. */
  rows: ImportPreviewRow[];
  /** First rows of raw cells (header included), for the mapping step. */
  raw: string[][];
  /** Data rows, estimated from the sample for CSV (exact for small files). */
  estimatedRows: number;
}

export const IMPORT_PHASES = ['validating', 'writing', 'done', 'rejected', 'cancelled', 'failed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface ImportResult {
  /** Rows read (data rows, blank ones aside). */
  rows: number;
  inserted: number;
  replaced: number;
  /** Existing values left as they were (onExisting: keep). */
  kept: number;
  /** Existing values equal to the file's. */
  unchanged: number;
  /** Rows with a date but an empty value: nothing to store. */
  skippedEmpty: number;
  encoding: ImportEncoding | null;
  dateFormat: ImportDateFormat;
  indicators: { indicatorId: string; name: string; rows: number; from: string; to: string }[];
}

export interface ImportJob {
  id: string;
  fileName: string;
  phase: ImportPhase;
  startedAt: string;
  finishedAt: string | null;
  /** Rows read in the current pass (validating, then writing). */
  rowsRead: number;
  /** Known after validation. */
  rowsTotal: number | null;
  rowsWritten: number;
  /** Bytes read in the current pass, of bytesTotal. */
  bytesRead: number;
  bytesTotal: number;
  /** Overall progress 0…1 (validation is the first 30%). */
  fraction: number;
  /** Bad rows, row order, at most 1000; errorCount has them all. Nothing is written when any. */
  errors: ImportBadRow[];
  errorCount: number;
  message: string | null;
  /** The message's key and params (src-shared/messages), when it has one. */
  messageKey?: MessageKey;
  messageParams?: MessageParams;
  result: ImportResult | null;
}
