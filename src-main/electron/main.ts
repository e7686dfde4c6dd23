// The Electron shell: one secure window on the built renderer, one IPC channel to the core.
// Kept thin on purpose — the Electron binary cannot run on our build machines, so every decision
// worth testing lives in the small electron-free modules next to this file.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { API_CHANNEL, MENU_CHANNEL } from '../../src-shared/bridge';
import { RENDERER_CSP } from '../../src-shared/security';
import { createCore, type Core } from '../core/dispatch';
import { WorkspaceSession } from '../core/session';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appResponse } from './app-protocol';
import { electronDataDir } from './argv';
import { handleApiCall } from './ipc-api';
import { EXIT_CODES, READY_LINE } from './launch-protocol';
import { commandTarget, menuTemplate, type MenuCommand } from './menu';
import { addRecent, parseRecent, pruneRecent, serializeRecent } from './recent-workspaces';
import { parseWindowState, restoreBounds } from './window-state';
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

// Small JSON files of the shell's own, in userData (not in the workspace: they belong to this computer).
const userFile = (name: string) => path.join(app.getPath('userData'), name);
function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
/** Written aside then renamed, so a crash mid-write leaves the previous file, never half of one. */
function writeText(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, text);
    fs.renameSync(`${file}.tmp`, file);
  } catch (e) {
    console.error(`[boucle] could not write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
const WINDOW_STATE = 'window-state.json';
const RECENT = 'recent-workspaces.json';

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

function createWindow(current: () => WorkspaceSession, strings: ShellStrings): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restoreBounds(parseWindowState(readText(userFile(WINDOW_STATE))), displays);
  const win = new BrowserWindow({
    ...mainWindowOptions({ preload: PRELOAD, title: 'Boucle' }),
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
  });
  win.on('close', () => {
    // The normal bounds, so a maximised window comes back maximised over the size it had before.
    const b = win.getNormalBounds();
    writeText(userFile(WINDOW_STATE), JSON.stringify({ ...b, maximized: win.isMaximized() }));
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
    const ws = current();
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

function registerApi(core: () => Core): void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const isOurMainFrame =
      mainWindow !== null &&
      !mainWindow.isDestroyed() &&
      event.sender === mainWindow.webContents &&
      frame !== null &&
      frame === mainWindow.webContents.mainFrame;
    return handleApiCall(core(), { frameUrl: frame?.url, isOurMainFrame }, APP_URL, method, input);
  });
}

interface ShellControls {
  current(): WorkspaceSession;
  switchTo(dataDir: string): Promise<void>;
  recent(): string[];
  clearRecent(): void;
}

function installMenu(c: ShellControls, strings: ShellStrings): void {
  const chooseFolder = async (title: string): Promise<string | null> => {
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  const command = (cmd: MenuCommand) => {
    if (cmd === 'newWorkspace' || cmd === 'openWorkspace') {
      // A new workspace is an empty folder: the core creates the database there on opening.
      void chooseFolder(cmd === 'newWorkspace' ? strings.newWorkspace : strings.openWorkspace).then((dir) => (dir ? c.switchTo(dir) : undefined));
      return;
    }
    if (cmd === 'documentation') {
      void shell.openPath(path.join(app.getAppPath(), 'README.md'));
      return;
    }
    // Screens and dialogs of the renderer (import wizards, the export dialog, the report builder, the shortcuts list).
    if (commandTarget(cmd) === 'renderer') mainWindow?.webContents.send(MENU_CHANNEL, cmd);
  };
  const template = menuTemplate({
    strings,
    isPackaged: app.isPackaged,
    platform: process.platform,
    recent: c.recent().filter((d) => d !== c.current().dataDir),
    actions: {
      about: () => {
        const options = {
          type: 'info' as const,
          title: strings.about,
          message: `Boucle ${app.getVersion()}`,
          detail: strings.aboutDetail(app.getVersion(), c.current().dataDir),
        };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
      showDataFolder: () => void shell.openPath(c.current().dataDir),
      command,
      openRecent: (dir) => void c.switchTo(dir),
      clearRecent: () => c.clearRecent(),
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

function makeCore(ws: WorkspaceSession): Core {
  return createCore(ws, {
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
  });
}

function start(): void {
  const strings = shellStrings(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  const dataDir = electronDataDir(process.argv, process.env, app.getPath('userData'));
  const first = openSession(dataDir, strings);
  if (!first) {
    app.exit(EXIT_CODES.workspaceRefused);
    return;
  }
  let ws: WorkspaceSession = first;
  let core = makeCore(ws);
  let recent = addRecent(pruneRecent(parseRecent(readText(userFile(RECENT))), fs.existsSync), ws.dataDir);
  const saveRecent = () => writeText(userFile(RECENT), serializeRecent(recent));
  saveRecent();

  let switching = false;
  const controls: ShellControls = {
    current: () => ws,
    recent: () => recent,
    clearRecent: () => {
      recent = [ws.dataDir];
      saveRecent();
      installMenu(controls, strings);
    },
    // Switching = the current session closes cleanly (writes under way finish, the writer lock is
    // released, so another Boucle may then open it), then the other folder opens in the same window.
    // If the other folder is refused, the previous workspace is opened again.
    switchTo: async (dir) => {
      if (switching || path.resolve(dir) === path.resolve(ws.dataDir)) return;
      switching = true;
      try {
        const previous = ws.dataDir;
        await ws.close();
        const next = openSession(dir, strings) ?? openSession(previous, strings);
        if (!next) {
          app.exit(EXIT_CODES.workspaceRefused);
          return;
        }
        ws = next;
        core = makeCore(ws);
        recent = addRecent(recent, ws.dataDir);
        saveRecent();
        installMenu(controls, strings);
        // A fresh page: no screen keeps data or half-typed forms of the other workspace.
        mainWindow?.webContents.reload();
      } finally {
        switching = false;
      }
    },
  };

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Let an import or a backup under way finish its transaction, then close and release the lock.
    event.preventDefault();
    closing = true;
    void ws.close().finally(() => app.quit());
  });
  hardenSession();
  registerApi(() => core);
  setPdfEngine(electronPdfEngine());
  setTokenVault(electronTokenVault());
  registerFileActions(() => mainWindow);
  installMenu(controls, strings);
  mainWindow = createWindow(() => ws, strings);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(() => ws, strings);
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
