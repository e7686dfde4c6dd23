// Type-only import: erased at build time, so this module runs (and is tested) under plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings';

export interface MenuActions {
  about(): void;
  showDataFolder(): void;
}

/**
 * The application menu. Reload and developer tools only in development: in a packaged app a
 * reload would drop unsaved form state and devtools would let anyone script the window.
 */
export function menuTemplate(opts: {
  strings: ShellStrings;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { strings: t, isPackaged, platform, actions } = opts;
  const mac = platform === 'darwin';
  const dev: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    // macOS puts Quit (and About) in the application menu, named after the app.
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: t.file, submenu: [mac ? { role: 'close' } : { role: 'quit', label: t.quit }] },
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
        { label: t.about, click: () => actions.about() },
        { label: t.showDataFolder, click: () => actions.showDataFolder() },
      ],
    },
  ];
}
