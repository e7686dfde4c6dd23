import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { runSync } from '../../services/sync/run';
import { tokenOrProblem } from '../../services/sync/state';
import { configureSync, syncStatus } from '../../services/sync/status';
import { CliError, withWorkspace } from '../context';

// `boucle sync --server URL --token-file F [--data DIR]`: remembers both, then `boucle sync` alone.
// Exit code 0 only when everything was pushed and pulled; refusals on stderr, one per line.
// `boucle sync status`: where it stands, in words.

const err = (s: string) => process.stderr.write(`${s}\n`);

export function registerSync(program: Command) {
  program
    .command('sync [what]')
    .description('sync with the central store (push, then pull); `boucle sync status` tells where it stands')
    .option('--server <url>', 'address of the sync server (remembered)')
    .option('--token-file <file>', 'file holding your token, from boucle-server token NAME (remembered)')
    .option('--yes', 'go ahead where the fail-safe would ask (upload to an empty server, a mass delete)')
    .option('--verify', "compare every department's checksum with the server's now (otherwise: those that changed, and each one every few hours)")
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (what: string | undefined, opts: { server?: string; tokenFile?: string; yes?: boolean; verify?: boolean; data?: string }) => {
      if (what !== undefined && what !== 'status') throw new CliError(`Unknown: boucle sync ${what} (did you mean boucle sync status?)`);
      await withWorkspace(opts.data, async ({ ws }) => {
        if (what === 'status') {
          const s = syncStatus(ws);
          console.log(s.configured ? `Server: ${s.serverUrl}${s.user ? ` (signed in as ${s.user})` : ''}` : 'Sync is not set up: boucle sync --server URL --token-file FILE');
          console.log(`Last sync: ${s.lastSyncAt ?? 'never'}`);
          console.log(`Changes waiting to be sent: ${s.pending}`);
          if (s.heldBack) console.log(`Changes held back (no write grant; they go once one comes): ${s.heldBack}`);
          console.log(`Conflicts to resolve: ${s.conflicts}`);
          for (const d of s.departments) {
            const access = d.access !== 'none' ? d.access : d.revokedAt ? `no longer shared with you (revoked ${d.revokedAt})` : 'no grant on the server';
            const held = d.heldChanges ? `, ${d.heldChanges} ${d.heldChanges === 1 ? 'change' : 'changes'} held back` : '';
            console.log(`  ${d.code}\t${access}${d.shared ? '' : ', not shared from here'}${held}`);
          }
          if (s.lastError) err(`Last error: ${s.lastError}`);
          for (const r of s.refusals) err(`Refused: ${r}`);
          return;
        }
        if (opts.server || opts.tokenFile) {
          const tokenFile = opts.tokenFile ? path.resolve(opts.tokenFile) : undefined;
          if (tokenFile) {
            if (!fs.existsSync(tokenFile)) throw new CliError(`cannot read ${opts.tokenFile}: no such file (write the token boucle-server token printed into it)`);
            const kept = tokenOrProblem(tokenFile);
            if (kept.problem) throw new CliError(kept.problem);
            if (!kept.token) throw new CliError(`${tokenFile}: no token in this file (put the one boucle-server token printed in it)`);
          }
          const server = opts.server ?? syncStatus(ws).serverUrl;
          if (!server) throw new CliError('Give the server too: boucle sync --server URL --token-file FILE');
          try {
            await configureSync(ws, { serverUrl: server, tokenFile });
          } catch (e) {
            throw new CliError(e instanceof Error ? e.message : String(e));
          }
        }
        let shown = '';
        const r = await runSync(ws, {
          confirm: opts.yes === true,
          verify: opts.verify === true,
          onProgress: (p) => {
            if (p.phase !== 'pull' || !process.stderr.isTTY) return;
            const line = `Downloading ${p.department}: ${p.done}/${p.total}`;
            if (line !== shown) process.stderr.write(`\r${(shown = line)}`);
          },
        });
        if (shown) err('');
        console.log(`Sent ${r.pushed} change${r.pushed === 1 ? '' : 's'}${r.duplicates ? ` (${r.duplicates} already there)` : ''}, received ${r.pulled}${r.conflicts ? `, ${r.conflicts} new conflict${r.conflicts === 1 ? '' : 's'} to resolve in the app` : ''}.`);
        for (const code of r.repaired) err(`${code}: this computer's copy differed from the server's checksum; downloaded it again`);
        for (const x of r.refusals) err(`Refused: ${x}`);
        if (r.confirm) throw new CliError(`${r.confirm.message} (boucle sync --yes)`, 3);
        if (r.error) throw new CliError(r.error.message, 1);
        if (!r.ok) throw new CliError('Not everything was synced (see the refusals above)', 2);
      });
    });
}
