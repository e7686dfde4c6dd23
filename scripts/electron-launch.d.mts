// Types of electron-launch.mjs for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';

export const READY_LINE: string;
export const EXIT_CODES: { alreadyRunning: number; workspaceRefused: number };
export function crashReason(output: string, code: number | null, signal: NodeJS.Signals | null): string;
export function launchElectron(
  command: string,
  args: string[],
  opts?: { cwd?: string; env?: NodeJS.ProcessEnv; readyTimeoutMs?: number },
): Promise<
  | { status: 'started'; child: ChildProcess; exit: Promise<number> }
  | { status: 'exited'; code: number }
  | { status: 'failed'; reason: string }
>;
