import { createHash } from 'node:crypto';
import type { DepartmentChecksum } from '../../../src-shared/sync/protocol';
import { rowHashInput } from '../../../src-shared/sync/protocol';
import { ENTITIES, type EntityName } from '../../db/entities';
import { compareClocks, type FieldClock } from '../../db/field-clocks';
import { uuidToBlob } from '../../db/ids';
import { internerOf } from '../../db/interned';
import type { Workspace } from '../../db/workspace';

// This laptop's side of the per-department checksum (server: store/pull.ts checksum): over every
// row the laptop holds of the department (tombstones too), the XOR of the 64-bit MD5 of (entity,
// row, newest clock, its node). A row lost or damaged behind the sync's back (a restore, a tool
// that wrote to the file), or a change the cursor skipped, makes it differ from the server's; the
// sync then downloads the department again (run.ts). It reads every row of the department, so the
// sync runs it only when the department changed or was asked to (not on every idle sync).

export interface LocalChecksum {
  rows: number;
  xor: string;
}

const hash64 = (s: string) => BigInt.asIntN(64, BigInt(`0x${createHash('md5').update(s).digest('hex').slice(0, 16)}`));

export function localChecksum(ws: Workspace, dep: string): LocalChecksum {
  const names = internerOf(ws.db);
  const entries = ws.db.prepare(
    `SELECT t.node AS node, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) AS hlc
       FROM log_entries e JOIN log_txs t ON t.id = e.tx WHERE e.row = ? AND e.entity = ?`,
  );
  let xor = 0n;
  let rows = 0;
  for (const entity of Object.keys(ENTITIES) as EntityName[]) {
    const ent = names.find(entity);
    const table = ENTITIES[entity].table;
    const where = entity === 'departments' ? 'id = ?' : 'department_id = ?';
    const ids = ws.db.prepare(`SELECT id FROM ${table} WHERE ${where}`).pluck().all(dep) as string[];
    for (const id of ids) {
      rows++;
      let newest: FieldClock | null = null;
      if (ent !== undefined) {
        for (const r of entries.all(uuidToBlob(id), ent) as { node: number; hlc: number }[]) {
          const c = { hlc: r.hlc, node: names.text(r.node) };
          if (!newest || compareClocks(c, newest) > 0) newest = c;
        }
      }
      // a row with no log at all hashes as clock 0: it can only match a server that has none either
      xor ^= hash64(rowHashInput(entity, id, newest?.hlc ?? 0, newest?.node ?? ''));
    }
  }
  return { rows, xor: BigInt.asIntN(64, xor).toString() };
}

export const sameChecksum = (local: LocalChecksum, server: DepartmentChecksum) => local.rows === server.rows && local.xor === server.xor;
