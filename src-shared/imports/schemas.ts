import { z } from 'zod';
import { msg, type MessageKey, type MessageParams } from '../messages';
import { id } from '../common';
import { INDICATOR_AGGREGATIONS } from '../domain';

// The measurement import: what the preview detects, the options that override it, the job the core
// runs (all or nothing) and its bad rows.

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
    /** Several rows in one period: preview them rolled up by this aggregation (else the indicator's). */
    rollUp: z.enum(INDICATOR_AGGREGATIONS).optional(),
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
    /** Several rows in one period of their indicator make one value by this aggregation; absent: such rows are refused. */
    rollUp: z.enum(INDICATOR_AGGREGATIONS).optional(),
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
  'period_too_long',
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
  'extra_fields',
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
  period_too_long: {
    en: 'The period is longer than those of the indicator',
    fr: 'La période est plus longue que celles de l’indicateur',
  },
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
  extra_fields: {
    en: 'The row has more fields than the header: a value holding the separator is not in quotes',
    fr: 'La ligne a plus de champs que l’en-tête : une valeur qui contient le séparateur n’est pas entre guillemets',
  },
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

export interface ImportRollUpPreview {
  /** The aggregation shown: the one asked for, else the (first) indicator's own. */
  aggregation: (typeof INDICATOR_AGGREGATIONS)[number];
  /** The indicator's own aggregation (the default to offer). */
  indicatorAggregation: (typeof INDICATOR_AGGREGATIONS)[number];
  /** Rows of the sample read, and whether that is the whole file. */
  sampleRows: number;
  complete: boolean;
  /** One value per indicator-period of the sample, oldest first, with how many rows made it. */
  periods: { indicatorId: string; indicator: string; period: string; value: number; rows: number }[];
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
  /**
   * Set when several rows of the sample fall in one period of their indicator (rows finer than its
   * frequency): the import refuses them unless rolled up; here they are, rolled up.
   */
  rollUp: ImportRollUpPreview | null;
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
  /** With a roll-up: its aggregation and how many periods the `rows` made. */
  rolledUp?: { aggregation: (typeof INDICATOR_AGGREGATIONS)[number]; periods: number };
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
