import { createHash } from 'node:crypto';
import type { DepartmentChecksum } from '../../../src-shared/sync/protocol';
import { rowHashInput } from '../../../src-shared/sync/protocol';
import { ENTITIES, isCompact, type EntityName } from '../../db/entities';
import { blobToUuid } from '../../db/ids';
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
  // One statement per entity: each row of the department with its newest (clock, node) from the log,
  // as fixed-width clock + node text so that SQLite's max() orders them as compareClocks does.
  const newest = `max(printf('%020d', COALESCE(e.hlc, t.hlc + e.seq - t.first_seq)) || ' ' || n.text)`;
  const logOf = (rowBlob: string) =>
    `LEFT JOIN log_entries e ON e.row = ${rowBlob} AND e.entity = ? LEFT JOIN log_txs t ON t.id = e.tx LEFT JOIN interned n ON n.id = t.node`;
  let xor = 0n;
  let rows = 0;
  for (const entity of Object.keys(ENTITIES) as EntityName[]) {
    const ent = names.find(entity) ?? -1;
    const sql = isCompact(entity)
      ? `SELECT x.uid AS id, ${newest} AS newest FROM measurement_rows x JOIN indicator_keys k ON k.num = x.ind JOIN indicators i ON i.id = k.id
           ${logOf('x.uid')} WHERE i.department_id = ? GROUP BY x.uid`
      : `SELECT x.id AS id, ${newest} AS newest FROM ${ENTITIES[entity].table} x ${logOf(`unhex(replace(x.id, '-', ''))`)}
          WHERE ${entity === 'departments' ? 'x.id' : 'x.department_id'} = ? GROUP BY x.id`;
    for (const r of ws.db.prepare(sql).iterate(ent, dep) as Iterable<{ id: string | Buffer; newest: string | null }>) {
      rows++;
      const id = typeof r.id === 'string' ? r.id : blobToUuid(r.id);
      const sp = r.newest ? r.newest.indexOf(' ') : -1;
      // a row with no log at all hashes as clock 0: it can only match a server that has none either
      const [hlc, node] = sp > 0 ? [Number(r.newest!.slice(0, sp)), r.newest!.slice(sp + 1)] : [0, ''];
      xor ^= hash64(rowHashInput(entity, id, hlc, node));
    }
  }
  return { rows, xor: BigInt.asIntN(64, xor).toString() };
}

export const sameChecksum = (local: LocalChecksum, server: DepartmentChecksum) => local.rows === server.rows && local.xor === server.xor;
