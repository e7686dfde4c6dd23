// Finds the Electron executable of node_modules/electron, downloading it if needed. From Electron 42
// the npm package has no install script: `require('electron')` runs its install.js synchronously,
// with no time limit, on first use. We do the same steps ourselves, bounded, and report failure
// as a reason instead of a stack trace.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { errorLine, runBounded } from './run-bounded.mjs';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/** @param {string} root the app folder (holds node_modules/electron) */
export function electronPackage(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) return undefined;
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const abiFile = path.join(dir, 'abi_version');
  const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : undefined;
  return { dir, version, abi };
}

/** The executable named by path.txt, as node_modules/electron/index.js computes it. */
function installedBinary(dir, env) {
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  if (!relative) return undefined;
  const full = path.join(dir, 'dist', relative);
  return fs.existsSync(full) ? full : undefined;
}

/**
 * The architecture Electron's install.js downloads for (it prefers arm64 under Rosetta), so the
 * native addon we fetch matches the binary that will load it.
 * @param {NodeJS.ProcessEnv} env
 */
export function electronArch(env = process.env) {
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  if (process.platform === 'darwin' && arch === 'x64' && env.npm_config_arch === undefined) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1') arch = 'arm64';
    } catch {
      // not under Rosetta
    }
  }
  return arch;
}

/**
 * @param {string} root
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs?: number }} [opts]
 * @returns {Promise<{ ok: true, path: string, version: string, abi: string | undefined } | { ok: false, reason: string }>}
 */
export async function resolveElectronBinary(root, opts = {}) {
  const env = opts.env ?? process.env;
  const pkg = electronPackage(root);
  if (!pkg) return { ok: false, reason: 'the electron package is not installed' };
  const found = installedBinary(pkg.dir, env);
  if (found) return { ok: true, path: found, version: pkg.version, abi: pkg.abi };

  const timeoutMs = opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const run = await runBounded(process.execPath, [path.join(pkg.dir, 'install.js')], {
    cwd: pkg.dir,
    env,
    timeoutMs,
    slowNotice: `Downloading Electron ${pkg.version} (first launch only, about 100 MB)...`,
  });
  if (run.timedOut) {
    return { ok: false, reason: `the Electron ${pkg.version} download did not finish within ${Math.round(timeoutMs / 1000)} s` };
  }
  const after = installedBinary(pkg.dir, env);
  if (run.ok && after) return { ok: true, path: after, version: pkg.version, abi: pkg.abi };
  const why = errorLine(run.output) ?? `install.js exited with code ${run.code}`;
  return { ok: false, reason: `the Electron ${pkg.version} binary is not downloaded and its download failed: ${why}` };
}
