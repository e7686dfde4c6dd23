import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { apiMethods, type ApiName } from '../../src-shared/api';
import { TOKEN_HEADER, type WebShell } from '../../src-main/web/server';

// Generated inputs for every API method, for the fuzz test and `npm run bench -- reliability`.

export const FUZZ_SKIP: Partial<Record<ApiName, string>> = {
  'workspace.openFolder': 'switches the workspace to a folder the input names ("/" exists): tested on its own',
  'workspace.backups.create': 'takes no input, so every run is a real backup on a worker thread: tested on its own',
};

/** Everything stored: a refused call must leave all of it as it was. */
export function footprintOf(db: Database): string {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`).pluck().all() as string[];
  const rowids = (n: string) => {
    try {
      return db.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM "${n}"`).pluck().get();
    } catch {
      return null; // a WITHOUT ROWID table: its count says enough with the change log's
    }
  };
  return JSON.stringify(tables.map((n) => [n, db.prepare(`SELECT COUNT(*) FROM "${n}"`).pluck().get(), rowids(n)]));
}

const keysOf = (name: ApiName): string[] => Object.keys((apiMethods[name].input as unknown as { shape?: object }).shape ?? {});

/** Inputs near the real ones (the method's own keys, ids that exist) and far from them. */
export function fuzzInputs(name: ApiName, ids: string[]) {
  const leaf = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...ids, '', ' ', '../../etc/passwd', '/etc/passwd', '2025-02-30', '\u202Eevil', 'x'.repeat(5000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 3 }));
  const keys = keysOf(name);
  const shaped = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof(shaped, shaped, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), fc.constant({}));
}

export async function callThroughShell(s: WebShell, name: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const res = await fetch(`${s.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token },
    body: JSON.stringify(input === undefined ? {} : { input }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

