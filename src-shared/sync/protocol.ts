import { z } from 'zod';

// The wire between a laptop (src-main/sync) and the central store (src-server): JSON over HTTPS with
// a bearer token. Shared so that both ends validate the same shapes. No Node, no DOM here.

export const SYNC_PROTOCOL_VERSION = 1;

/** How far ahead of the server a laptop's clock may run before its changes are refused (ms). */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

/** Changes a laptop sends per push; the server refuses bigger batches. */
export const MAX_PUSH_CHANGES = 5000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a UUID');
const name = z.string().min(1).max(64).regex(/^[a-z_]+$/, 'a lower-case name');
const clock = z.tuple([z.number().int().nonnegative(), z.string().min(1).max(64)]);

export const OPS = ['update', 'insert', 'remove', 'restore', 'snapshot'] as const;
export type SyncOp = (typeof OPS)[number];

/** One row change as the author's change log holds it. Its identity is (node, hlc). */
export const wireChange = z.object({
  tx: z.string().min(1).max(120),
  pos: z.number().int().nonnegative(),
  node: z.string().min(1).max(64),
  hlc: z.number().int().positive(),
  entity: name,
  row: uuid,
  /** The department the author's log filed it under (the server knows better once it has the row). */
  dep: uuid.nullable().optional(),
  op: z.enum(OPS),
  fields: z.record(z.string().min(1).max(64), z.unknown()),
  clocks: z.record(z.string(), clock).optional(),
  base: z.record(z.string(), clock.nullable()).optional(),
});
export type WireChange = z.infer<typeof wireChange>;

export const pushBody = z.object({
  node: z.string().min(1).max(64),
  changes: z.array(wireChange).max(MAX_PUSH_CHANGES),
});
export type PushBody = z.infer<typeof pushBody>;

export interface PushResult {
  accepted: number;
  duplicates: number;
  serverTime: number;
  /**
   * Per department this batch wrote to, when all it wrote there is the batch's own changes as sent
   * (no move notice, no snapshot): the department's feed after `after` up to `upTo` is only those.
   * A laptop whose cursor there is `after` already holds all of it and may move its cursor to
   * `upTo` instead of pulling its own changes back; any other cursor stays and pulls as before.
   */
  own?: { department: string; after: number; upTo: number }[];
}

/** A change as a pull delivers it: the server's commit order and the author's name. */
export interface PulledChange extends WireChange {
  ord: number;
  by?: string;
}

/** The first line of a pull's stream, then one PulledChange per line, then `{ end: lastOrd }`. */
export interface PullHead {
  department: string;
  after: number;
  /** The last commit order this pull goes up to, and how many changes it holds. */
  upTo: number;
  count: number;
  /** Of these, how many set a tombstone or take a row out of the department (the fail-safe's). */
  removals: number;
}

export type Access = 'read' | 'write';

export interface SessionDepartment {
  /** null: a grant for a code no laptop has pushed yet. */
  id: string | null;
  code: string;
  access: Access;
  /** The department's last commit order on the server (0: nothing yet). */
  lastOrd: number;
}

export interface SessionInfo {
  protocol: number;
  serverId: string;
  user: string;
  allRead: boolean;
  serverTime: number;
  maxDriftMs: number;
  departments: SessionDepartment[];
}

export interface DepartmentChecksum {
  department: string;
  rows: number;
  /** XOR of each row's 64-bit hash of (entity, row, newest clock, its node), as a decimal string. */
  xor: string;
  upTo: number;
}

/** The errors the server answers with: a code a laptop acts on, and words a person reads. */
export const SYNC_ERRORS = ['unauthorized', 'forbidden', 'clock_ahead', 'bad_request', 'unknown_department', 'too_large', 'unavailable'] as const;
export type SyncErrorCode = (typeof SYNC_ERRORS)[number];

export interface SyncErrorBody {
  error: SyncErrorCode;
  message: string;
  /** forbidden: the departments (codes) refused. clock_ahead: by how many ms. */
  refused?: { department: string; code: string | null; need: Access }[];
  aheadMs?: number;
}

/** The string a row's checksum hashes; both ends hash it with MD5 and keep the first 64 bits. */
export const rowHashInput = (entity: string, row: string, hlc: number, node: string) => `${entity}:${row}:${hlc}:${node}`;
