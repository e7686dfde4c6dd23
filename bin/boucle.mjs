#!/usr/bin/env node
// Entry point of the `boucle` command: runs the CLI built by `npm run build` (out/main/cli.js).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('boucle: not built yet. Run `npm run build` in the Boucle folder first.\n');
  process.exit(1);
}
const { runCli } = createRequire(import.meta.url)(cli);
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
