import { useCallback, useSyncExternalStore } from 'react';
import type { RendererCommand } from '@shared/bridge';
import { useApp } from '../stores';
import { requestImport } from './import-requests';

// What File ▸ Import…, Export… and Report… (and Help ▸ Shortcuts) do, in one place: the native menu
// under Electron (use-menu-commands.ts) and the header's File menu in the browser (file-menu.tsx)
// run the very same commands.
//  * importMeasurements / importBpmn: the page that owns the import and its wizard, opened;
//  * export: the export dialog (the whole workspace as JSON, the lists as Excel);
//  * report: the report builder (the Reports page, its form in view and focused).

let exportOpen = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function setExportDialog(open: boolean): void {
  exportOpen = open;
  emit();
}

export function useExportDialog(): [boolean, () => void] {
  const subscribe = useCallback((l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const open = useSyncExternalStore(subscribe, () => exportOpen);
  return [open, useCallback(() => setExportDialog(false), [])];
}

/** The route parameter that asks the Reports page for its builder. */
export const REPORT_BUILDER = 'build';

export function useAppCommands(openShortcuts: () => void): (command: RendererCommand) => void {
  const navigate = useApp((s) => s.navigate);
  return useCallback(
    (command: RendererCommand) => {
      switch (command) {
        case 'shortcuts':
          return openShortcuts();
        case 'importMeasurements':
          navigate('indicators');
          return requestImport({ kind: 'measurements', file: null });
        case 'importBpmn':
          navigate('processes');
          return requestImport({ kind: 'bpmn', file: null });
        case 'export':
          return setExportDialog(true);
        case 'report':
          return navigate('reports', REPORT_BUILDER);
      }
    },
    [navigate, openShortcuts],
  );
}
