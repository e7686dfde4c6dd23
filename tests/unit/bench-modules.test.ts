import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// `npm run bench` loads its files with plain Node (tsx), outside vitest. A helper a benchmark
// imports that pulls in vitest (as sync-store.ts once did) breaks the benchmark without failing
// any test: this loads every benchmark file the way run.ts does, without running it.
test('every benchmark module loads outside vitest', () => {
  const dir = path.resolve(__dirname, '../bench');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts'));
  expect(files.length).toBeGreaterThan(5);
  const script = `for (const f of ${JSON.stringify(files)}) { const m = await import(${JSON.stringify(dir)} + '/' + f); if (typeof (m.run ?? m.default?.run) !== 'function') throw new Error(f + ' has no run()'); } console.log('loaded');`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
  expect(out.trim()).toBe('loaded');
}, 90_000);
