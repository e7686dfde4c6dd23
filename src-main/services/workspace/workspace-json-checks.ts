import { z } from 'zod';
import { GAP_STATUSES } from '../../../src-shared/domain';
import { BoucleError } from '../../../src-shared/errors';
import { id, isoDate, optionalText } from '../../../src-shared/common';
import { departmentCreate } from '../../../src-shared/departments/schemas';
import { gapCreate } from '../../../src-shared/gaps/schemas';
import { indicatorCreate } from '../../../src-shared/indicators/schemas';
import { interventionCreate } from '../../../src-shared/interventions/schemas';
import { gapInterventionLink } from '../../../src-shared/interventions/links';
import { measurementCreate } from '../../../src-shared/indicators/measurements';
import { processCreate } from '../../../src-shared/processes/schemas';
import { stepCreate } from '../../../src-shared/processes/steps';
import { ENTITY_NAMES, camel, type EntityName, type Row } from '../../db/entities';
import { SECTIONS, WORKSPACE_JSON_FORMAT, WORKSPACE_JSON_VERSION, exportColumns, jsonColumns } from './workspace-json';

// The checks a workspace file passes before anything of it is written (boucle import-json): its
// format and version, each row against its entity's schema, and the references between rows that
// the database would otherwise refuse at commit without naming a row.
// ---------------------------------------------------------------------------------------------- validation

/** One thing wrong with a file, located as section[index].field. */
export interface ImportProblem {
  section?: string;
  index?: number;
  field?: string;
  message: string;
}

export function problemPath(p: ImportProblem): string {
  let at = p.section ?? '';
  if (p.index !== undefined) at += `[${p.index}]`;
  if (p.field) at += at ? `.${p.field}` : p.field;
  return at || '(file)';
}

const SHOWN_PROBLEMS = 10;

