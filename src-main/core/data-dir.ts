import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Boucle';

/**
 * The OS application-data folder for Boucle: the same folder Electron's app.getPath('userData')
 * gives for an app named "Boucle", so the app, the web shell and the CLI share one workspace.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** `--data DIR`, else BOUCLE_DATA_DIR, else the OS application-data folder. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.BOUCLE_DATA_DIR) return path.resolve(env.BOUCLE_DATA_DIR);
  return defaultDataDir(env);
}
