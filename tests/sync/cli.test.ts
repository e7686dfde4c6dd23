import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, type TestStore } from '../helpers/sync-store';
import { tempDir } from '../helpers/workspace';

// The built commands as scripts use them (needs `npm run build`): boucle-server's admin commands in
// their exact forms on the company's PostgreSQL (DATABASE_URL), a server process started by
// `boucle-server start`, stopped by SIGTERM, and `boucle sync` with its exit codes.

const root = path.resolve(__dirname, '..', '..');
let t: TestStore;
let env: NodeJS.ProcessEnv;
const dirs: string[] = [];
beforeAll(async () => {
  t = await startTestStore();
  env = { ...process.env, DATABASE_URL: t.store.url, LOG_LEVEL: 'warn' };
}, 120_000);
afterAll(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await t?.close();
}, 60_000);

const server = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'boucle-server.mjs'), ...args], { env, encoding: 'utf8' });
const boucle = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'boucle.mjs'), ...args], { env, encoding: 'utf8' });

describe('boucle-server and boucle sync, built', () => {
  it('admin commands, a server process, and boucle sync with its exit codes', async () => {
    expect(server('user', 'add', 'ana').status).toBe(0);
    expect(server('user', 'add', 'lead').status).toBe(0);
    expect(server('grant', 'ana', 'FIN', 'write').status).toBe(0);
    expect(server('grant', 'lead', '--all', 'read').status).toBe(0);
    const bad = server('grant', 'ana', 'FIN', 'admin');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/read|write/);
    const tok = server('token', 'ana');
    expect(tok.status).toBe(0);
    expect(tok.stdout).toMatch(/^bcl_[A-Za-z0-9_-]{43}\n$/);
    expect(server('user', 'list').stdout).toMatch(/^ana\tFIN write\t1 token$/m);
    expect(server('user', 'list').stdout).toMatch(/^lead\t\* read\t0 tokens$/m);

    const proc = spawn(process.execPath, [path.join(root, 'bin', 'boucle-server.mjs'), 'start', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /Boucle sync server on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    try {
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
      const data = tempDir('boucle-sync-cli-');
      dirs.push(data);
      const tokenFile = path.join(data, '..', `${path.basename(data)}.token`);
      dirs.push(tokenFile);
      fs.writeFileSync(tokenFile, tok.stdout, { mode: 0o600 });
      expect(boucle('demo', '--data', data).status).toBe(0);

      // ana may write FIN only: HR and SCM stay on the laptop, listed on stderr, exit code 2
      const first = boucle('sync', '--server', url, '--token-file', tokenFile, '--data', data);
      expect(first.stderr).toMatch(/Refused: HR/);
      expect(first.stderr).toMatch(/Refused: SCM/);
      expect(first.status).toBe(2);
      expect(first.stdout).toMatch(/^Sent \d+ changes/);
      // nothing new to send, but HR and SCM are still not on the server: still exit code 2, and counted
      const again = boucle('sync', '--data', data);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/Refused: HR: no write grant, so its \d+ changes stay on this computer/);
      const held = boucle('sync', 'status', '--data', data).stdout;
      expect(held).toMatch(/Changes held back \(no write grant; they go once one comes\): [1-9]\d*/);
      expect(held).toMatch(/ {2}HR\tno grant on the server, [1-9]\d* changes held back/);
      const missing = boucle('sync', '--server', url, '--token-file', `${tokenFile}.gone`, '--data', data);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/cannot read .*\.gone: no such file/);

      expect(server('grant', 'ana', 'HR', 'write').status).toBe(0);
      expect(server('grant', 'ana', 'SCM', 'write').status).toBe(0);
      const second = boucle('sync', '--data', data); // remembered server and token file
      expect(second.stderr).toBe('');
      expect(second.status).toBe(0);
      const status = boucle('sync', 'status', '--data', data);
      expect(status.stdout).toMatch(/Server: http:\/\/127\.0\.0\.1:\d+ \(signed in as ana\)/);
      expect(status.stdout).toMatch(/Changes waiting to be sent: 0/);

      expect(server('revoke', 'ana', 'HR').status).toBe(0);
      const third = boucle('sync', '--data', data);
      expect(third.status).toBe(2);
      expect(third.stderr).toMatch(/HR: your access was revoked/);
    } finally {
      proc.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
      expect(code).toBe(0);
    }
  }, 240_000);
});
