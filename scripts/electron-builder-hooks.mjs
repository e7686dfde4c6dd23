// electron-builder hooks (electron-builder.yml). With `npmRebuild: true` electron-builder rebuilds
// node_modules IN PLACE for Electron before packaging, which would leave better-sqlite3's Node
// build — the one `npm test` and the CLI load — replaced by the Electron one. We keep a copy of the
// Node build and put it back when electron-builder exits, whether packaging succeeded or not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ADDON = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** True when `file` is an addon this Node can load (checked in a child, so nothing stays mapped). */
function loadsInNode(file) {
  const r = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { stdio: 'ignore' });
  return r.status === 0;
}

/**
 * Saves the Node build of better-sqlite3 under .native/node-build and returns a function that puts
 * it back. Returns a no-op when there is no loadable Node build to save.
 * @param {string} appDir
 * @returns {() => void}
 */
export function keepNodeBuild(appDir) {
  const addon = path.join(appDir, ADDON);
  if (!fs.existsSync(addon) || !loadsInNode(addon)) return () => {};
  const saved = path.join(appDir, '.native', 'node-build', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(saved), { recursive: true });
  fs.copyFileSync(addon, saved);
  return () => {
    if (!fs.existsSync(saved)) return;
    fs.mkdirSync(path.dirname(addon), { recursive: true });
    // Write beside, then rename: never rewrite an addon file some process may have mapped.
    const partial = `${addon}.${process.pid}.partial`;
    fs.copyFileSync(saved, partial);
    fs.renameSync(partial, addon);
  };
}

let restoreRegistered = false;

/** Runs before electron-builder rebuilds node_modules for each target arch. */
export async function beforeBuild({ appDir }) {
  // Only the first call sees the Node build; later ones (other arches) would save an Electron build.
  if (!restoreRegistered) {
    restoreRegistered = true;
    process.once('exit', keepNodeBuild(appDir));
  }
  return true; // go on with electron-builder's rebuild for Electron
}