/** Why a file was refused; nothing was written. Lists the first problems in its message. */
export class WorkspaceJsonError extends BoucleError {
  constructor(readonly problems: ImportProblem[]) {
    const n = problems.length;
    const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  ${problemPath(p)}: ${p.message}`);
    if (n > SHOWN_PROBLEMS) lines.push(`  … and ${n - SHOWN_PROBLEMS} more`);
    super('validation', `The file was not imported (nothing was written): ${n} problem${n === 1 ? '' : 's'}\n${lines.join('\n')}`);
    this.name = 'WorkspaceJsonError';
  }
}

const timestamp = z.iso.datetime({ message: 'Use an ISO 8601 UTC date-time, e.g. 2026-01-31T09:00:00.000Z' });

/**
 * What we know about the fields of each entity, camelCase: the API's create schema (the same rules as
 * in the app) plus what only a stored row has. Columns of the registry not listed here (added by a
 * later migration) get a generic rule: an id for `…_id`, any JSON for JSON columns, else a string or
 * number; they may be missing (older files), then the column keeps its SQL default.
 */
const KNOWN_FIELDS: Partial<Record<string, Record<string, z.ZodType>>> = {
  departments: departmentCreate.shape,
  processes: processCreate.shape,
  steps: { ...stepCreate.shape, position: z.number().int().min(0).max(100_000) },
  gaps: {
    ...gapCreate.shape,
    foundOn: isoDate,
    status: z.enum(GAP_STATUSES, { message: 'Unknown gap status' }),
    closedOn: isoDate.nullable().default(null),
    closureNote: optionalText(),
  },
  interventions: interventionCreate.shape,
  gap_interventions: gapInterventionLink.shape,
  indicators: indicatorCreate.shape,
  indicator_links: { indicatorId: id, gapId: id.nullable().default(null), interventionId: id.nullable().default(null) },
  measurements: measurementCreate.shape,
};

function genericField(entity: EntityName, column: string): z.ZodType {
  if (jsonColumns(entity).includes(column)) return z.json().optional();
  if (column.endsWith('_id')) return id.nullable().optional();
  return z.union([z.string().max(1_000_000), z.number().finite(), z.null()]).optional();
}

/** The zod schema of one row of a section: exactly the exported columns, no unknown field. */
export function rowSchema(entity: EntityName): z.ZodType {
  const known = KNOWN_FIELDS[entity] ?? {};
  const shape: Record<string, z.ZodType> = {};
  for (const c of exportColumns(entity)) {
    const key = camel(c);
    if (c === 'id' || c === 'department_id') shape[key] = id;
    else if (c === 'created_at' || c === 'updated_at') shape[key] = timestamp;
    else shape[key] = known[key] ?? genericField(entity, c);
  }
  return z.object(shape).strict();
}

/** A file that passed every check: rows parsed by their schema, per section. */
export interface ValidWorkspaceJson {
  readonly sections: Record<string, Row[]>;
}

function issueMessage(issue: z.ZodError['issues'][number]): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  return issue.message;
}

/** Parses and validates the text of a file; throws WorkspaceJsonError listing what is wrong. */
export function parseWorkspaceJson(text: string): ValidWorkspaceJson {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new WorkspaceJsonError([{ message: `Not valid JSON: ${(e as Error).message}` }]);
  }
  return validateWorkspaceJson(data);
}

export function validateWorkspaceJson(data: unknown): ValidWorkspaceJson {
  const problems: ImportProblem[] = [];
  const fail = () => new WorkspaceJsonError(problems);

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ message: 'The file must hold one JSON object (a Boucle workspace export)' });
    throw fail();
  }
  const doc = data as Record<string, unknown>;
  if (doc.format !== WORKSPACE_JSON_FORMAT) {
    const found = doc.format === undefined ? 'nothing' : JSON.stringify(doc.format);
    problems.push({ field: 'format', message: `Expected "${WORKSPACE_JSON_FORMAT}", found ${found}: this is not a Boucle workspace export` });
    throw fail();
  }
  if (doc.version !== WORKSPACE_JSON_VERSION) {
    const newer = typeof doc.version === 'number' && doc.version > WORKSPACE_JSON_VERSION;
    const found = doc.version === undefined ? '(missing)' : JSON.stringify(doc.version);
    problems.push({
      field: 'version',
      message: newer
        ? `Written by a newer version of Boucle (format version ${found}); this version reads version ${WORKSPACE_JSON_VERSION}`
        : `Unknown format version ${found}; this version reads version ${WORKSPACE_JSON_VERSION}`,
    });
    throw fail();
  }
  const known = new Set<string>(['format', 'version', ...SECTIONS.map((s) => s.key)]);
  for (const k of Object.keys(doc)) if (!known.has(k)) problems.push({ field: k, message: 'Unknown section' });

  const sections: Record<string, Row[]> = {};
  for (const s of SECTIONS) {
    const raw = doc[s.key];
    const rows: Row[] = [];
    sections[s.key] = rows;
    // Sections of entities added after version 1 may be missing from older files.
    if (raw === undefined && !(s.key in VERSION_1_SECTIONS)) continue;
    if (!Array.isArray(raw)) {
      problems.push({ section: s.key, message: raw === undefined ? 'Missing section (an array of rows)' : 'Must be an array of rows' });
      continue;
    }
    const schema = rowSchema(s.entity);
    raw.forEach((row, index) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) {
        // Keep the file's own values (a schema may trim text): an import must not alter data.
        // Defaults fill only the fields the file leaves out.
        rows.push({ ...(parsed.data as Row), ...(row as Row) });
        return;
      }
      for (const issue of parsed.error.issues) {
        problems.push({ section: s.key, index, field: issue.path.map(String).join('.') || undefined, message: issueMessage(issue) });
      }
    });
  }
  // References only make sense between rows that are themselves valid.
  if (problems.length) throw fail();
  checkReferences(sections, problems);
  if (problems.length) throw fail();
  return { sections };
}

const VERSION_1_SECTIONS = {
  departments: 1, processes: 1, steps: 1, gaps: 1, interventions: 1,
  gapInterventions: 1, indicators: 1, indicatorLinks: 1, measurements: 1,
} as const;

/** `parent_step_id` → steps: a column named `…_<entity in the singular>_id` points at that entity. */
function referencedEntity(column: string): EntityName | undefined {
  if (!column.endsWith('_id')) return undefined;
  const singular = new Map(ENTITY_NAMES.map((e) => [e.endsWith('sses') ? e.slice(0, -2) : e.slice(0, -1), e]));
  const words = column.slice(0, -3).split('_');
  for (let i = 0; i < words.length; i++) {
    const found = singular.get(words.slice(i).join('_'));
    if (found) return found;
  }
  return undefined;
}

/** The row a department-owned row belongs to: its department must be that row's department. */
const PARENT_COLUMN: Partial<Record<string, string>> = {
  steps: 'process_id',
  step_flows: 'process_id',
  gaps: 'process_id',
  gap_interventions: 'gap_id',
  indicators: 'process_id',
  indicator_links: 'indicator_id',
  measurements: 'indicator_id',
};

/** What the database would refuse, found first with a row and a field to name. */
function checkReferences(sections: Record<string, Row[]>, problems: ImportProblem[]) {
  const byId = new Map<EntityName, Map<string, Row>>();
  for (const s of SECTIONS) {
    const map = new Map<string, Row>();
    sections[s.key]!.forEach((row, index) => {
      const rowId = row.id as string;
      if (map.has(rowId)) problems.push({ section: s.key, index, field: 'id', message: 'The same id appears twice in this section' });
      else map.set(rowId, row);
    });
    byId.set(s.entity, map);
  }

  for (const s of SECTIONS) {
    const parentColumn = PARENT_COLUMN[s.entity];
    sections[s.key]!.forEach((row, index) => {
      for (const c of exportColumns(s.entity)) {
        const target = c === 'id' ? undefined : referencedEntity(c);
        const value = row[camel(c)];
        if (!target || value === null || value === undefined) continue;
        const found = byId.get(target)?.get(value as string);
        if (!found) {
          problems.push({ section: s.key, index, field: camel(c), message: `No ${label(target)} with this id in the file` });
        } else if (c === parentColumn && found.departmentId !== row.departmentId) {
          problems.push({ section: s.key, index, field: 'departmentId', message: `Differs from the department of its ${label(target)}` });
        }
      }
    });
  }

  const unique = (key: string, index: number, seen: Set<string>, k: string, field: string, message: string) => {
    if (seen.has(k)) problems.push({ section: key, index, field, message });
    seen.add(k);
  };
  const codes = new Set<string>();
  sections.departments?.forEach((d, i) =>
    unique('departments', i, codes, String(d.code).toLowerCase(), 'code', 'Another department already uses this code'),
  );
  const steps = byId.get('steps');
  const processes = byId.get('processes');
  sections.gaps?.forEach((g, i) => {
    const step = g.stepId ? steps?.get(g.stepId as string) : undefined;
    // A gap whose process is missing is already reported; its step would only add noise.
    if (step && processes?.has(g.processId as string) && step.processId !== g.processId) problems.push({ section: 'gaps', index: i, field: 'stepId', message: 'This step belongs to another process' });
  });
  sections.interventions?.forEach((it, i) => {
    if (it.startDate && it.endDate && (it.endDate as string) < (it.startDate as string)) {
      problems.push({ section: 'interventions', index: i, field: 'endDate', message: 'The end comes before the start' });
    }
  });
  const pairs = new Set<string>();
  sections.gapInterventions?.forEach((l, i) =>
    unique('gapInterventions', i, pairs, `${String(l.gapId)}:${String(l.interventionId)}`, 'interventionId', 'This gap and intervention are linked twice'),
  );
  const links = new Set<string>();
  sections.indicatorLinks?.forEach((l, i) => {
    if ((l.gapId === null) === (l.interventionId === null)) {
      problems.push({ section: 'indicatorLinks', index: i, field: 'gapId', message: 'Give exactly one of gapId and interventionId' });
      return;
    }
    const field = l.gapId !== null ? 'gapId' : 'interventionId';
    unique('indicatorLinks', i, links, `${String(l.indicatorId)}:${field}:${String(l[field])}`, field, 'This link appears twice');
  });
  const periods = new Set<string>();
  sections.measurements?.forEach((m, i) =>
    unique('measurements', i, periods, `${String(m.indicatorId)}:${String(m.period)}`, 'period', 'This indicator already has a value for this period'),
  );
}

const label = (entity: EntityName) => (entity.endsWith('sses') ? entity.slice(0, -2) : entity.slice(0, -1)).replace(/_/g, ' ');
