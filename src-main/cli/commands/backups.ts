import path from 'node:path';
import type { Command } from 'commander';
import { BoucleError } from '../../../src-shared/errors';
import { formatMessage, isMessageKey } from '../../../src-shared/messages';
import { resolveDataDir } from '../../core/data-dir';
import { WorkspaceSession } from '../../core/session';
import { listBackups } from '../../services/workspace/backups';
import { CLI_EXIT, CliError, healthRefusal, withWorkspace } from '../context';

// `boucle backup [--out FILE]`, `boucle backups`, `boucle restore FILE`: the same backups as the app
// (Settings → Backups), in the backups folder of the data folder.

const out = (s: string) => process.stdout.write(`${s}\n`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
const words = (e: unknown) =>
  e instanceof BoucleError && isMessageKey(e.key) ? formatMessage(e.key, e.params, 'en') : e instanceof Error ? e.message : String(e);

export function registerBackups(program: Command) {
  program
    .command('backup')
    .description('write a checked backup of the workspace (into its backups folder, or --out FILE)')
    .option('--out <file>', 'write the backup to this file instead (it must not exist); not rotated')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (opts: { out?: string; data?: string }) => {
      await withWorkspace(
        opts.data,
        async ({ session }) => {
          try {
            const b = await session.backupNow('manual', opts.out ? { out: path.resolve(opts.out) } : {});
            out(`Backup written and checked: ${b.file} (${mb(b.bytes)})`);
          } catch (e) {
            throw new CliError(words(e));
          }
        },
        // A backup reads: it runs while the app or serve holds the workspace.
        { writes: false, program: 'boucle backup', dailyBackup: false },
      );
    });

  program
    .command('backups')
    .description('list the backups of the workspace, newest first')
    .option('--data <dir>', 'data folder of the workspace')
    .option('--json', 'as JSON')
    .action((opts: { data?: string; json?: boolean }) => {
      const list = listBackups(resolveDataDir(opts.data));
      if (opts.json) {
        out(JSON.stringify(list, null, 2));
        return;
      }
      out(`Backups in ${list.folder} (${list.items.length}, ${mb(list.totalBytes)}${list.freeBytes !== null ? `; ${mb(list.freeBytes)} free on the disk` : ''}):`);
      for (const b of list.items) {
        out(`  ${b.name}  ${b.reason.padEnd(16)} ${mb(b.bytes).padStart(9)}  ${b.checked ? 'checked' : 'not checked'}`);
      }
      if (list.items.length === 0) out('  (none yet: the first open of each day writes one, or run `boucle backup`)');
    });

  program
    .command('restore')
    .description('replace the workspace by a backup (checked first; the current database is kept aside, never deleted)')
    .argument('<file>', 'a backup (from `boucle backups`) or any Boucle workspace file')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (file: string, opts: { data?: string }) => {
      const session = WorkspaceSession.open(resolveDataDir(opts.data), { program: 'boucle restore', maintenance: false });
      try {
        const h = session.health();
        if (h.state === 'read_only') throw healthRefusal(h, true)!;
        let r;
        try {
          r = await session.restore({ file: path.resolve(file) });
        } catch (e) {
          throw new CliError(words(e), e instanceof BoucleError && e.code === 'read_only' ? CLI_EXIT.held : 1);
        }
        out(`Restored ${r.restored.name} (${r.restored.createdAt}) into ${session.dataDir}.`);
        out(`The database it replaced is kept in ${r.keptAside}.`);
        if (r.health.state !== 'ok') throw new CliError(`After the restore the workspace is ${r.health.state}.`);
      } finally {
        await session.close();
      }
    });
}
