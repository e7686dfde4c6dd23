// Type-only import: erased at build time, so this module runs (and is tested) under plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings';
import { isRendererCommand, type RendererCommand } from '../../src-shared/bridge';

/**
 * What a menu item asks for. The shell handles the workspace ones itself (dialogs, switching
 * session); the others are screens of the renderer, sent to it over the menu channel.
 */
export type MenuCommand = 'newWorkspace' | 'openWorkspace' | 'documentation' | RendererCommand;

/** Where a command is carried out: by the shell itself, or sent to the renderer on the menu channel. */
export function commandTarget(cmd: MenuCommand): 'shell' | 'renderer' {
  return isRendererCommand(cmd) ? 'renderer' : 'shell';
}

export interface MenuActions {
  about(): void;
  showDataFolder(): void;
  command(cmd: MenuCommand): void;
  openRecent(dataDir: string): void;
  clearRecent(): void;
}

/**
 * The application menu. Reload and developer tools only in development: in a packaged app a
 * reload would drop unsaved form state and devtools would let anyone script the window.
 * `recent` is the recent-workspaces list, newest first, without the open one.
 */
export function menuTemplate(opts: {
  strings: ShellStrings;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
  recent?: readonly string[];
}): MenuItemConstructorOptions[] {
  const { strings: t, isPackaged, platform, actions } = opts;
  const recent = opts.recent ?? [];
  const mac = platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });
  const dev: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const openRecent: MenuItemConstructorOptions = {
    label: t.openRecent,
    submenu: [
      ...recent.map((dir): MenuItemConstructorOptions => ({ label: dir, click: () => actions.openRecent(dir) })),
      ...(recent.length > 0 ? [{ type: 'separator' } as MenuItemConstructorOptions] : []),
      { label: t.clearRecent, enabled: recent.length > 0, click: () => actions.clearRecent() },
    ],
  };
  return [
    // macOS puts Quit (and About) in the application menu, named after the app.
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        cmd(t.newWorkspace, 'newWorkspace', 'CmdOrCtrl+Shift+N'),
        cmd(t.openWorkspace, 'openWorkspace', 'CmdOrCtrl+O'),
        openRecent,
        { type: 'separator' },
        cmd(t.importMeasurements, 'importMeasurements', 'CmdOrCtrl+I'),
        cmd(t.importBpmn, 'importBpmn'),
        cmd(t.export, 'export', 'CmdOrCtrl+E'),
        cmd(t.report, 'report', 'CmdOrCtrl+P'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [...dev, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        // F1 is the desktop convention; the renderer also opens the dialog on Ctrl+/ itself.
        cmd(t.shortcuts, 'shortcuts', 'F1'),
        cmd(t.documentation, 'documentation'),
        { type: 'separator' },
        { label: t.about, click: () => actions.about() },
        { label: t.showDataFolder, click: () => actions.showDataFolder() },
      ],
    },
  ];
}
