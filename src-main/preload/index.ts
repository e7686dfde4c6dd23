// The preload: the only bridge between the sandboxed renderer and the main process. It exposes
// exactly `window.boucle` (BoucleBridge) — no ipcRenderer, no generic send, no Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CHANNEL, FILE_CHANNEL, MENU_CHANNEL, isRendererCommand, type BoucleBridge, type RendererCommand } from '../../src-shared/bridge';
import type { ApiResult } from '../../src-shared/errors';

const bridge: BoucleBridge = {
  // Exactly two arguments cross: the method name and its input. The main process checks the sender,
  // the name, and (through the core's zod schemas) the input.
  call: (method: string, input: unknown): Promise<ApiResult<unknown>> => ipcRenderer.invoke(API_CHANNEL, method, input),
  // File.path is gone since Electron 32; imports read the file where it lies instead of uploading it.
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  saveAs: (defaultName: string) => ipcRenderer.invoke(FILE_CHANNEL, 'saveAs', String(defaultName)),
  openFile: (path: string) => ipcRenderer.invoke(FILE_CHANNEL, 'open', String(path)),
  showInFolder: (path: string) => ipcRenderer.invoke(FILE_CHANNEL, 'reveal', String(path)),
  // Only the command name crosses, never the IPC event (it would hand the renderer ipcRenderer).
  onMenuCommand: (listener: (command: RendererCommand) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (isRendererCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
  shell: 'electron',
  platform: process.platform,
};

contextBridge.exposeInMainWorld('boucle', bridge);
