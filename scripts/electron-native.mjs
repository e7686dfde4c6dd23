// Prepares the Electron build of better-sqlite3 in .native/, next to (never instead of) the Node
// build in node_modules/better-sqlite3/build that the tests and the CLI load. The Electron main
// process passes it to better-sqlite3 as `nativeBinding` (src-main/electron/native-binding.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { errorLine, runBounded } from './run-bounded.mjs';

const DOWNLOAD_TIMEOUT_MS = 2 * 60_000;
const ADDON = 'better_sqlite3.node';

/** Where the Electron-ABI addon lives; src-main/electron/native-binding.ts reads the same path. */
export function electronBindingPath(root, abi) {
  return path.join(root, '.native', `electron-${abi}`, ADDON);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Downloads better-sqlite3's prebuilt addon for this Electron (its GitHub releases carry one per
 * Electron ABI, platform and arch) with its own prebuild-install, run in a scratch copy of the
 * package so node_modules is never touched. Reuses the previous download when nothing changed.
 *
 * @param {string} root the app folder
 * @param {{ electronVersion: string, abi: string, platform?: string, arch?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} opts
 * @returns {Promise<{ ok: true, file: string, reused: boolean } | { ok: false, reason: string }>}
 */
export async function prepareElectronBinding(root, opts) {
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const pkgFile = path.join(root, 'node_modules', 'better-sqlite3', 'package.json');
  const pkg = readJson(pkgFile);
  if (!pkg) return { ok: false, reason: 'better-sqlite3 is not installed' };

  const target = electronBindingPath(root, opts.abi);
  const stampFile = path.join(path.dirname(target), 'source.json');
  const stamp = { betterSqlite3: pkg.version, electron: opts.electronVersion, abi: opts.abi, platform, arch };
  const previous = readJson(stampFile);
  if (
    fs.existsSync(target) &&
    previous?.betterSqlite3 === stamp.betterSqlite3 &&
    previous?.platform === platform &&
    previous?.arch === arch
  ) {
    return { ok: true, file: target, reused: true };
  }

  let bin;
  try {
    bin = createRequire(pkgFile).resolve('prebuild-install/bin.js');
  } catch {
    return { ok: false, reason: "better-sqlite3's prebuild-install is not installed" };
  }
  // One scratch folder per process: two `npm start` at once must not delete each other's work.
  const work = path.join(root, '.native', 'build-electron', String(process.pid));
  try {
    const failure = await download({ bin, work, pkgFile, pkg, platform, arch, target, opts });
    if (failure) return { ok: false, reason: failure };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { ok: true, file: target, reused: false };
}

/** Runs prebuild-install in `work` and installs its addon at `target`; returns why it failed, if it did. */
async function download({ bin, work, pkgFile, pkg, platform, arch, target, opts }) {
  // prebuild-install reads name, version and repository from ./package.json and extracts into
  // ./build/Release — so a folder holding a copy of package.json is all the "package" it needs.
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(pkgFile, path.join(work, 'package.json'));
  const timeoutMs = opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const run = await runBounded(
    process.execPath,
    [bin, '--runtime', 'electron', '--target', opts.electronVersion, '--platform', platform, '--arch', arch, '--verbose'],
    {
      cwd: work,
      env: opts.env ?? process.env,
      timeoutMs,
      slowNotice: `Downloading better-sqlite3 ${pkg.version} for Electron ${opts.electronVersion}...`,
    },
  );
  if (run.timedOut) {
    return `the Electron build of better-sqlite3 did not download within ${Math.round(timeoutMs / 1000)} s`;
  }
  const built = path.join(work, 'build', 'Release', ADDON);
  if (!run.ok || !fs.existsSync(built)) {
    const why = errorLine(run.output) ?? `prebuild-install exited with code ${run.code}`;
    return `the Electron build of better-sqlite3 ${pkg.version} could not be downloaded: ${why}`;
  }
  // Copy then rename, so a concurrent `npm start` never loads a half-written addon.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, target);
  return undefined;
}
