import type pg from 'pg';

// A row as it stands at commit order `upTo`: for each field, the value of the change with the
// greatest (clock, node) that carried it. Sent whole to a department a row moves into, whose
// readers never saw the changes it had before.

const after = (h1: number, n1: string, h2: number, n2: string) => h1 > h2 || (h1 === h2 && n1 > n2);

export async function snapshotOf(db: pg.PoolClient, entity: string, rowId: string, upTo: number) {
  const r = await db.query<{ fields: Record<string, unknown>; hlc: string; node: string }>(
    'SELECT fields, hlc, node FROM feed WHERE row_id = $1 AND entity = $2 AND kind = 0 AND ord <= $3 ORDER BY ord',
    [rowId, entity, upTo],
  );
  const fields: Record<string, unknown> = {};
  const clocks: Record<string, [number, string]> = {};
  for (const c of r.rows) {
    const hlc = Number(c.hlc);
    for (const [f, v] of Object.entries(c.fields)) {
      const k = clocks[f];
      if (!k || after(hlc, c.node, k[0], k[1])) {
        fields[f] = v;
        clocks[f] = [hlc, c.node];
      }
    }
  }
  return { fields, clocks };
}
