// Runs a helper process (a download, mostly) with its output captured and a hard time limit, so a
// dead network or a stuck proxy can never hang `npm start`. A notice is printed only when the
// process is still working after a few seconds: a quick failure stays silent (start.mjs then
// explains it in one line), a real download tells the user why they are waiting.
import { spawn } from 'node:child_process';

const KEEP_OUTPUT = 64 * 1024;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs: number, slowNotice?: string, slowAfterMs?: number }} opts
 * @returns {Promise<{ ok: boolean, code: number | null, timedOut: boolean, output: string }>}
 */
export function runBounded(command, args, opts) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
    };
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const notice = opts.slowNotice
      ? setTimeout(() => process.stdout.write(`${opts.slowNotice}\n`), opts.slowAfterMs ?? 3000)
      : undefined;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }, opts.timeoutMs);
    const done = (code, error) => {
      clearTimeout(limit);
      if (notice) clearTimeout(notice);
      if (error) keep(`${error.message}\n`);
      resolve({ ok: !timedOut && code === 0, code, timedOut, output });
    };
    child.on('error', (e) => done(null, e));
    child.on('close', (code) => done(code));
  });
}

/**
 * The line of a tool's output that says what went wrong: the first one that looks like an error,
 * without stack frames, log prefixes or Chromium's "[pid:…:ERROR:file.cc(12)]" tags.
 * @param {string} output
 * @returns {string | undefined}
 */
export function errorLine(output) {
  // prebuild-install says what failed on its "warn install" line; its info lines are noise.
  const warned = /^prebuild-install (?:warn|ERR!|error) install (.+)$/m.exec(output)?.[1]?.trim();
  if (warned) return clip(warned);
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').replace(/^prebuild-install (warn|err!?|info) \S+\s*/, '').trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^Downloading\b/i.test(l));
  const hit = lines.find((l) => /error|fail|cannot|missing|not found|ENOTFOUND|ECONN|EAI_AGAIN|denied|not supported/i.test(l));
  const line = hit ?? lines.at(-1);
  return line === undefined ? undefined : clip(line);
}

function clip(line) {
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
