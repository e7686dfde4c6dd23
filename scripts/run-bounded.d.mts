// Types of run-bounded.mjs for the TypeScript tests that import it.
export interface BoundedRun {
  ok: boolean;
  code: number | null;
  timedOut: boolean;
  output: string;
}
export function runBounded(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; slowNotice?: string; slowAfterMs?: number },
): Promise<BoundedRun>;
export function errorLine(output: string): string | undefined;
