import { z } from 'zod';
import { msg } from '../messages';
import { id } from '../common';

// History: what changed, when and on which machine, read from the change log.

export const HISTORY_ENTITIES = ['gaps', 'interventions', 'processes', 'indicators', 'steps'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

export const historyList = z
  .object({
    entity: z.enum(HISTORY_ENTITIES, msg('history.entity')),
    id,
    /** Newest transactions first; how many to return. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type HistoryListInput = z.input<typeof historyList>;

/** One field that changed: its value before (from the previous log entry of that field) and after. */
export interface HistoryFieldChange {
  kind: 'field';
  /** The DTO field name (camelCase), e.g. `severity`, `status`, `departmentId`. */
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** A link of the entity added or removed (e.g. an intervention linked to a gap). */
export interface HistoryLinkChange {
  kind: 'link_added' | 'link_removed';
  /** The link table, e.g. `gap_interventions`, `indicator_links`. */
  link: string;
  linkId: string;
  /** What is at the other end of the link; title null when it no longer exists. */
  target: { entity: 'gaps' | 'interventions' | 'indicators'; id: string; title: string | null };
}

/** One transaction of the write path that touched the entity (or its links). */
export interface HistoryEntry {
  txId: string;
  /** ISO date-time, from the hybrid logical clock. */
  at: string;
  hlc: string;
  /** The machine that made the change. */
  nodeId: string;
  /** True when that machine is this one. */
  local: boolean;
  /** created: the entity's first entry; deleted / restored: its tombstone set / cleared. */
  action: 'created' | 'changed' | 'deleted' | 'restored' | 'links';
  changes: (HistoryFieldChange | HistoryLinkChange)[];
}

export interface HistoryPage {
  entity: HistoryEntity;
  id: string;
  /** Newest first. */
  entries: HistoryEntry[];
  /** Transactions in all (entries may be fewer when limited). */
  total: number;
  localNodeId: string;
  /** The name of every row an id in these entries points at (step, process, department…), deleted ones too. */
  names?: Record<string, { name: string; deleted: boolean }>;
}
