// The Electron shell: one secure window on the built renderer, one IPC channel to the core.
// Kept thin on purpose — the Electron binary cannot run on our build machines, so every decision
// worth testing lives in the small electron-free modules next to this file.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron';
import { API_CHANNEL } from '../../src-shared/bridge';
import { RENDERER_CSP } from '../../src-shared/security';
import { createCore, type Core } from '../core/dispatch';
import { WorkspaceSession } from '../core/session';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appResponse } from './app-protocol';
import { electronDataDir } from './argv';
import { handleApiCall } from './ipc-api';
import { EXIT_CODES, READY_LINE } from './launch-protocol';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { isAppUrl, isExternalLink } from './navigation';
import { shellStrings, type ShellStrings } from './strings';
import { mainWindowOptions } from './window-options';
import { setPdfEngine } from '../reports/pdf/engine';
import { printJobArg } from '../reports/pdf/app-print';
import { preparePrintMode, runPrintJob } from './print-mode';
import { electronPdfEngine } from './pdf-printer';
import { registerFileActions } from './file-actions';
import { electronTokenVault } from './token-vault';
import { setTokenVault } from '../services/sync/state';

// out/main/main.js → out/preload/preload.cjs and out/renderer/ (electron.config.ts), served as app://boucle/.
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

// Before the app is ready, or Chromium will not treat app: as a standard, secure origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

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
  ses.protocol.handle(APP_SCHEME, (request) => appResponse(request.url, RENDERER_DIR));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function createWindow(ws: WorkspaceSession, strings: ShellStrings): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preload: PRELOAD, title: 'Boucle' }));
  win.once('ready-to-show', () => {
    win.show();
    console.log(`${READY_LINE} Workspace: ${ws.dataDir} (${ws.health().state})`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[boucle] the window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_URL).catch((e: unknown) => {
    dialog.showErrorBox(strings.loadFailedTitle, `${APP_URL}: ${e instanceof Error ? e.message : String(e)}`);
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

function installMenu(ws: WorkspaceSession, strings: ShellStrings): void {
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
      showDataFolder: () => void shell.openPath(ws.dataDir),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Opens the workspace whatever state it is in: writable, read-only (another Boucle writes it) or
 * damaged; the window then says which, and what can be done. Only a programming error refuses.
 */
function openSession(dataDir: string, strings: ShellStrings): WorkspaceSession | null {
  const nativeBinding = electronNativeBinding({
    appRoot: app.getAppPath(),
    abi: process.versions.modules,
    isPackaged: app.isPackaged,
    exists: fs.existsSync,
  });
  try {
    // A schema update of a big workspace takes a while: say so in the log (the window is not up yet).
    return WorkspaceSession.open(dataDir, {
      program: 'the Boucle app',
      ...(nativeBinding ? { nativeBinding } : {}),
      onProgress: (m) => console.log(`[boucle] ${m}`),
    });
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
  const ws = openSession(dataDir, strings);
  if (!ws) {
    app.exit(EXIT_CODES.workspaceRefused);
    return;
  }
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Let an import or a backup under way finish its transaction, then close and release the lock.
    event.preventDefault();
    closing = true;
    void ws.close().finally(() => app.quit());
  });
  hardenSession();
  registerApi(
    createCore(ws, {
      actions: {
        showFolder: async (folder) => {
          await shell.openPath(folder);
        },
        chooseFolder: async () => {
          const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
          const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
      },
    }),
  );
  setPdfEngine(electronPdfEngine());
  setTokenVault(electronTokenVault());
  registerFileActions(() => mainWindow);
  installMenu(ws, strings);
  mainWindow = createWindow(ws, strings);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(ws, strings);
  });
}

const printJob = printJobArg(process.argv);
if (printJob) {
  // Started by the `boucle` command to print a report with this app's Chromium (print-mode.ts).
  preparePrintMode();
  void app.whenReady().then(() => runPrintJob(printJob)).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
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
