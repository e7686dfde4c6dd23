#!/usr/bin/env node
// `npm start [-- --data DIR]`: build, then open the Electron app. Where Electron cannot start (no
// binary and no internet to fetch it, no display, missing system libraries), say so in one line and
// serve the same app through the web shell, which prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronArch, resolveElectronBinary } from './electron-binary.mjs';
import { launchElectron } from './electron-launch.mjs';
import { prepareElectronBinding } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function build() {
  // Through the package manager that runs us, so `npm start` builds exactly as `npm run build`.
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('boucle: the build failed (see above); nothing was started.\n');
    process.exit(result.status ?? 1);
  }
}

/** Runs a child until it ends, passing Ctrl+C and termination on to it; exits with its code. */
async function runToEnd(child, exit) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  process.exit(await exit);
}

/** @returns {Promise<string>} why Electron did not start (when it did, this never returns) */
async function tryElectron() {
  const electron = await resolveElectronBinary(root);
  if (!electron.ok) return electron.reason;
  if (!electron.abi) return `node_modules/electron ${electron.version} does not say its ABI (abi_version)`;
  const native = await prepareElectronBinding(root, {
    electronVersion: electron.version,
    abi: electron.abi,
    arch: electronArch(),
  });
  if (!native.ok) return native.reason;
  const launch = await launchElectron(electron.path, [root, ...args], { cwd: root });
  if (launch.status === 'started') return runToEnd(launch.child, launch.exit);
  if (launch.status === 'exited') process.exit(launch.code);
  return launch.reason;
}

function serveInBrowser() {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'boucle.mjs'), 'serve', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  const exit = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return runToEnd(child, exit);
}

build();
const reason = await tryElectron();
process.stdout.write(`Electron cannot start here (${reason}); serving Boucle in your browser instead.\n`);
await serveInBrowser();
