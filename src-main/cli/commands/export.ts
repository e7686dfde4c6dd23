import type { Command } from 'commander';
import { serializeWorkspace } from '../../services/workspace/workspace-json';
import { CliError, withWorkspace } from '../context';

export function registerExport(program: Command) {
  program
    .command('export')
    .description('write the whole workspace to stdout (--json; the shape is in docs/workspace-json.md)')
    .option('--json', 'as one JSON document: one array per entity, rows sorted by id')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (opts: { json?: boolean; data?: string }) => {
      if (!opts.json) {
        throw new CliError(
          'choose an export format. Formats: --json (the whole workspace as one JSON document, see docs/workspace-json.md; `boucle import-json` reads it back)',
        );
      }
      await withWorkspace(
        opts.data,
        async ({ ws }) => {
          process.stdout.write(serializeWorkspace(ws));
        },
        { writes: false, program: 'boucle export' },
      );
    });
}
