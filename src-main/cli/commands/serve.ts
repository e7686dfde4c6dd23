import type { Command } from 'commander';
import { createCore } from '../../core/dispatch';
import { resolveDataDir } from '../../core/data-dir';
import { WorkspaceSession } from '../../core/session';
import { describeHolder } from '../../db/writer-lock';
import { removeAllUploads } from '../../services/imports/uploads';
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
      // Opened whatever state it is in: the page says when it is read-only or damaged, and what to do.
      const session = WorkspaceSession.open(resolveDataDir(opts.data), { program: 'boucle serve', onProgress: tellProgress });
      const shell = await startWebShell({ core: createCore(session), rendererDir: builtRendererDir(), port });
      console.log(`Boucle is running. Open this address in your browser (it holds this session's key):`);
      console.log(`  ${shell.url}`);
      console.log(`Workspace: ${session.dataDir}`);
      const h = session.health();
      if (h.state === 'read_only') console.log(`Read-only: it is open for writing in ${describeHolder(h.holder)}.`);
      if (h.state === 'damaged') console.log(`Damaged (${h.kind}): ${h.detail}. The page offers what can be done.`);
      console.log('Press Ctrl+C to stop.');
      // Whatever ends the process, the uploads of this session go with it.
      process.on('exit', () => removeAllUploads());
      const stop = async () => {
        await shell.close();
        await session.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
