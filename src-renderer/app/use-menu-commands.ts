import { useEffect } from 'react';
import { useApp } from '../stores';
import { requestImport } from './import-requests';

/**
 * The native menu's commands for the renderer (src-main/electron/menu.ts MenuCommand), under Electron
 * only: the web shell has no native menu. Each opens the screen where the command's dialog lives.
 */
export function useMenuCommands(openShortcuts: () => void): void {
  const navigate = useApp((s) => s.navigate);
  useEffect(() => {
    const bridge = window.boucle;
    if (!bridge?.onMenuCommand) return;
    return bridge.onMenuCommand((command) => {
      if (command === 'shortcuts') openShortcuts();
      else if (command === 'importMeasurements') {
        navigate('indicators');
        requestImport({ kind: 'measurements', file: null });
      } else if (command === 'importBpmn') {
        navigate('processes');
        requestImport({ kind: 'bpmn', file: null });
      }
      else if (command === 'export' || command === 'report') navigate('reports');
    });
  }, [navigate, openShortcuts]);
}
