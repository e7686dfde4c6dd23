import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Electronegativity (Doyensec's checker of Electron security anti-patterns) on the BUILT app, out/:
// every finding is fixed or listed with its reason in .ci/electronegativity-allowlist.json.

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out');
const ALLOW = JSON.parse(fs.readFileSync(path.join(ROOT, '.ci/electronegativity-allowlist.json'), 'utf8')) as {
  excludedChecks: Record<string, string>;
  findings: { id: string; file: string; reason: string }[];
};

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
}

async function scan(): Promise<{ issues: Issue[]; errors: unknown[] }> {
  // It fetches translations over the network on start: answer from here instead (no network in CI).
  const mod = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const load = mod._load;
  mod._load = function (req: string, ...rest: unknown[]) {
    if (req === 'got') return () => Promise.reject(new Error('no network'));
    return load.call(this, req, ...rest);
  };
  try {
    const run = createRequire(__filename)('@doyensec/electronegativity') as (o: object, cli: boolean) => Promise<{ issues: Issue[]; errors: unknown[] }>;
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    return await run({ input: OUT, excludeFromScan: Object.keys(ALLOW.excludedChecks), electronVersionOverride: pkg.version, isRelative: true }, false);
  } finally {
    mod._load = load;
  }
}

describe('Electronegativity on the built app', () => {
  it('finds nothing that is not reviewed in the allowlist, and the allowlist holds nothing stale', async () => {
    expect(fs.existsSync(path.join(OUT, 'main', 'main.js')), 'out/ is missing: run npm run build').toBe(true);
    const { issues, errors } = await scan();
    expect(errors).toEqual([]);
    const found = issues.map((i) => ({ id: i.id, file: i.file.split(path.sep).join('/') }));
    const key = (f: { id: string; file: string }) => `${f.id} ${f.file}`;
    const allowed = new Set(ALLOW.findings.map(key));
    expect(found.filter((f) => !allowed.has(key(f))).map((f) => `${key(f)} (not reviewed: fix it or add it with its reason)`)).toEqual([]);
    const seen = new Set(found.map(key));
    expect(ALLOW.findings.filter((f) => !seen.has(key(f))).map((f) => `${key(f)} (no longer found: remove it)`)).toEqual([]);
    expect(ALLOW.findings.every((f) => f.reason.length > 40)).toBe(true);
  }, 120_000);
});
