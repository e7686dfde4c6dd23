// `npm run bench`: runs every tests/bench/*.bench.ts in turn (plain Node via tsx, real SQLite files,
// real CLIs) and prints what each reports. Benchmarks measure; they never fail a build on timing.
import fs from 'node:fs';
import path from 'node:path';

export interface BenchResult {
  name: string;
  /** Free-form rows: label → value, printed as a table. */
  rows: Record<string, string | number>[];
}

async function main() {
  const dir = __dirname;
  const only = process.argv[2];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  if (files.length === 0) {
    console.log('No benchmark files found.');
    return;
  }
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { run: () => Promise<BenchResult> };
    console.log(`\n=== ${f} ===`);
    const started = Date.now();
    const result = await mod.run();
    console.log(result.name);
    console.table(result.rows);
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
