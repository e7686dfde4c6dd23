import { apiMethods, isApiName, type ApiName, type ApiOutput } from '../../src-shared/api';
import type { ApiResult } from '../../src-shared/errors';
import { toApiError, zodToApiError } from './errors';
import { handlers } from './handler-map';
import type { CallContext, ShellActions } from './handlers/types';
import { WorkspaceSession } from './session';
import type { OpenedWorkspace } from './workspace';
import type { Workspace } from '../db/workspace';

export { toApiError };

export interface Core {
  call<K extends ApiName>(name: K, input: unknown, ctx?: Partial<CallContext>): Promise<ApiResult<ApiOutput<K>>>;
  /** Same as call, for untrusted names (IPC, HTTP): unknown names give a typed error. */
  callUnknown(name: unknown, input: unknown, ctx?: Partial<CallContext>): Promise<ApiResult<unknown>>;
  /** The workspace open now (it changes after a restore or "open another folder"). */
  readonly workspace: Workspace;
  readonly session: WorkspaceSession;
}

/** Methods that work whatever state the workspace is in (its health, backups, restore, another folder). */
const SESSION_METHODS = new Set<ApiName>([
  'workspace.health',
  'workspace.backups.list',
  'workspace.backups.create',
  'workspace.backups.restore',
  'workspace.rescue',
  'workspace.showFolder',
  'workspace.openFolder',
]);

export interface CoreOptions {
  /** What the shell can do for the user that the core cannot (the desktop app's file manager and dialogs). */
  actions?: ShellActions;
}

export function createCore(source: OpenedWorkspace | WorkspaceSession, opts: CoreOptions = {}): Core {
  const session = source instanceof WorkspaceSession ? source : WorkspaceSession.of(source);
  const actions = opts.actions ?? {};
  async function call<K extends ApiName>(name: K, input: unknown, ctx: Partial<CallContext> = {}): Promise<ApiResult<ApiOutput<K>>> {
    const def = apiMethods[name];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error, input ?? {}) };
    try {
      const ws = SESSION_METHODS.has(name) ? (session.workspaceOrNull as Workspace) : session.workspace;
      const handler = handlers[name] as (ws: Workspace, i: unknown, c: CallContext) => ApiOutput<K> | Promise<ApiOutput<K>>;
      return { ok: true, data: await handler(ws, parsed.data, { shell: ctx.shell ?? 'core', session, actions }) };
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'internal') console.error(`[boucle] ${name} failed:`, e);
      // SQLite found a damaged page while reading: no write goes to this file from now on.
      const open = session.workspaceOrNull;
      if (error.code === 'damaged' && open && open.gate.damaged === null) open.gate.damaged = error.params?.detail ? String(error.params.detail) : error.message;
      return { ok: false, error };
    }
  }
  return {
    get workspace() {
      return session.workspace;
    },
    session,
    call,
    callUnknown(name, input, ctx) {
      if (!isApiName(name)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown API method: ${String(name)}` } });
      }
      return call(name, input, ctx);
    },
  };
}
