import { z } from 'zod';
import { method } from '../api-method';
import {
  backupNameInput,
  emptyInput,
  openFolderInput,
  workspaceInfoInput,
  type BackupInfo,
  type BackupList,
  type RescueResult,
  type RestoreResult,
  type WorkspaceHealth,
  type WorkspaceInfo,
  workspaceDemoInput,
  type WorkspaceDemoResult,
} from './schemas';

export const workspaceMethods = {
  /** Where the workspace is, its schema and app versions, what it holds, its size on disk. */
  'workspace.info': method<WorkspaceInfo>()(workspaceInfoInput),
  /** Writable, read-only (another Boucle writes it: who), or damaged (what, and what can be done). */
  'workspace.health': method<WorkspaceHealth>()(emptyInput),
  /** The backups in the data folder, newest first, with the folder and the free disk space. */
  'workspace.backups.list': method<BackupList>()(emptyInput),
  /** "Back up now": a checked backup, written off the thread that answers calls. */
  'workspace.backups.create': method<BackupInfo>()(emptyInput),
  /** Restores a backup of the list (by name, never a path): checked first, the current database kept aside. */
  'workspace.backups.restore': method<RestoreResult>()(backupNameInput),
  /** "Export what can be read" of a damaged workspace: a JSON export (boucle import-json loads it). */
  'workspace.rescue': method<RescueResult>()(emptyInput),
  /** Opens the backups folder in the file manager (desktop app); elsewhere only says where it is. */
  'workspace.showFolder': method<{ folder: string; opened: boolean }>()(
    z.object({ which: z.enum(['data', 'backups', 'rescue']).default('backups') }).strict(),
  ),
  /** "Open another folder": the desktop app asks with its own dialog when no path is given. */
  'workspace.openFolder': method<WorkspaceHealth>()(openFolderInput.partial().strict()),
  /** Fills an EMPTY workspace with the demo, in one transaction; a workspace with data is refused (conflict). */
  'workspace.demo': method<WorkspaceDemoResult>()(workspaceDemoInput),
};
