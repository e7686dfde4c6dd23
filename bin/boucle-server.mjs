#!/usr/bin/env node
// Entry point of `boucle-server`, the optional central sync store: runs the server built by
// `npm run build` (out/main/server.js).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = path.join(here, '..', 'out', 'main', 'server.js');
if (!existsSync(server)) {
  process.stderr.write('boucle-server: not built yet. Run `npm run build` in the Boucle folder first.\n');
  process.exit(1);
}
const { runServerCli } = createRequire(import.meta.url)(server);
const code = await runServerCli(process.argv.slice(2));
process.exit(code);
