import { describe, expect, it } from 'vitest';
import { commandTarget, menuTemplate, type MenuCommand } from '../../src-main/electron/menu';
import { isRendererCommand, RENDERER_COMMANDS } from '../../src-shared/bridge';
import { shellStrings } from '../../src-main/electron/strings';

type Item = ReturnType<typeof menuTemplate>[number];
const sub = (m: Item | undefined): Item[] => (Array.isArray(m?.submenu) ? (m.submenu as Item[]) : []);

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      about: () => calls.push('about'),
      showDataFolder: () => calls.push('folder'),
      command: (c: MenuCommand) => calls.push(c),
      openRecent: (d: string) => calls.push(`recent:${d}`),
      clearRecent: () => calls.push('clear'),
    },
  };
}
const click = (i: Item | undefined) => (i!.click as () => void)();

describe('menu', () => {
  const { actions } = recorder();
  const roles = (items: Item[]) => items.flatMap((m) => sub(m).map((i) => i.role)).filter(Boolean);

  it('offers reload and devtools in development only; zoom and full screen always', () => {
    const dev = roles(menuTemplate({ strings: shellStrings('en'), isPackaged: false, platform: 'linux', actions }));
    const packaged = roles(menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'zoomIn', 'quit', 'copy', 'paste']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit', 'undo', 'selectAll']));
  });

  it('File holds the workspace, import, export and report commands, each reaching its action', () => {
    const r = recorder();
    const file = sub(menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions: r.actions })[0]);
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New workspace…',
      'Open workspace…',
      'Open recent',
      'Import measurements…',
      'Import BPMN…',
      'Export…',
      'Report…',
      'Quit Boucle',
    ]);
    file.filter((i) => i.click).forEach(click);
    expect(r.calls).toEqual(['newWorkspace', 'openWorkspace', 'importMeasurements', 'importBpmn', 'export', 'report']);
    expect(file.find((i) => i.label === 'Open workspace…')!.accelerator).toBe('CmdOrCtrl+O');
  });

  it('Open recent lists the folders newest first, opens the one chosen, and clears the list', () => {
    const r = recorder();
    const t = menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions: r.actions, recent: ['/w/b', '/w/a'] });
    const recent = sub(sub(t[0]).find((i) => i.label === 'Open recent'));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['/w/b', '/w/a', 'separator', 'Clear recent workspaces']);
    click(recent[1]);
    click(recent[3]);
    expect(r.calls).toEqual(['recent:/w/a', 'clear']);
  });

  it('an empty recent list shows only a disabled Clear', () => {
    const t = menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions });
    const recent = sub(sub(t[0]).find((i) => i.label === 'Open recent'));
    expect(recent).toHaveLength(1);
    expect(recent[0]!.enabled).toBe(false);
  });

  it('Help lists shortcuts (F1), documentation, about and the data folder, in the system language', () => {
    const r = recorder();
    const template = menuTemplate({ strings: shellStrings('fr-FR'), isPackaged: true, platform: 'win32', actions: r.actions });
    expect(template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    const help = sub(template.at(-1)).filter((i) => i.label);
    expect(help.map((i) => i.label)).toEqual(['Raccourcis clavier', 'Documentation', 'À propos de Boucle', 'Afficher le dossier des données']);
    expect(help[0]!.accelerator).toBe('F1');
    help.forEach(click);
    expect(r.calls).toEqual(['shortcuts', 'documentation', 'about', 'folder']);
  });

  it('adds the macOS application menu on macOS only, where File closes the window instead of quitting', () => {
    const mac = menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'darwin', actions });
    expect(mac[0]!.role).toBe('appMenu');
    expect(sub(mac[1]).map((i) => i.role)).toContain('close');
    expect(sub(mac[1]).map((i) => i.role)).not.toContain('quit');
    expect(menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions })[0]!.role).toBeUndefined();
  });
  it('sends Import…, Export… and Report… to the renderer (which opens the wizard, the export, the builder); keeps the workspace ones in the shell', () => {
    const r = recorder();
    const template = menuTemplate({ strings: shellStrings('en'), isPackaged: true, platform: 'linux', actions: r.actions });
    template.flatMap(sub).filter((i) => i.click).forEach(click);
    const sent = r.calls.filter((c) => !['about', 'folder'].includes(c)) as MenuCommand[];
    expect(sent.filter((c) => commandTarget(c) === 'renderer')).toEqual(['importMeasurements', 'importBpmn', 'export', 'report', 'shortcuts']);
    expect(sent.filter((c) => commandTarget(c) === 'shell')).toEqual(['newWorkspace', 'openWorkspace', 'documentation']);
    // Every command the renderer handles is one a menu item sends, and the preload lets nothing else through.
    expect([...RENDERER_COMMANDS].sort()).toEqual(sent.filter(isRendererCommand).sort());
    expect(['reload', 'newWorkspace', 'export ', 42, null].some(isRendererCommand)).toBe(false);
    const file = sub(template[0]);
    expect(file.find((i) => i.label === 'Export…')!.accelerator).toBe('CmdOrCtrl+E');
    expect(file.find((i) => i.label === 'Report…')!.accelerator).toBe('CmdOrCtrl+P');
  });
});
