import { uuidToBlob } from './ids';

// The registry of domain tables the write path may touch. Table and column names come only from
// here (never from input), so the SQL the write path prepares is fixed text with bound values.

export interface EntityDef {
  /** What reads select from: the table, or for a compact entity the view that shows its rows as a table. */
  table: string;
  /** Writable columns besides id, department_id and the timestamps, in snake_case. */
  columns: readonly string[];
  /** Columns holding JSON (encoded on write, decoded on read). */
  json?: readonly string[];
  /**
   * Stored compactly (measurements: millions of rows): `table` is a view, rows are found by `uid`
   * (the id's 16 bytes) and written by db/measurement-rows.ts.
   */
  compact?: true;
}

export const ENTITIES = {
  departments: {
    table: 'departments',
    columns: ['name', 'code', 'colour', 'loaded_hourly_rate_cents', 'currency'],
  },
  processes: {
    table: 'processes',
    columns: ['name', 'owner', 'description', 'reference_id', 'systems', 'source', 'source_key', 'lane_order'],
    json: ['systems', 'lane_order'],
  },
  steps: {
    table: 'steps',
    columns: ['process_id', 'name', 'lane', 'system', 'position', 'inputs', 'outputs', 'kind', 'source_key', 'parent_step_id'],
  },
  step_flows: {
    table: 'step_flows',
    columns: ['process_id', 'from_step_id', 'to_step_id', 'label', 'kind', 'condition', 'source_key'],
  },
  gaps: {
    table: 'gaps',
    columns: [
      'process_id', 'step_id', 'title', 'type', 'description', 'evidence', 'severity',
      'frequency_per_month', 'hours_lost_per_occurrence', 'status', 'owner', 'found_on',
      'closed_on', 'closure_note', 'source_key',
      'closure_kind', 'closure_evidence', 'reopened_on', 'reopen_reason',
      'frequency_indicator_id', 'cost_estimated_on',
    ],
    json: ['closure_evidence'],
  },
  interventions: {
    table: 'interventions',
    columns: [
      'title', 'kind', 'platform', 'owner', 'description', 'start_date', 'end_date', 'status',
      'one_off_cost_cents', 'recurring_cost_cents', 'currency', 'expected_benefit', 'source_key',
      'ramp_up_months', 'fx_rate',
    ],
  },
  gap_interventions: {
    table: 'gap_interventions',
    columns: ['gap_id', 'intervention_id'],
  },
  indicators: {
    table: 'indicators',
    columns: [
      'process_id', 'name', 'unit', 'direction', 'category', 'baseline_value', 'baseline_date',
      'target_value', 'target_date', 'tolerance_pct', 'frequency', 'source', 'source_detail',
      'formula', 'reference', 'source_key', 'aggregation',
    ],
  },
  indicator_links: {
    table: 'indicator_links',
    columns: ['indicator_id', 'gap_id', 'intervention_id'],
  },
  measurements: {
    table: 'measurements',
    columns: ['indicator_id', 'period', 'value', 'source', 'note'],
    compact: true,
  },
  saved_views: { table: 'saved_views', columns: ['name', 'entity', 'filters', 'sort_by', 'sort_dir'], json: ['filters'] },
  vocabulary: { table: 'vocabulary', columns: ['kind', 'code', 'label'] },
  report_templates: {
    table: 'report_templates',
    columns: ['name', 'description', 'sections', 'scope', 'period', 'language', 'company_name', 'logo', 'confidentiality', 'paper', 'focus_intervention_id'],
    json: ['sections', 'scope', 'period', 'logo'],
  },
  benefit_models: {
    table: 'benefit_models',
    columns: [
      'intervention_id', 'kind', 'label', 'classification', 'hours_per_month', 'hourly_rate_cents', 'realisation_pct',
      'amount_cents', 'amount_per', 'annual_revenue_cents', 'days_improved', 'financing_rate_pct', 'start_date', 'end_date',
      'indicator_id', 'note', 'lasts_months_after_end', 'derived_from',
    ],
    json: ['derived_from'],
  },
} as const satisfies Record<string, EntityDef>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

export function entityDef(entity: EntityName): EntityDef {
  return ENTITIES[entity];
}

export const isCompact = (entity: EntityName) => (ENTITIES[entity] as EntityDef).compact === true;

/** The condition that finds a row by id, and the id as that condition binds it. */
export function byIdWhere(entity: EntityName): { sql: string; bind: (id: string) => unknown } {
  if (!isCompact(entity)) return { sql: 'id = ?', bind: (id) => id };
  return { sql: 'uid = ?', bind: uidOf };
}

/** A compact row's key; an id that is not a UUID finds nothing (16 zero bytes are never a UUIDv7). */
function uidOf(id: string): Buffer {
  try {
    return uuidToBlob(id);
  } catch {
    return Buffer.alloc(16);
  }
}

export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export type Row = Record<string, unknown>;

/** A database row (snake_case, JSON text) as a DTO (camelCase, decoded JSON), without deleted_at. */
export function rowToDto<T>(entity: EntityName, row: Row): T {
  const def = entityDef(entity);
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'deleted_at' || k === 'uid') continue;
    if (entity === 'departments' && k === 'department_id') continue;
    out[camel(k)] = def.json?.includes(k) && typeof v === 'string' ? JSON.parse(v) : v;
  }
  return out as T;
}
