import { resolveDataDir } from '../core/data-dir';

/**
 * The value of `--data DIR` or `--data=DIR` in Electron's argv. Electron's argv also holds the
 * executable, the app path (in development) and Chromium switches, so we look for our flag anywhere.
 */
export function dataFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : undefined;
    }
    if (arg.startsWith('--data=')) return arg.slice('--data='.length) || undefined;
  }
  return undefined;
}

/**
 * `--data DIR`, else BOUCLE_DATA_DIR, else Electron's userData folder (the same folder the CLI and
 * the web shell use by default, see core/data-dir.ts).
 */
export function electronDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = dataFlag(argv);
  if (flag || env.BOUCLE_DATA_DIR) return resolveDataDir(flag, env);
  return userData;
}
