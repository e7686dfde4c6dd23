// What the Electron main process tells scripts/start.mjs (which cannot import TypeScript, so
// scripts/electron-launch.mjs repeats these values; tests/unit/electron-start.test.ts checks they agree).

/** Printed on stdout once the window is on screen: start.mjs then knows Electron really started. */
export const READY_LINE = 'Boucle is open.';

/** Exit codes that are answers, not crashes: start.mjs must not fall back to the web shell for them. */
export const EXIT_CODES = {
  /** Another Boucle window is already open; it was brought to the front. */
  alreadyRunning: 0,
  /** The workspace was refused (newer version, not a Boucle file); a dialog said why. */
  workspaceRefused: 3,
} as const;
