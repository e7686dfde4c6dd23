import type { Command } from 'commander';
import { BoucleError } from '../../../src-shared/errors';
import { createDemo, DEFAULT_DEMO_SEED } from '../../core/demo/generate';
import { describeCounts } from '../../services/workspace/workspace-json';
import { CliError, withWorkspace } from '../context';

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('fill an empty workspace with a realistic demo: Finance, HR and Supply chain, with two years of measurements')
    .option('--data <dir>', 'data folder of the workspace')
    .option('--force', 'on a workspace that is not empty: delete its departments and everything in them first (soft deletes, kept in the change log)')
    .option('--lang <lang>', 'language of the demo texts: en (default) or fr', 'en')
    .option('--seed <n>', `seed of the measurement noise (default ${DEFAULT_DEMO_SEED}): the same seed on the same day gives the same demo`)
    .action(async (opts: { data?: string; force?: boolean; seed?: string; lang: string }) => {
      if (opts.lang !== 'en' && opts.lang !== 'fr') throw new CliError(`--lang: en or fr, not ${opts.lang}`);
      const lang = opts.lang;
      const seed = opts.seed === undefined ? DEFAULT_DEMO_SEED : Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError(`--seed: not a whole number ≥ 0: ${opts.seed}`);
      await withWorkspace(opts.data, async ({ ws }) => {
        const started = performance.now();
        let summary;
        try {
          summary = createDemo(ws, { seed, force: opts.force === true, lang });
        } catch (e) {
          if (e instanceof BoucleError && e.code === 'conflict' && !opts.force) {
            throw new CliError(`${e.message}. Run it again with --force to delete what is there (softly, it stays in the change log) and create the demo.`);
          }
          throw e;
        }
        const ms = Math.round(performance.now() - started);
        const replaced = summary.replacedDepartments ? `, after deleting ${summary.replacedDepartments} department(s)` : '';
        process.stdout.write(
          `Demo created in ${ws.databaseFile} (seed ${summary.seed}, up to ${summary.today}, ${ms} ms${replaced}):\n` +
            `  ${describeCounts(summary.counts)}\n`,
        );
      }, { program: 'boucle demo' });
    });
}
