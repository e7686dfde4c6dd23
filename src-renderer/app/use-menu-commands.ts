import { useEffect } from 'react';
import type { RendererCommand } from '@shared/bridge';

/**
 * The native menu's commands for the renderer (src-shared/bridge.ts RENDERER_COMMANDS), under
 * Electron only: the preload passes on nothing else. `run` is app-commands.ts's, which the browser's
 * File menu uses too.
 */
export function useMenuCommands(run: (command: RendererCommand) => void): void {
  useEffect(() => {
    const bridge = window.boucle;
    if (!bridge?.onMenuCommand) return;
    return bridge.onMenuCommand(run);
  }, [run]);
}
