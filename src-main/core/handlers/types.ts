import type { ApiName, ApiOutput, ApiParsed } from '../../../src-shared/api';
import type { Workspace } from '../workspace';

export type Handler<K extends ApiName> = (ws: Workspace, input: ApiParsed<K>) => ApiOutput<K> | Promise<ApiOutput<K>>;
/** A part of the handler map; the dispatcher checks that the parts together cover the whole API. */
export type Handlers<K extends ApiName> = { [P in K]: Handler<P> };
