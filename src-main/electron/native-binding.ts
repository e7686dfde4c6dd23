import path from 'node:path';

/**
 * Where `npm start` puts the Electron-ABI build of better-sqlite3 (scripts/electron-native.mjs
 * writes it). node_modules keeps the Node build for the tests and the CLI, so both work from one
 * checkout without a rebuild in between.
 */
export function devNativeBindingPath(appRoot: string, abi: string): string {
  return path.join(appRoot, '.native', `electron-${abi}`, 'better_sqlite3.node');
}

/**
 * The addon to pass to better-sqlite3, or undefined to let it load its own. A packaged app needs
 * none: electron-builder rebuilt node_modules for Electron (npmRebuild) before packaging it.
 */
export function electronNativeBinding(opts: {
  appRoot: string;
  abi: string;
  isPackaged: boolean;
  exists: (file: string) => boolean;
}): string | undefined {
  if (opts.isPackaged) return undefined;
  const file = devNativeBindingPath(opts.appRoot, opts.abi);
  return opts.exists(file) ? file : undefined;
}
