import type { ApiName, ApiOutput, ApiParsed } from '../../../src-shared/api';
import type { Workspace } from '../../db/workspace';
import type { WorkspaceSession } from '../session';

/** What the desktop shell can do that the core cannot; absent in the web shell and the CLI. */
export interface ShellActions {
  /** Shows a folder in the OS file manager. */
  showFolder?(folder: string): void | Promise<void>;
  /** Asks the user for a folder with the OS dialog; null when cancelled. */
  chooseFolder?(): Promise<string | null>;
}

/** Who is calling, and what the handler may reach beyond the workspace. */
export interface CallContext {
  /** The web shell's callers are browsers: they may name no file on disk, only their uploads. */
  shell: 'web' | 'electron' | 'cli' | 'core';
  session: WorkspaceSession;
  actions: ShellActions;
}

export type Handler<K extends ApiName> = (ws: Workspace, input: ApiParsed<K>, ctx: CallContext) => ApiOutput<K> | Promise<ApiOutput<K>>;
/** A part of the handler map; the dispatcher checks that the parts together cover the whole API. */
export type Handlers<K extends ApiName> = { [P in K]: Handler<P> };

/** Prefixes of the API that have the five methods of a stored entity. */
type CrudPrefix = {
  [K in ApiName]: K extends `${infer P}.create`
    ? `${P}.update` | `${P}.delete` | `${P}.get` | `${P}.list` extends ApiName
      ? P
      : never
    : never;
}[ApiName];
type CrudName<P extends CrudPrefix> = `${P}.${'create' | 'update' | 'delete' | 'get' | 'list'}` & ApiName;

/** A service's five functions; delete and get take the id alone. */
export interface CrudService<P extends CrudPrefix> {
  create: Handler<`${P}.create` & ApiName>;
  update: Handler<`${P}.update` & ApiName>;
  remove(ws: Workspace, id: string): { ok: true };
  get(ws: Workspace, id: string): ApiOutput<`${P}.get` & ApiName>;
  list: Handler<`${P}.list` & ApiName>;
}

/** The handlers of `<prefix>.create | update | delete | get | list` from the service's five functions. */
export function crudHandlers<P extends CrudPrefix>(prefix: P, s: CrudService<P>): Handlers<CrudName<P>> {
  return {
    [`${prefix}.create`]: s.create,
    [`${prefix}.update`]: s.update,
    [`${prefix}.delete`]: (ws: Workspace, i: { id: string }) => s.remove(ws, i.id),
    [`${prefix}.get`]: (ws: Workspace, i: { id: string }) => s.get(ws, i.id),
    [`${prefix}.list`]: s.list,
  } as unknown as Handlers<CrudName<P>>;
}
