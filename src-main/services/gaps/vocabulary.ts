import type { z } from 'zod';
import { INTERVENTION_KINDS, PLATFORMS } from '../../../src-shared/domain';
import { BoucleError } from '../../../src-shared/errors';
import { BUILTIN_KIND_LABELS, BUILTIN_PLATFORM_LABELS, type VocabularyEntry, type VocabularyKind, type vocabularyAdd, type vocabularyList } from '../../../src-shared/gaps/vocabulary';
import type { Workspace } from '../../db/workspace';
import type { Database } from 'better-sqlite3';
import { requireLive } from '../../db/read';

// Kinds and platforms of interventions: the built-in ones of DOMAIN.md (code, not rows) and the
// user's own, per department (rows of `vocabulary`, written through the write path so they sync with
// the department). An intervention's kind and platform must be one of them.

const BUILT_IN: Record<VocabularyKind, readonly string[]> = { intervention_kind: INTERVENTION_KINDS, platform: PLATFORMS };

interface VocabularyRow {
  id: string;
  department_id: string;
  kind: VocabularyKind;
  code: string;
  label: string;
}

const builtInLabel = (kind: VocabularyKind, code: string) =>
  kind === 'intervention_kind'
    ? BUILTIN_KIND_LABELS[code as keyof typeof BUILTIN_KIND_LABELS]
    : BUILTIN_PLATFORM_LABELS[code as keyof typeof BUILTIN_PLATFORM_LABELS];

const toEntry = (r: VocabularyRow): VocabularyEntry => ({
  id: r.id,
  kind: r.kind,
  code: r.code,
  label: { en: r.label, fr: r.label },
  builtIn: false,
  departmentId: r.department_id,
});

/**
 * The stored code for a kind or platform an intervention of `departmentId` names: a built-in one or
 * one of the department's own, matched without regard to case. Throws a validation error at `field`.
 */
export function resolveVocabulary(db: Database, departmentId: string, kind: VocabularyKind, value: string, field: string): string {
  const lower = value.toLowerCase();
  const builtIn = BUILT_IN[kind].find((c) => c.toLowerCase() === lower);
  if (builtIn) return builtIn;
  const own = db
    .prepare(`SELECT code FROM vocabulary WHERE department_id = ? AND kind = ? AND code = ? COLLATE NOCASE AND deleted_at IS NULL`)
    .pluck()
    .get(departmentId, kind, value) as string | undefined;
  if (own) return own;
  throw BoucleError.of('validation', `vocabulary.unknown.${kind}`, { value }, field);
}

export function listVocabulary(ws: Workspace, q: z.output<typeof vocabularyList>): VocabularyEntry[] {
  const kinds: VocabularyKind[] = q.kind ? [q.kind] : ['intervention_kind', 'platform'];
  const out: VocabularyEntry[] = [];
  for (const kind of kinds) {
    for (const code of BUILT_IN[kind]) {
      out.push({ id: null, kind, code, label: builtInLabel(kind, code), builtIn: true, departmentId: null });
    }
    const rows = ws.db
      .prepare(
        `SELECT v.id, v.department_id, v.kind, v.code, v.label FROM vocabulary v
           JOIN departments d ON d.id = v.department_id AND d.deleted_at IS NULL
          WHERE v.deleted_at IS NULL AND v.kind = ? AND (? IS NULL OR v.department_id = ?)
          ORDER BY v.label COLLATE NOCASE, v.id`,
      )
      .all(kind, q.departmentId ?? null, q.departmentId ?? null) as VocabularyRow[];
    out.push(...rows.map(toEntry));
  }
  return out;
}

/** A kind's code: the label in snake_case without accents ("Lunch & learn" → lunch_learn). */
function kindCode(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return slug || label;
}

export function addVocabulary(ws: Workspace, input: z.output<typeof vocabularyAdd>): VocabularyEntry {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  const code = input.code ?? (input.kind === 'intervention_kind' ? kindCode(input.label) : input.label);
  const field = input.code ? 'code' : 'label';
  if (BUILT_IN[input.kind].some((c) => c.toLowerCase() === code.toLowerCase())) {
    throw BoucleError.of('conflict', `vocabulary.built_in.${input.kind}`, { code }, field);
  }
  const clash = ws.db
    .prepare(`SELECT 1 FROM vocabulary WHERE department_id = ? AND kind = ? AND code = ? COLLATE NOCASE AND deleted_at IS NULL`)
    .get(input.departmentId, input.kind, code);
  if (clash) throw BoucleError.of('conflict', `vocabulary.clash.${input.kind}`, { code }, field);
  const id = ws.writer.write((tx) =>
    tx.insert('vocabulary', { kind: input.kind, code, label: input.label, department_id: input.departmentId }),
  );
  return toEntry(ws.db.prepare(`SELECT id, department_id, kind, code, label FROM vocabulary WHERE id = ?`).get(id) as VocabularyRow);
}

/** Refused while a live intervention of the department uses it: its kind would become unknown. */
export function removeVocabulary(ws: Workspace, id: string): { ok: true } {
  const row = requireLive(ws.db, 'vocabulary', id, 'id') as unknown as VocabularyRow;
  const column = row.kind === 'intervention_kind' ? 'kind' : 'platform';
  const used = ws.db
    .prepare(`SELECT COUNT(*) FROM interventions WHERE department_id = ? AND ${column} = ? COLLATE NOCASE AND deleted_at IS NULL`)
    .pluck()
    .get(row.department_id, row.code) as number;
  if (used > 0) {
    throw BoucleError.of('conflict', `vocabulary.in_use.${row.kind}`, { count: used, code: row.code }, 'id');
  }
  ws.writer.write((tx) => tx.remove('vocabulary', id));
  return { ok: true };
}
