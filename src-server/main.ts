import { Command, CommanderError } from 'commander';
import { AccountError, addUser, grant, listUsers, makeToken, revoke } from './auth/accounts';
import { openStore, startServer } from './server';

// `boucle-server`: the central store and its admin commands. Scripts are written against these
// exact forms; each takes --data DIR (the embedded PostgreSQL) or DATABASE_URL like the server.

const out = (s: string) => process.stdout.write(`${s}\n`);

async function withStore<T>(data: string | undefined, fn: (pool: import('pg').Pool) => Promise<T>): Promise<T> {
  const store = await openStore(data);
  try {
    return await fn(store.pool);
  } finally {
    await store.close();
  }
}

export async function runServerCli(argv: string[]): Promise<number> {
  const program = new Command('boucle-server')
    .description('Boucle sync server: the optional central store, on PostgreSQL.')
    .exitOverride()
    .showHelpAfterError();
  const data = (c: Command) => c.option('--data <dir>', 'folder of the embedded PostgreSQL (ignored when DATABASE_URL is set)');

  data(program.command('start').description('serve the central store').option('--port <n>', 'port', '8787').option('--host <addr>', 'address to listen on', '127.0.0.1')).action(
    async (o: { port: string; host: string; data?: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AccountError(`--port: a port number, not "${o.port}"`);
      const server = await startServer({ port, host: o.host, data: o.data, logLevel: process.env.LOG_LEVEL ?? 'info' });
      out(`Boucle sync server on ${server.url} (${server.store.where})`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          server.app.log.info({ signal }, 'stopping');
          server.stop().then(resolve, (e) => {
            server.app.log.error({ err: e }, 'stop failed');
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
    },
  );

  const user = program.command('user').description('users of the central store');
  data(user.command('add <name>').description('add a user')).action(async (name: string, o: { data?: string }) => {
    await withStore(o.data, (pool) => addUser(pool, name));
    out(`User ${name} added. Give them a token: boucle-server token ${JSON.stringify(name)}`);
  });
  data(user.command('list').description('list users, their grants and tokens')).action(async (o: { data?: string }) => {
    const users = await withStore(o.data, listUsers);
    for (const u of users) {
      const grants = [...(u.allRead ? ['* read'] : []), ...u.grants.map((g) => `${g.code} ${g.level}`)];
      out(`${u.name}\t${grants.join(', ') || '(no grant)'}\t${u.tokens} token${u.tokens === 1 ? '' : 's'}`);
    }
  });

  data(program.command('grant <name> [dept_code] [level]').description('grant read or write on a department (or --all read)').option('--all', 'every department (read only)')).action(
    async (name: string, code: string | undefined, level: string | undefined, o: { all?: boolean; data?: string }) => {
      // `grant NAME --all read`: commander puts "read" where the code would be
      const [dept, lvl] = o.all ? ['ALL', level ?? code] : [code, level];
      if (!dept || !lvl) throw new AccountError('Usage: boucle-server grant NAME DEPT_CODE read|write, or boucle-server grant NAME --all read');
      await withStore(o.data, (pool) => grant(pool, name, dept, lvl));
      out(`${name}: ${lvl} on ${dept === 'ALL' ? 'every department' : dept.toUpperCase()}`);
    },
  );

  data(program.command('revoke <name> [dept_code]').description('take a grant away (the next request is refused)').option('--all', 'the read grant on every department')).action(
    async (name: string, code: string | undefined, o: { all?: boolean; data?: string }) => {
      const dept = o.all ? 'ALL' : code;
      if (!dept) throw new AccountError('Usage: boucle-server revoke NAME DEPT_CODE (or --all)');
      const had = await withStore(o.data, (pool) => revoke(pool, name, dept));
      out(had ? `${name}: no longer any grant on ${dept === 'ALL' ? 'every department' : dept.toUpperCase()}` : `${name} had no such grant`);
    },
  );

  data(program.command('token <name>').description('make a new token for a user; printed alone on stdout, shown only once')).action(async (name: string, o: { data?: string }) => {
    out(await withStore(o.data, (pool) => makeToken(pool, name)));
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`boucle-server: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  runServerCli(process.argv.slice(2)).then((code) => process.exit(code));
}
