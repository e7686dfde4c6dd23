import { dialog, ipcMain, shell, type BrowserWindow } from 'electron';
import { FILE_CHANNEL } from '../../src-shared/bridge';
import { isWrittenPath } from '../reports/output';

// The desktop side of a report or export: where to save it (a native dialog), then "Open" and "Show in
// folder". Open and show act only on files the core wrote in this session, whatever the renderer asks.

export function registerFileActions(win: () => BrowserWindow | null): void {
  ipcMain.handle(FILE_CHANNEL, async (event, action: unknown, arg: unknown) => {
    const w = win();
    if (!w || event.sender !== w.webContents) return null;
    if (action === 'saveAs' && typeof arg === 'string') {
      const r = await dialog.showSaveDialog(w, { defaultPath: arg.replace(/[\\/]/g, '_') });
      return r.canceled || !r.filePath ? null : r.filePath;
    }
    if ((action === 'open' || action === 'reveal') && isWrittenPath(arg)) {
      if (action === 'open') return (await shell.openPath(arg as string)) === '';
      shell.showItemInFolder(arg as string);
      return true;
    }
    return null;
  });
}
