import type { Command } from 'commander';
import { withWorkspace } from '../context';

export function registerInfo(program: Command) {
  program
    .command('info')
    .description('show where the workspace lives and what it holds')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (opts: { data?: string }) => {
      await withWorkspace(
        opts.data,
        async ({ call, session }) => {
          const info = await call('workspace.info', {});
          console.log(JSON.stringify({ ...info, health: session.health() }, null, 2));
        },
        { writes: false, program: 'boucle info' },
      );
    });
}
