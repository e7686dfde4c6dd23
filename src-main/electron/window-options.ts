// Type-only import: erased at build time, so this module runs (and is tested) under plain Node.
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer is treated as untrusted web content: isolated, sandboxed, no Node, only the
 * preload's `window.boucle` bridge. See https://www.electronjs.org/docs/latest/tutorial/security.
 */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function mainWindowOptions(opts: { preload: string; title: string }): BrowserWindowConstructorOptions {
  return {
    title: opts.title,
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload),
  };
}
