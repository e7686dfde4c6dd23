import { method } from '../api-method';
import { workspaceInfoInput, type WorkspaceInfo } from './schemas';

export const workspaceMethods = {
  /** Where the workspace is, its schema and app versions, what it holds, its size on disk. */
  'workspace.info': method<WorkspaceInfo>()(workspaceInfoInput),
};
