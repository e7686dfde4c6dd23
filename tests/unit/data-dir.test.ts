import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../src-main/core/data-dir';

describe('data folder', () => {
  it('prefers --data, then BOUCLE_DATA_DIR, then the OS folder', () => {
    expect(resolveDataDir('/tmp/a', { BOUCLE_DATA_DIR: '/tmp/b' })).toBe(path.resolve('/tmp/a'));
    expect(resolveDataDir(undefined, { BOUCLE_DATA_DIR: '/tmp/b' })).toBe(path.resolve('/tmp/b'));
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/x/config' })).toBe(
      process.platform === 'linux' ? '/x/config/Boucle' : defaultDataDir({ XDG_CONFIG_HOME: '/x/config' }),
    );
  });

  it('matches the folder Electron uses as userData for an app named Boucle', () => {
    const home = os.homedir();
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Boucle'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Boucle'));
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Boucle'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\me\\AppData\\Roaming', 'Boucle'),
    );
  });
});
