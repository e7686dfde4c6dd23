// Types of electron-native.mjs for the TypeScript tests that import it.
export function electronBindingPath(root: string, abi: string): string;
export function prepareElectronBinding(
  root: string,
  opts: {
    electronVersion: string;
    abi: string;
    platform?: string;
    arch?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  },
): Promise<{ ok: true; file: string; reused: boolean } | { ok: false; reason: string }>;
