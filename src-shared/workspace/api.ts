import { method } from '../api-method';
import { workspaceDemoInput, workspaceInfoInput, type WorkspaceDemoResult, type WorkspaceInfo } from './schemas';

export const workspaceMethods = {
  /** Where the workspace is, its schema and app versions, what it holds, its size on disk. */
  'workspace.info': method<WorkspaceInfo>()(workspaceInfoInput),
  /** Fills an EMPTY workspace with the demo, in one transaction; a workspace with data is refused (conflict). */
  'workspace.demo': method<WorkspaceDemoResult>()(workspaceDemoInput),
};
