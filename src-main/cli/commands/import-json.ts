import fs from 'node:fs';
import type { Command } from 'commander';
import { importWorkspace } from '../../services/workspace/workspace-import';
import { parseWorkspaceJson } from '../../services/workspace/workspace-json-checks';
import { SECTIONS } from '../../services/workspace/workspace-json';
import { CliError, withWorkspace } from '../context';

export function registerImportJson(program: Command) {
  program
    .command('import-json')
    .description('load a file written by `boucle export --json` into an empty workspace (all or nothing)')
    .argument('<file>', 'the JSON file')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (file: string, opts: { data?: string }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      // Validate before the workspace is even opened: a bad file must not create or touch anything.
      const valid = parseWorkspaceJson(text);
      await withWorkspace(opts.data, async ({ ws }) => {
        const written = importWorkspace(ws, valid);
        const parts = SECTIONS.filter((s) => (written[s.key] ?? 0) > 0).map((s) => `${written[s.key]} ${s.entity.replace(/_/g, ' ')}`);
        process.stdout.write(`Imported ${file} into ${ws.databaseFile}:\n  ${parts.join(', ') || 'nothing (the file is empty)'}\n`);
      }, { program: 'boucle import-json' });
    });
}
