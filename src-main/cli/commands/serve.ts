import type { Command } from 'commander';
import { createCore } from '../../core/dispatch';
import { resolveDataDir } from '../../core/data-dir';
import { openWorkspace } from '../../core/workspace';
import { builtRendererDir, CliError, tellProgress } from '../context';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('serve the app in your browser (web shell on 127.0.0.1, token in the URL)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (opts: { port?: string; data?: string }) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: not a port number: ${opts.port}`);
      // fastify is loaded by this command only, not by every start of the CLI.
      const { startWebShell } = await import('../../web/server');
      const ws = openWorkspace(resolveDataDir(opts.data), { onProgress: tellProgress });
      const shell = await startWebShell({ core: createCore(ws), rendererDir: builtRendererDir(), port });
      console.log(`Boucle is running. Open this address in your browser (it holds this session's key):`);
      console.log(`  ${shell.url}`);
      console.log(`Workspace: ${ws.databaseFile}`);
      console.log('Press Ctrl+C to stop.');
      const stop = async () => {
        await shell.close();
        ws.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
