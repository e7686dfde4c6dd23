import type { Department } from '../../../src-shared/departments/schemas';
import type { Gap } from '../../../src-shared/gaps/schemas';
import type { Indicator } from '../../../src-shared/indicators/schemas';
import type { Intervention } from '../../../src-shared/interventions/schemas';
import type { GapIntervention } from '../../../src-shared/interventions/links';
import type { IndicatorLinkRow } from '../../../src-shared/indicators/links';
import type { Measurement } from '../../../src-shared/indicators/measurements';
import type { Process } from '../../../src-shared/processes/schemas';
import type { Step } from '../../../src-shared/processes/steps';
import type { Workspace } from '../../db/workspace';
import { ENTITIES, ENTITY_NAMES, camel, type EntityName, type Row } from '../../db/entities';

// The whole workspace as one JSON document (docs/workspace-json.md): `boucle export --json` writes it,
// `boucle import-json` loads it into an empty workspace. One array per entity of the registry
// (db/entities.ts), rows as the API's DTOs as stored (no computed fields, no tombstones), sorted by
// id, keys in the registry's column order — so that export → import → export gives the same bytes.
// Sections and columns follow the registry, so an entity or column added by a migration is exported
// and imported without touching this file; the rules below add what we know about each field.

export const WORKSPACE_JSON_FORMAT = 'boucle-workspace';
export const WORKSPACE_JSON_VERSION = 1;

/** One array of the file per entity: `gap_interventions` → `gapInterventions`, in registry order. */
export const SECTIONS: readonly { key: string; entity: EntityName }[] = ENTITY_NAMES.map((entity) => ({ key: camel(entity), entity }));

/** A gap as stored: its monthly cost and currency are computed from the department, not exported. */
export type StoredGap = Omit<Gap, 'monthlyCostCents' | 'currency'>;

/** The sections every version-1 file has; entities added later add their own arrays. */
export interface WorkspaceJson {
  format: typeof WORKSPACE_JSON_FORMAT;
  version: typeof WORKSPACE_JSON_VERSION;
  departments: Department[];
  processes: Process[];
  steps: Step[];
  gaps: StoredGap[];
  interventions: Intervention[];
  gapInterventions: GapIntervention[];
  indicators: Indicator[];
  indicatorLinks: IndicatorLinkRow[];
  measurements: Measurement[];
  [section: string]: unknown;
}

/** The stored columns of an entity, in the order the export writes them. */
export function exportColumns(entity: EntityName): string[] {
  return [
    'id',
    ...(entity === 'departments' ? [] : ['department_id']),
    ...ENTITIES[entity].columns,
    'created_at',
    'updated_at',
  ];
}

export const jsonColumns = (entity: EntityName): readonly string[] => (ENTITIES[entity] as { json?: readonly string[] }).json ?? [];

// ---------------------------------------------------------------------------------------------- counts

export type EntityCounts = Record<EntityName, number>;

/** Live (not soft-deleted) rows per domain table. */
export function liveCounts(ws: Workspace): EntityCounts {
  const out = {} as EntityCounts;
  for (const e of ENTITY_NAMES) {
    out[e] = ws.db.prepare(`SELECT COUNT(*) FROM ${ENTITIES[e].table} WHERE deleted_at IS NULL`).pluck().get() as number;
  }
  return out;
}

export const totalRows = (counts: EntityCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** "3 departments, 7 processes, …" — only the non-zero ones. */
export function describeCounts(counts: EntityCounts): string {
  const parts = ENTITY_NAMES.filter((e) => counts[e] > 0).map((e) => `${counts[e]} ${e.replace(/_/g, ' ')}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

// ---------------------------------------------------------------------------------------------- export

export function rowToExport(entity: EntityName, cols: string[], row: Row): Row {
  const json = jsonColumns(entity);
  const out: Row = {};
  for (const c of cols) {
    const v = row[c];
    out[camel(c)] = json.includes(c) && typeof v === 'string' ? JSON.parse(v) : v;
  }
  return out;
}

/** Reads the whole workspace in one read transaction, so the sections agree with each other. */
export function exportWorkspace(ws: Workspace): WorkspaceJson {
  const read = ws.db.transaction(() => {
    const out: Record<string, unknown> = { format: WORKSPACE_JSON_FORMAT, version: WORKSPACE_JSON_VERSION };
    for (const s of SECTIONS) {
      const cols = exportColumns(s.entity);
      const rows = ws.db
        .prepare(`SELECT ${cols.join(', ')} FROM ${ENTITIES[s.entity].table} WHERE deleted_at IS NULL ORDER BY id`)
        .all() as Row[];
      out[s.key] = rows.map((r) => rowToExport(s.entity, cols, r));
    }
    return out as unknown as WorkspaceJson;
  });
  return read();
}

/** The export as text: two-space indented, one trailing newline. */
export function serializeWorkspace(ws: Workspace): string {
  return `${JSON.stringify(exportWorkspace(ws), null, 2)}\n`;
}
