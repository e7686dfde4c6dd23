import type { Database } from 'better-sqlite3';
import { ENTITIES, type EntityName, type Row } from './entities';
import { compareClocks, rowClocks } from './field-clocks';
import type { RemoteRows } from './remote-rows';
import { UNIQUE_KEYS, olderWins } from './unique-keys';
import type { Writer } from './write';

// Two laptops offline each made a row with the same natural key (unique-keys.ts). Every laptop that
// receives the second decides the same way which stays live, and tombstones the other through the
// write path, so that the decision syncs like any delete and everyone converges.

export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

function holderOf(db: Database, rows: RemoteRows, entity: EntityName, id: string, values: Row, current: Row | undefined): string | undefined {
  const table = ENTITIES[entity].table;
  for (const key of UNIQUE_KEYS[entity] ?? []) {
    const bound = key.map((col) => (col in values ? rows.stored(entity, col, values[col]) : current?.[col]));
    if (bound.some((v) => v === null || v === undefined)) continue;
    const where = key.map((col) => `${col} = ? COLLATE NOCASE`).join(' AND ');
    const other = db.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL AND id <> ? AND ${where}`).pluck().get(id, ...bound) as string | undefined;
    if (other) return other;
  }
  return undefined;
}

/**
 * Writes the incoming row or change (`create`: a new row) that collided with a live row holding the
 * same key: frees the key, writes it, and leaves live the one the rule keeps.
 */
export function resolveDuplicate(
  db: Database,
  writer: Writer,
  rows: RemoteRows,
  entity: EntityName,
  id: string,
  values: Row,
  create: boolean,
  hlc: number,
  node: string,
  createdAt: string,
): void {
  writer.observe(hlc); // the tombstones below order after the change they answer
  const current = create ? undefined : rows.get(entity, id);
  const other = holderOf(db, rows, entity, id, values, current);
  if (!other) throw new Error(`A ${entity} change from ${node} breaks a unique key that no live row holds`);
  const otherCreated = rowClocks(db, entity, other).created ?? { hlc: 0, node: '' };
  const incomingCreated = create ? { hlc, node } : (rowClocks(db, entity, id).created ?? { hlc, node });
  const order = compareClocks(incomingCreated, otherCreated);
  const incomingWins = olderWins(entity) ? order < 0 : order > 0;
  writer.write((tx) => tx.remove(entity, other));
  if (create) rows.insert(entity, id, values, createdAt);
  else rows.update(entity, id, values);
  if (!incomingWins && !(values.deleted_at ?? current?.deleted_at)) {
    writer.write((tx) => {
      tx.remove(entity, id);
      tx.restore(entity, other);
    });
  }
}
