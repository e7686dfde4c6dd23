import type { z } from 'zod';
import { byId, type Page } from './common';

/**
 * One API method: the zod schema of its input and, as a phantom type, what it returns.
 * The core validates every call with `input`; the renderer only sees the types.
 */
export interface MethodDef<S extends z.ZodType, R> {
  input: S;
  /** Phantom: never read at run time. */
  readonly result?: R;
}

export function method<R>() {
  return <S extends z.ZodType>(input: S): MethodDef<S, R> => ({ input });
}

export type MethodMap = Record<string, MethodDef<z.ZodType, unknown>>;

/**
 * The five methods every stored entity has — `<prefix>.create | update | delete | get | list` —
 * from its schemas: create and update return the entity, delete `{ ok: true }`, list a page.
 */
export function crudMethods<T>() {
  return <P extends string, C extends z.ZodType, U extends z.ZodType, L extends z.ZodType>(
    prefix: P,
    s: { create: C; update: U; list: L },
  ) =>
    ({
      [`${prefix}.create`]: method<T>()(s.create),
      [`${prefix}.update`]: method<T>()(s.update),
      [`${prefix}.delete`]: method<{ ok: true }>()(byId),
      [`${prefix}.get`]: method<T>()(byId),
      [`${prefix}.list`]: method<Page<T>>()(s.list),
    }) as { [K in `${P}.create`]: MethodDef<C, T> } & { [K in `${P}.update`]: MethodDef<U, T> } & {
      [K in `${P}.delete`]: MethodDef<typeof byId, { ok: true }>;
    } & { [K in `${P}.get`]: MethodDef<typeof byId, T> } & { [K in `${P}.list`]: MethodDef<L, Page<T>> };
}
