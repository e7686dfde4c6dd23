// Starts Electron and decides, from what it does in its first moments, whether it really started.
// Where it cannot run (no display, missing system libraries, running as root without a sandbox…)
// it dies at once; start.mjs then falls back to the web shell.
import { spawn } from 'node:child_process';
import { errorLine } from './run-bounded.mjs';

// The same values as src-main/electron/launch-protocol.ts (tests/unit/electron-start.test.ts checks).
export const READY_LINE = 'Boucle is open.';
export const EXIT_CODES = { alreadyRunning: 0, workspaceRefused: 3 };

const ANSWERS = new Set(Object.values(EXIT_CODES));

/**
 * Why Electron stopped, in a few words.
 * @param {string} output what it printed
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
export function crashReason(output, code, signal) {
  const line = errorLine(output);
  const status = signal ? `killed by ${signal}` : `exit code ${code}`;
  return line ? `Electron stopped at once: ${line}` : `Electron stopped at once (${status})`;
}

/**
 * @param {string} command the Electron executable
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, readyTimeoutMs?: number }} [opts]
 * @returns {Promise<
 *   | { status: 'started', child: import('node:child_process').ChildProcess, exit: Promise<number> }
 *   | { status: 'exited', code: number }
 *   | { status: 'failed', reason: string }>}
 */
export function launchElectron(command, args, opts = {}) {
  const env = { ...(opts.env ?? process.env) };
  // Set by some tools; it would turn Electron into plain Node and run our main as a script.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    /** @type {Array<[NodeJS.WriteStream, Buffer]>} */
    let held = [];
    let output = '';
    let started = false;
    let settled = false;
    const child = spawn(command, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = new Promise((res) => child.on('close', (code, signal) => res(code ?? (signal ? 1 : 0))));

    // Until Electron proves it runs, hold its output: if it dies, one line explains why instead.
    const onData = (stream) => (chunk) => {
      if (started) return void stream.write(chunk);
      held.push([stream, chunk]);
      output = (output + chunk.toString()).slice(-64 * 1024);
      if (stream === process.stdout && output.includes(READY_LINE)) markStarted();
    };
    const release = () => {
      for (const [stream, chunk] of held) stream.write(chunk);
      held = [];
    };
    const markStarted = () => {
      if (settled) return;
      settled = started = true;
      clearTimeout(timer);
      release();
      resolve({ status: 'started', child, exit });
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    // Still alive but silent after this long: a slow machine, not a failed start.
    const timer = setTimeout(markStarted, opts.readyTimeoutMs ?? 30_000);

    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status: 'failed', reason: `Electron could not be run: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (code !== null && ANSWERS.has(code)) {
        release();
        resolve({ status: 'exited', code });
      } else {
        resolve({ status: 'failed', reason: crashReason(output, code, signal) });
      }
    });
  });
}
