// The electron-free parts of the Electron shell (src-main/electron/*.ts except main.ts), under Node.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataFlag, electronDataDir } from '../../src-main/electron/argv';
import { EXIT_CODES, READY_LINE } from '../../src-main/electron/launch-protocol';
import { devNativeBindingPath, electronNativeBinding } from '../../src-main/electron/native-binding';
import { APP_URL } from '../../src-main/electron/app-protocol';
import { isAppUrl, isExternalLink } from '../../src-main/electron/navigation';
import { senderError } from '../../src-main/electron/sender';
import { SHELL_STRINGS, shellStrings } from '../../src-main/electron/strings';
import { mainWindowOptions, secureWebPreferences } from '../../src-main/electron/window-options';


describe('data folder from Electron argv', () => {
  const userData = path.resolve('/home/me/.config/Boucle');

  it('reads --data DIR and --data=DIR wherever they are among Electron and Chromium arguments', () => {
    expect(dataFlag(['/usr/bin/electron', '/app', '--data', '/tmp/ws'])).toBe('/tmp/ws');
    expect(dataFlag(['Boucle.exe', '--enable-logging', '--data=/tmp/ws2'])).toBe('/tmp/ws2');
    expect(dataFlag(['/usr/bin/electron', '/app'])).toBeUndefined();
  });

  it('does not take the next switch, or an empty value, as the folder', () => {
    expect(dataFlag(['electron', '/app', '--data', '--inspect'])).toBeUndefined();
    expect(dataFlag(['electron', '/app', '--data'])).toBeUndefined();
    expect(dataFlag(['electron', '/app', '--data='])).toBeUndefined();
  });

  it('prefers --data, then BOUCLE_DATA_DIR, then userData', () => {
    const argv = ['electron', '/app', '--data', 'rel/ws'];
    expect(electronDataDir(argv, { BOUCLE_DATA_DIR: '/tmp/env' }, userData)).toBe(path.resolve('rel/ws'));
    expect(electronDataDir(['electron', '/app'], { BOUCLE_DATA_DIR: '/tmp/env' }, userData)).toBe(path.resolve('/tmp/env'));
    expect(electronDataDir(['electron', '/app'], {}, userData)).toBe(userData);
  });
});

describe('navigation rule', () => {
  it('allows only the app page itself, whatever its route fragment or query', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/gaps/123`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?lang=fr`, APP_URL)).toBe(true);
  });

  it('blocks other files, other schemes and garbage', () => {
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, APP_URL)).toBe(false);
    // The same page through file:// is not the app any more: it is served from app://boucle only.
    expect(isAppUrl(pathToFileURL(path.resolve('/opt/boucle/out/renderer/index.html')).href, APP_URL)).toBe(false);
    expect(isAppUrl('app://boucle/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://example.com/', APP_URL)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', APP_URL)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('hands only plain https links to the OS browser', () => {
    expect(isExternalLink('https://boucle.app/docs')).toBe(true);
    expect(isExternalLink('http://example.com/')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('smb://server/share')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('https://user:pw@evil.example/')).toBe(false);
    expect(isExternalLink('')).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts the main frame of our window on our page', () => {
    expect(senderError({ frameUrl: `${APP_URL}#/processes`, isOurMainFrame: true }, APP_URL)).toBeNull();
  });

  it('refuses subframes, other windows, foreign pages and vanished frames with forbidden', () => {
    const cases = [
      { frameUrl: APP_URL, isOurMainFrame: false },
      { frameUrl: 'https://evil.example/', isOurMainFrame: true },
      { frameUrl: pathToFileURL('/tmp/x.html').href, isOurMainFrame: true },
      { frameUrl: undefined, isOurMainFrame: true },
    ];
    for (const sender of cases) expect(senderError(sender, APP_URL)?.code).toBe('forbidden');
  });
});

describe('window options', () => {
  it('isolates and sandboxes the renderer, without Node, webviews or insecure content', () => {
    const prefs = secureWebPreferences('/opt/boucle/out/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/boucle/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    const win = mainWindowOptions({ preload: '/p.cjs', title: 'Boucle' });
    expect(win.show).toBe(false);
    expect(win.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });
});

describe('native binding', () => {
  const root = path.resolve('/work/app');
  const file = devNativeBindingPath(root, '146');

  it('uses the Electron-ABI addon prepared by npm start when it is there', () => {
    expect(file).toBe(path.join(root, '.native', 'electron-146', 'better_sqlite3.node'));
    expect(electronNativeBinding({ appRoot: root, abi: '146', isPackaged: false, exists: (f) => f === file })).toBe(file);
    expect(electronNativeBinding({ appRoot: root, abi: '146', isPackaged: false, exists: () => false })).toBeUndefined();
  });

  it('uses none in a packaged app, whose node_modules electron-builder rebuilt for Electron', () => {
    expect(electronNativeBinding({ appRoot: root, abi: '146', isPackaged: true, exists: () => true })).toBeUndefined();
  });
});

describe('shell texts', () => {
  it('exist in English and French with the same keys, French for any French locale', () => {
    expect(Object.keys(SHELL_STRINGS.fr).sort()).toEqual(Object.keys(SHELL_STRINGS.en).sort());
    expect(shellStrings('fr-CA')).toBe(SHELL_STRINGS.fr);
    expect(shellStrings('de-DE')).toBe(SHELL_STRINGS.en);
    expect(shellStrings(undefined)).toBe(SHELL_STRINGS.en);
  });

  it('tell why a workspace is refused and where it is, in both languages', () => {
    for (const t of [SHELL_STRINGS.en, SHELL_STRINGS.fr]) {
      const text = t.workspaceRefused('written by a newer version of Boucle', '/data/ws');
      expect(text).toContain('written by a newer version of Boucle');
      expect(text).toContain('/data/ws');
      expect(t.aboutDetail('1.2.3', '/data/ws')).toMatch(/1\.2\.3[\s\S]*\/data\/ws/);
    }
  });
});

describe('launch protocol', () => {
  it('gives npm start a ready line and answer codes that are not crashes', () => {
    expect(READY_LINE.length).toBeGreaterThan(5);
    expect(EXIT_CODES.workspaceRefused).not.toBe(1);
    expect(EXIT_CODES.alreadyRunning).toBe(0);
  });
});
