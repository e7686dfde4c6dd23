import type { z } from 'zod';

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
