// The Electron shell: one secure window on the built renderer, one IPC channel to the core.
// Kept thin on purpose — the Electron binary cannot run on our build machines, so every decision
// worth testing lives in the small electron-free modules next to this file.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { API_CHANNEL } from '../../src-shared/bridge';
import { RENDERER_CSP } from '../../src-shared/security';
import { createCore, type Core } from '../core/dispatch';
import { openWorkspace } from '../core/workspace';
import { type Workspace } from '../db/workspace';
import { electronDataDir } from './argv';
import { handleApiCall } from './ipc-api';
import { EXIT_CODES, READY_LINE } from './launch-protocol';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { isAppUrl, isExternalLink, rendererFileUrl } from './navigation';
import { shellStrings, type ShellStrings } from './strings';
import { mainWindowOptions } from './window-options';
import { setPdfEngine } from '../reports/pdf/engine';
import { electronPdfEngine } from './pdf-printer';
import { registerFileActions } from './file-actions';

// out/main/main.js → out/preload/preload.cjs and out/renderer/index.html (electron.config.ts).
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.cjs');
const INDEX_HTML = path.join(__dirname, '..', 'renderer', 'index.html');
const APP_URL = rendererFileUrl(INDEX_HTML);

let mainWindow: BrowserWindow | null = null;

/** Rules for every webContents, including any a bug or an exploit might create. */
function hardenWebContents(contents: WebContents): void {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, APP_URL)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-redirect', (event) => blockForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function createWindow(ws: Workspace, strings: ShellStrings): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preload: PRELOAD, title: 'Boucle' }));
  win.once('ready-to-show', () => {
    win.show();
    console.log(`${READY_LINE} Workspace: ${ws.databaseFile}`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[boucle] the window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadFile(INDEX_HTML).catch((e: unknown) => {
    dialog.showErrorBox(strings.loadFailedTitle, `${INDEX_HTML}: ${e instanceof Error ? e.message : String(e)}`);
  });
  return win;
}

function registerApi(core: Core): void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const isOurMainFrame =
      mainWindow !== null &&
      !mainWindow.isDestroyed() &&
      event.sender === mainWindow.webContents &&
      frame !== null &&
      frame === mainWindow.webContents.mainFrame;
    return handleApiCall(core, { frameUrl: frame?.url, isOurMainFrame }, APP_URL, method, input);
  });
}

function installMenu(ws: Workspace, strings: ShellStrings): void {
  const template = menuTemplate({
    strings,
    isPackaged: app.isPackaged,
    platform: process.platform,
    actions: {
      about: () => {
        const options = {
          type: 'info' as const,
          title: strings.about,
          message: `Boucle ${app.getVersion()}`,
          detail: strings.aboutDetail(app.getVersion(), ws.dataDir),
        };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
      showDataFolder: () => shell.showItemInFolder(ws.databaseFile),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openOrRefuse(dataDir: string, strings: ShellStrings): Workspace | null {
  const nativeBinding = electronNativeBinding({
    appRoot: app.getAppPath(),
    abi: process.versions.modules,
    isPackaged: app.isPackaged,
    exists: fs.existsSync,
  });
  try {
    // A schema update of a big workspace takes a while: say so in the log (the window is not up yet).
    return openWorkspace(dataDir, { ...(nativeBinding ? { nativeBinding } : {}), onProgress: (m) => console.log(`[boucle] ${m}`) });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.error(`${strings.workspaceRefusedTitle}: ${reason}`);
    dialog.showErrorBox(strings.workspaceRefusedTitle, strings.workspaceRefused(reason, dataDir));
    return null;
  }
}

function start(): void {
  const strings = shellStrings(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  const dataDir = electronDataDir(process.argv, process.env, app.getPath('userData'));
  const ws = openOrRefuse(dataDir, strings);
  if (!ws) {
    app.exit(EXIT_CODES.workspaceRefused);
    return;
  }
  app.on('will-quit', () => ws.close());
  hardenSession();
  registerApi(createCore(ws));
  setPdfEngine(electronPdfEngine());
  registerFileActions(() => mainWindow);
  installMenu(ws, strings);
  mainWindow = createWindow(ws, strings);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(ws, strings);
  });
}

if (!app.requestSingleInstanceLock()) {
  // One process per installation: two would write the same SQLite file with two clocks.
  console.log('Boucle is already running; its window was brought to the front.');
  app.exit(EXIT_CODES.alreadyRunning);
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error('[boucle] the app could not start:', e);
      app.exit(1);
    });
}
