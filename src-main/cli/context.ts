import path from 'node:path';
import { createCore, type Core } from '../core/dispatch';
import { resolveDataDir } from '../core/data-dir';
import { WorkspaceSession } from '../core/session';
import type { OpenedWorkspace } from '../core/workspace';
import { describeHolder } from '../db/writer-lock';
import type { ApiName, ApiOutput } from '../../src-shared/api';
import { formatMessage, isMessageKey } from '../../src-shared/messages';
import type { WorkspaceHealth } from '../../src-shared/workspace/schemas';

/** A CLI failure: printed on stderr, exit code 1 (or the given one). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit codes that are answers: the workspace is held by another process, or damaged. */
export const CLI_EXIT = { held: 4, damaged: 5 } as const;

export interface CliWorkspace {
  ws: OpenedWorkspace;
  core: Core;
  session: WorkspaceSession;
  /** Calls the API; a typed error becomes a CliError naming the field. */
  call<K extends ApiName>(name: K, input: unknown): Promise<ApiOutput<K>>;
}

/** A long step of opening a workspace (updating it to a newer schema), told on stderr. */
export const tellProgress = (message: string) => process.stderr.write(`${message}\n`);

export interface WithWorkspaceOptions {
  /** The command writes: refused at once, naming the holder, when another process writes the workspace. Default true. */
  writes?: boolean;
  /** The command for the lock record ("boucle import measurements"). */
  program?: string;
  /** The command deals with a damaged workspace itself (backups, restore). */
  acceptDamaged?: boolean;
  /** The daily backup on the first open of the day (default true; `boucle backup` writes its own). */
  dailyBackup?: boolean;
}

/** The CLI's words for a workspace it cannot use as asked. */
export function healthRefusal(h: WorkspaceHealth, writes: boolean): CliError | null {
  if (h.state === 'damaged') {
    const what = formatMessage('workspace.damaged', { kind: h.kind, detail: h.detail }, 'en');
    const hint = h.latestBackup
      ? `\nThe latest good backup is ${h.latestBackup.name} (${h.latestBackup.createdAt}): boucle restore ${path.join(h.dataDir, 'backups', h.latestBackup.name)} --data ${h.dataDir}`
      : '\nSee `boucle backups` for the backups of this workspace.';
    return new CliError(`${what}${hint}`, CLI_EXIT.damaged);
  }
  if (writes && h.state === 'read_only') {
    return new CliError(
      `${formatMessage('workspace.held', { holder: describeHolder(h.holder) }, 'en')}. Nothing was done.`,
      CLI_EXIT.held,
    );
  }
  return null;
}

/**
 * A measurement import of a file up to this size runs on the command's own thread (about 500,000
 * rows of CSV): 100k rows, alternating runs: 1.45–1.72 s → 1.07–1.40 s, peak RSS 199 → 177 MB. A
 * larger one keeps the worker thread, whose 8 MB young generation keeps 1M rows under 280 MB.
 */
export const CLI_INLINE_IMPORT_BYTES = 16 * 1024 * 1024;

/**
 * Opens the workspace of `--data DIR` (else BOUCLE_DATA_DIR, else the OS folder), runs `fn`, waits for
 * the work it left under way (the daily backup), closes it. Another process holding the workspace:
 * a command that writes is refused at once; one that reads runs on a read-only connection.
 */
export async function withWorkspace<T>(dataFlag: string | undefined, fn: (w: CliWorkspace) => Promise<T>, opts: WithWorkspaceOptions = {}): Promise<T> {
  const writes = opts.writes !== false;
  const session = WorkspaceSession.open(resolveDataDir(dataFlag), {
    program: opts.program ?? 'the boucle command',
    maintenance: opts.dailyBackup === false ? false : 'backup',
    onProgress: tellProgress,
    inlineImportBytes: CLI_INLINE_IMPORT_BYTES,
  });
  try {
    await session.ready; // a large file is checked on a worker thread first
    if (session.tookOverFrom) {
      process.stderr.write(`boucle: ${describeHolder(session.tookOverFrom)} had stopped without closing the workspace; it is ours now.\n`);
    }
    const refusal = opts.acceptDamaged && session.health().state === 'damaged' ? null : healthRefusal(session.health(), writes);
    if (refusal) throw refusal;
    const core = createCore(session);
    return await fn({
      ws: session.workspace,
      core,
      session,
      async call(name, input) {
        const r = await core.call(name, input, { shell: 'cli' });
        if (!r.ok) {
          const message = isMessageKey(r.error.key) ? formatMessage(r.error.key, r.error.params, 'en') : r.error.message;
          const code = r.error.code === 'read_only' ? CLI_EXIT.held : r.error.code === 'damaged' ? CLI_EXIT.damaged : 1;
          // The user sees the refusal in words: the method name is ours, not theirs; the field names the
          // input blamed (path, template, xml…), which is what they typed.
          throw new CliError(`${r.error.field ? `${r.error.field}: ` : ''}${message}`, code);
        }
        return r.data;
      },
    });
  } finally {
    await session.close();
  }
}

/** The built renderer, next to the built CLI (out/main → out/renderer). */
export function builtRendererDir(): string {
  return path.resolve(__dirname, '..', 'renderer');
}
