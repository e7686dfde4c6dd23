// The parts of `npm start` that decide between Electron and the web shell (scripts/*.mjs), run for
// real: child processes, a real prebuild-install against a local mirror, real time limits. The
// Electron executable itself cannot run here, so small Node scripts stand in for it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveElectronBinary } from '../../scripts/electron-binary.mjs';
import { crashReason, EXIT_CODES, launchElectron, READY_LINE } from '../../scripts/electron-launch.mjs';
import { electronBindingPath, prepareElectronBinding } from '../../scripts/electron-native.mjs';
import { errorLine } from '../../scripts/run-bounded.mjs';
import * as protocol from '../../src-main/electron/launch-protocol';
import { devNativeBindingPath } from '../../src-main/electron/native-binding';
import { tempDir } from '../helpers/workspace';

const REPO = path.resolve(__dirname, '..', '..');
const dirs: string[] = [];
const temp = () => {
  const d = tempDir('boucle-start-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function write(file: string, content: string | Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A stand-in for the Electron executable: `node script.js` behaving as told. */
function fakeElectron(body: string): { command: string; args: string[] } {
  const file = path.join(temp(), 'fake-electron.cjs');
  write(file, body);
  return { command: process.execPath, args: [file] };
}

describe('start script and main process agree', () => {
  it('on the ready line, the answer exit codes and the addon path', () => {
    expect(READY_LINE).toBe(protocol.READY_LINE);
    expect(EXIT_CODES).toEqual(protocol.EXIT_CODES);
    expect(electronBindingPath('/app', '146')).toBe(devNativeBindingPath('/app', '146'));
  });
});

describe('launching Electron', () => {
  it('reports a start that dies at once, with the reason it printed', async () => {
    const fake = fakeElectron(`
      process.stderr.write('[1234:0101/000000.000:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\\n');
      process.stderr.write('The platform failed to initialize.  Exiting.\\n');
      process.exit(1);`);
    const r = await launchElectron(fake.command, fake.args);
    expect(r).toEqual({ status: 'failed', reason: 'Electron stopped at once: Missing X server or $DISPLAY' });
  });

  it('names missing system libraries', async () => {
    const fake = fakeElectron(`
      process.stderr.write('/x/electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory\\n');
      process.exit(127);`);
    const r = await launchElectron(fake.command, fake.args);
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.reason).toContain('libnss3.so');
  });

  it('counts a window on screen as started, and hands over the running process', async () => {
    const fake = fakeElectron(`
      process.on('SIGTERM', () => process.exit(0));
      setInterval(() => {}, 1000);
      console.log(${JSON.stringify(READY_LINE)} + ' Workspace: /tmp/x/boucle.sqlite');`);
    const r = await launchElectron(fake.command, fake.args, { readyTimeoutMs: 60_000 });
    expect(r.status).toBe('started');
    if (r.status !== 'started') return;
    expect(r.child.exitCode).toBeNull();
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  it('passes on answers (already running, workspace refused) without calling them crashes', async () => {
    const refused = fakeElectron(`console.error('Boucle cannot open this workspace: newer version'); process.exit(3);`);
    expect(await launchElectron(refused.command, refused.args)).toEqual({ status: 'exited', code: 3 });
    const second = fakeElectron(`console.log('Boucle is already running; its window was brought to the front.');`);
    expect(await launchElectron(second.command, second.args)).toEqual({ status: 'exited', code: 0 });
  });

  it('does not inherit ELECTRON_RUN_AS_NODE, which would turn Electron into plain Node', async () => {
    const fake = fakeElectron(`process.exit(process.env.ELECTRON_RUN_AS_NODE ? 9 : 3);`);
    const r = await launchElectron(fake.command, fake.args, { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    expect(r).toEqual({ status: 'exited', code: 3 });
  });

  it('reports an executable that cannot be run at all', async () => {
    const r = await launchElectron(path.join(temp(), 'no-such-electron'), []);
    expect(r.status === 'failed' && r.reason).toMatch(/^Electron could not be run: .*ENOENT/);
  });

  it('words a silent crash with its status', () => {
    expect(crashReason('', null, 'SIGSEGV')).toBe('Electron stopped at once (killed by SIGSEGV)');
    expect(crashReason('', 1, null)).toBe('Electron stopped at once (exit code 1)');
  });
});

/** A fake app folder holding node_modules/electron as the npm package ships it (no binary). */
function electronPackage(installJs: string): string {
  const root = temp();
  const dir = path.join(root, 'node_modules', 'electron');
  write(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '42.11.18' }));
  write(path.join(dir, 'abi_version'), '146');
  write(path.join(dir, 'install.js'), installJs);
  return root;
}

describe('finding the Electron binary', () => {
  it('uses the binary already downloaded, without running install.js', async () => {
    const root = electronPackage(`process.exit(1)`);
    const dir = path.join(root, 'node_modules', 'electron');
    write(path.join(dir, 'path.txt'), 'electron');
    write(path.join(dir, 'dist', 'electron'), '');
    const r = await resolveElectronBinary(root, { env: {} });
    expect(r).toEqual({ ok: true, path: path.join(dir, 'dist', 'electron'), version: '42.11.18', abi: '146' });
  });

  it('downloads a missing binary through install.js and uses it', async () => {
    const root = electronPackage(`
      const fs = require('fs'), path = require('path');
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`);
    const r = await resolveElectronBinary(root, { env: {} });
    expect(r.ok && r.path).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('turns a failed download into a one-line reason', async () => {
    const root = electronPackage(`
      console.log('Downloading Electron binary...');
      console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13');
      process.exit(1);`);
    const r = await resolveElectronBinary(root, { env: {} });
    expect(r).toEqual({
      ok: false,
      reason: 'the Electron 42.11.18 binary is not downloaded and its download failed: TypeError: fetch failed',
    });
  });

  it('gives up on a download that hangs, within its time limit', async () => {
    const root = electronPackage(`setInterval(() => {}, 1000);`);
    const r = await resolveElectronBinary(root, { env: {}, timeoutMs: 500 });
    expect(r).toEqual({ ok: false, reason: 'the Electron 42.11.18 download did not finish within 1 s' });
  });

  it('says when the electron package is not installed at all', async () => {
    expect(await resolveElectronBinary(temp(), { env: {} })).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });
});

/** A fake app folder with better-sqlite3's real package.json, its Node build, and prebuild-install. */
function betterSqlitePackage(): { root: string; nodeBuild: string } {
  const root = temp();
  const pkgDir = path.join(root, 'node_modules', 'better-sqlite3');
  write(path.join(pkgDir, 'package.json'), fs.readFileSync(path.join(REPO, 'node_modules', 'better-sqlite3', 'package.json')));
  const nodeBuild = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
  write(nodeBuild, 'the Node build');
  fs.symlinkSync(path.join(REPO, 'node_modules', 'prebuild-install'), path.join(root, 'node_modules', 'prebuild-install'), 'junction');
  return { root, nodeBuild };
}

/** A local stand-in for GitHub releases: serves one prebuilt tarball, or 404. */
async function mirror(tarball: Buffer | null): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (tarball && req.url?.endsWith('.tar.gz')) res.end(tarball);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

function prebuiltTarball(content: string): Buffer {
  const dir = temp();
  write(path.join(dir, 'build', 'Release', 'better_sqlite3.node'), content);
  const out = path.join(dir, 'prebuilt.tar.gz');
  const r = spawnSync('tar', ['-czf', out, '-C', dir, 'build'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  return fs.readFileSync(out);
}

describe('preparing the Electron build of better-sqlite3', () => {
  const opts = (host: string) => ({
    electronVersion: '42.11.18',
    abi: '146',
    platform: 'linux',
    arch: 'x64',
    env: { ...process.env, npm_config_better_sqlite3_binary_host: host, npm_config_cache: temp() },
    timeoutMs: 60_000,
  });

  it('downloads the Electron-ABI addon into .native and leaves the Node build alone', async () => {
    const { root, nodeBuild } = betterSqlitePackage();
    const server = await mirror(prebuiltTarball('the Electron build'));
    try {
      const r = await prepareElectronBinding(root, opts(server.url));
      const version = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
      expect(server.requests).toEqual([`/v${version}/better-sqlite3-v${version}-electron-v146-linux-x64.tar.gz`]);
      expect(r).toEqual({ ok: true, file: electronBindingPath(root, '146'), reused: false });
      expect(fs.readFileSync(electronBindingPath(root, '146'), 'utf8')).toBe('the Electron build');
      expect(fs.readFileSync(nodeBuild, 'utf8')).toBe('the Node build');
      expect(fs.readdirSync(path.join(root, '.native', 'build-electron'))).toEqual([]);

      // The next start reuses it without asking the network.
      const again = await prepareElectronBinding(root, opts(server.url));
      expect(again).toEqual({ ok: true, file: electronBindingPath(root, '146'), reused: true });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('fetches again when the addon was made for another arch', async () => {
    const { root } = betterSqlitePackage();
    const server = await mirror(prebuiltTarball('arm64 build'));
    try {
      write(electronBindingPath(root, '146'), 'x64 build');
      write(path.join(root, '.native', 'electron-146', 'source.json'), JSON.stringify({ betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' }));
      const r = await prepareElectronBinding(root, { ...opts(server.url), arch: 'arm64' });
      expect(r.ok && r.reused).toBe(false);
      expect(fs.readFileSync(electronBindingPath(root, '146'), 'utf8')).toBe('arm64 build');
    } finally {
      await server.close();
    }
  });

  it('explains in one line when there is no addon to download, and writes none', async () => {
    const { root, nodeBuild } = betterSqlitePackage();
    const server = await mirror(null);
    try {
      const r = await prepareElectronBinding(root, opts(server.url));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(
        /^the Electron build of better-sqlite3 [\d.]+ could not be downloaded: No prebuilt binaries found \(target=42\.11\.18 runtime=electron arch=x64/,
      );
      expect(fs.readdirSync(path.join(root, '.native', 'build-electron'))).toEqual([]);
      expect(!r.ok && r.reason).not.toContain('\n');
      expect(fs.existsSync(electronBindingPath(root, '146'))).toBe(false);
      expect(fs.readFileSync(nodeBuild, 'utf8')).toBe('the Node build');
    } finally {
      await server.close();
    }
  });
});

describe('error lines', () => {
  it('pick the cause out of tool output', () => {
    expect(errorLine('prebuild-install info begin Prebuild-install version 7.1.3\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n')).toBe(
      'getaddrinfo ENOTFOUND github.com',
    );
    expect(errorLine('Downloading Electron binary...\nTypeError: fetch failed\n    at x (y.js:1:2)\n')).toBe('TypeError: fetch failed');
    expect(errorLine('')).toBeUndefined();
  });
});
