import pg from 'pg';

// PostgreSQL through node-postgres. 64-bit integers (commit order, clocks) come back as text and
// are converted where read (they stay below 2^53).
export function openPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle client lost (database restarted): the pool replaces it
  return pool;
}
