import { BoucleError } from '../../../src-shared/errors';
import type { Workspace } from '../../db/workspace';
import type { WriteTx } from '../../db/write';
import { requireLive } from '../../db/read';

// Where imported or template content goes: an existing department (by id, code or name), or a new
// one created in the same transaction, so a refused import never leaves an empty department behind.

export interface DepartmentWanted {
  departmentId?: string | undefined;
  /** A code or a name; matched without regard to case. */
  departmentName?: string | undefined;
  /** Used when nothing is given (templates): the pack's own department. */
  fallback?: { name: string; code: string; colour: string };
}

export interface DepartmentTarget {
  id: string | null;
  create: { name: string; code: string; colour: string } | null;
}

/** Reads only: decides before the write which department to use or create. */
export function findDepartment(ws: Workspace, want: DepartmentWanted): DepartmentTarget {
  if (want.departmentId) {
    requireLive(ws.db, 'departments', want.departmentId, 'departmentId');
    return { id: want.departmentId, create: null };
  }
  const byCodeOrName = (text: string) =>
    ws.db
      .prepare(
        `SELECT id FROM departments WHERE deleted_at IS NULL AND (code = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)
          ORDER BY (code = ? COLLATE NOCASE) DESC, created_at LIMIT 1`,
      )
      .pluck()
      .get(text, text, text) as string | undefined;
  if (want.departmentName) {
    const found = byCodeOrName(want.departmentName.trim());
    if (found) return { id: found, create: null };
    return { id: null, create: { name: want.departmentName.trim(), code: '', colour: '#1c7ed6' } };
  }
  if (want.fallback) {
    const found = ws.db
      .prepare(`SELECT id FROM departments WHERE deleted_at IS NULL AND code = ? COLLATE NOCASE`)
      .pluck()
      .get(want.fallback.code) as string | undefined;
    if (found) return { id: found, create: null };
    return { id: null, create: want.fallback };
  }
  throw BoucleError.of('validation', 'department.choose', undefined, 'departmentId');
}

/** A short code from the name, without accents: "Supply Chain Europe" → "SCE", "Procurement" → "PRO". */
function codeStem(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  const words = ascii.split(/[^A-Z0-9]+/).filter(Boolean);
  const stem = words.length > 1 ? words.map((w) => w[0]).join('').slice(0, 6) : (words[0] ?? '').slice(0, 3);
  return stem || 'DEPT';
}

/** A code no live department uses yet: the wanted one, else its stem with a number. */
export function freeCode(ws: Workspace, wanted: string, name: string): string {
  const taken = (code: string) =>
    ws.db.prepare(`SELECT 1 FROM departments WHERE code = ? COLLATE NOCASE AND deleted_at IS NULL`).get(code) !== undefined;
  const first = /^[A-Za-z0-9_-]{1,12}$/.test(wanted) ? wanted : codeStem(name);
  if (!taken(first)) return first;
  const stem = first.slice(0, 9);
  for (let i = 2; i < 1000; i++) {
    const code = `${stem}${i}`;
    if (!taken(code)) return code;
  }
  throw BoucleError.of('conflict', 'department.no_free_code', undefined, 'departmentName');
}

/** Inside the write: the department id, creating the department when the target says so. */
export function ensureDepartment(ws: Workspace, tx: WriteTx, target: DepartmentTarget): { id: string; created: boolean } {
  if (target.id) return { id: target.id, created: false };
  const c = target.create!;
  const id = tx.insert('departments', {
    name: c.name.slice(0, 120),
    code: freeCode(ws, c.code, c.name),
    colour: c.colour,
    department_id: '',
  });
  return { id, created: true };
}
