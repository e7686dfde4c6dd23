import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../core/version';
import { CliError } from './context';
import { registerServe } from './commands/serve';
import { registerInfo } from './commands/info';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerImportJson } from './commands/import-json';
import { registerTemplate } from './commands/template';
import { registerImportBpmn } from './commands/import-bpmn';
import { registerImportMeasurements } from './commands/import-measurements';
import { registerBackups } from './commands/backups';
import { registerReport } from './commands/report';
import { registerSync } from './commands/sync';

// The `boucle` command: headless access to the same core as the app.
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('boucle')
    .description('Boucle: map processes, close gaps with social interventions, prove it with indicators.')
    .version(APP_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError();

  registerServe(program);
  registerInfo(program);
  registerDemo(program);
  registerExport(program);
  registerImportJson(program);
  registerTemplate(program);
  registerImportBpmn(program);
  registerImportMeasurements(program);
  registerBackups(program);
  registerReport(program);
  registerSync(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode; // commander already printed why
    if (e instanceof CliError) {
      process.stderr.write(`boucle: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`boucle: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
