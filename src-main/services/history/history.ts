import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { HistoryEntity, HistoryEntry, HistoryFieldChange, HistoryLinkChange, HistoryPage, historyList } from '../../../src-shared/history/schemas';
import type { Workspace } from '../../db/workspace';
import { camel } from '../../db/entities';
import { rowLog, rowsLog } from '../../db/log-read';
import { prepared } from '../../db/statements';

// History from the change log (ARCHITECTURE.md §4): the write path logged the NEW value of every
// changed field with its clock, machine and transaction, so the OLD value of a change is the value
// the previous entry of the same row gave that field (nothing before it: the row was created then).
// One entry per transaction, newest first, with the links of the entity (an intervention linked to
// a gap, an indicator linked to it…) shown as added or removed.

type Target = HistoryLinkChange['target']['entity'];

/** The link tables shown in an entity's history: which column points at the entity, which at the other end. */
interface LinkSpec {
  table: 'gap_interventions' | 'indicator_links';
  column: string;
  others: { column: string; entity: Target }[];
}

const LINKS: Record<HistoryEntity, LinkSpec[]> = {
  gaps: [
    { table: 'gap_interventions', column: 'gap_id', others: [{ column: 'intervention_id', entity: 'interventions' }] },
    { table: 'indicator_links', column: 'gap_id', others: [{ column: 'indicator_id', entity: 'indicators' }] },
  ],
  interventions: [
    { table: 'gap_interventions', column: 'intervention_id', others: [{ column: 'gap_id', entity: 'gaps' }] },
    { table: 'indicator_links', column: 'intervention_id', others: [{ column: 'indicator_id', entity: 'indicators' }] },
  ],
  indicators: [
    {
      table: 'indicator_links',
      column: 'indicator_id',
      others: [
        { column: 'gap_id', entity: 'gaps' },
        { column: 'intervention_id', entity: 'interventions' },
      ],
    },
  ],
  processes: [],
  steps: [],
};

const TITLE_SQL: Record<Target, string> = {
  gaps: `SELECT title FROM gaps WHERE id = ?`,
  interventions: `SELECT title FROM interventions WHERE id = ?`,
  indicators: `SELECT name FROM indicators WHERE id = ?`,
};

export function listHistory(ws: Workspace, q: z.output<typeof historyList>): HistoryPage {
  const own = rowLog(ws.db, q.entity, q.id);
  if (own.length === 0) throw BoucleError.of('not_found', `history.nothing.${q.entity}`, undefined, 'id');

  // Link rows ever made with this entity (tombstoned ones too: their removal is history) → the other end.
  const linkTarget = new Map<string, { table: string; entity: Target; id: string }>();
  for (const spec of LINKS[q.entity]) {
    const cols = spec.others.map((o) => o.column).join(', ');
    const rows = prepared(ws.db, `SELECT id, ${cols} FROM ${spec.table} WHERE ${spec.column} = ?`).all(q.id) as Record<string, string | null>[];
    for (const r of rows) {
      const other = spec.others.find((o) => r[o.column]);
      if (other) linkTarget.set(r.id!, { table: spec.table, entity: other.entity, id: r[other.column]! });
    }
  }
  const linkLog = rowsLog(ws.db, ['gap_interventions', 'indicator_links'], [...linkTarget.keys()]);
  const log = [...own, ...linkLog].sort((a, b) => a.seq - b.seq);
  const titles = new Map<string, string | null>();
  const titleOf = (entity: Target, id: string) => {
    const key = `${entity}:${id}`;
    if (!titles.has(key)) titles.set(key, (prepared(ws.db, TITLE_SQL[entity]).pluck().get(id) as string | undefined) ?? null);
    return titles.get(key)!;
  };

  const last = new Map<string, unknown>(); // field of the entity → its value so far
  const entries: HistoryEntry[] = [];
  let current: HistoryEntry | undefined;
  for (const e of log) {
    if (!current || current.txId !== e.txId) {
      current = { txId: e.txId, at: e.at, hlc: e.hlcText, nodeId: e.nodeId, local: e.nodeId === ws.nodeId, action: 'links', changes: [] };
      entries.push(current);
    }
    for (const [field, value] of Object.entries(e.fields)) {
      if (e.entity === q.entity) {
        const created = field === 'department_id' && !last.has('department_id');
        const change: HistoryFieldChange = { kind: 'field', field: camel(field), oldValue: last.has(field) ? last.get(field) : null, newValue: value };
        last.set(field, value);
        current.changes.push(change);
        if (created) current.action = 'created';
        else if (field === 'deleted_at') current.action = value === null ? 'restored' : 'deleted';
        else if (current.action === 'links') current.action = 'changed';
        continue;
      }
      // A link row: its insert (logged with department_id first) or its tombstone set / cleared.
      const target = linkTarget.get(e.rowId)!;
      const kind = field === 'department_id' || (field === 'deleted_at' && value === null) ? 'link_added' : field === 'deleted_at' ? 'link_removed' : null;
      if (!kind) continue;
      current.changes.push({
        kind,
        link: target.table,
        linkId: e.rowId,
        target: { entity: target.entity, id: target.id, title: titleOf(target.entity, target.id) },
      });
    }
  }
  const newestFirst = entries.filter((x) => x.changes.length > 0).reverse();
  return {
    entity: q.entity,
    id: q.id,
    entries: newestFirst.slice(0, q.limit),
    total: newestFirst.length,
    localNodeId: ws.nodeId,
  };
}
