import type { ApiResult } from './errors';

/**
 * What the Electron preload exposes as `window.boucle` (contextBridge). The renderer's
 * api/client.ts uses it when present, and HTTP to the web shell otherwise.
 */
export interface BoucleBridge {
  /** Calls one API method of the core; the main process validates sender, name and input. */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** The path on disk of a file the user picked or dropped (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
  /** A path chosen in the native save dialog for a report, or null when the user cancelled. */
  saveAs(defaultName: string): Promise<string | null>;
  /** Opens / reveals a file the core wrote (a report, an export); anything else is refused. */
  openFile(path: string): Promise<boolean | null>;
  showInFolder(path: string): Promise<boolean | null>;
  /** Subscribes to the native menu's commands for the renderer (menu.ts MenuCommand); returns the unsubscribe. */
  onMenuCommand(listener: (command: RendererCommand) => void): () => void;
  readonly shell: 'electron';
  readonly platform: string;
}

/** The IPC channel the preload and the main process agree on; no other channel carries API calls. */
export const API_CHANNEL = 'boucle:api';

/** The channel of the report file actions (save dialog, open, show in folder). */
export const FILE_CHANNEL = 'boucle:file';

/** The channel on which the main process tells the renderer which menu item was chosen (one-way). */
export const MENU_CHANNEL = 'boucle:menu';

/**
 * The native menu's commands that the renderer carries out (the shell handles the workspace ones
 * itself). The preload passes on only these; the renderer's app/app-commands.ts does each.
 */
export const RENDERER_COMMANDS = ['importMeasurements', 'importBpmn', 'export', 'report', 'shortcuts'] as const;
export type RendererCommand = (typeof RENDERER_COMMANDS)[number];

export function isRendererCommand(c: unknown): c is RendererCommand {
  return typeof c === 'string' && (RENDERER_COMMANDS as readonly string[]).includes(c);
}
