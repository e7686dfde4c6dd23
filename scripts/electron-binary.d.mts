// Types of electron-binary.mjs for the TypeScript tests that import it.
export function electronPackage(root: string): { dir: string; version: string; abi: string | undefined } | undefined;
export function electronArch(env?: NodeJS.ProcessEnv): string;
export function resolveElectronBinary(
  root: string,
  opts?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ ok: true; path: string; version: string; abi: string | undefined } | { ok: false; reason: string }>;
