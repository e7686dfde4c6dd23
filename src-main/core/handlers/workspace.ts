import fs from 'node:fs';
import path from 'node:path';
import { BoucleError } from '../../../src-shared/errors';
import type { workspaceMethods } from '../../../src-shared/workspace/api';
import { backupFolderOf, listBackups } from '../../services/workspace/backups';
import { workspaceInfo } from '../../services/workspace/info';
import { RESCUE_FOLDER } from '../../services/workspace/rescue';
import { createDemo } from '../demo/generate';
import { APP_VERSION } from '../version';
import type { Handlers } from './types';

export const workspaceHandlers: Handlers<keyof typeof workspaceMethods> = {
  'workspace.info': (ws) => workspaceInfo(ws, APP_VERSION),
  'workspace.health': (_ws, _i, { session }) => session.health(),
  'workspace.backups.list': (_ws, _i, { session }) => listBackups(session.dataDir),
  'workspace.backups.create': async (_ws, _i, { session }) => {
    const { file: _file, ...info } = await session.backupNow('manual');
    return info;
  },
  'workspace.backups.restore': (_ws, i, { session }) => session.restore({ name: i.name }),
  'workspace.rescue': (_ws, _i, { session }) => session.rescue(),
  'workspace.showFolder': async (_ws, i, { session, actions }) => {
    const folder =
      i.which === 'data' ? session.dataDir : i.which === 'rescue' ? path.join(session.dataDir, RESCUE_FOLDER) : backupFolderOf(session.dataDir);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!actions.showFolder) return { folder, opened: false };
    await actions.showFolder(folder);
    return { folder, opened: true };
  },
  'workspace.openFolder': async (_ws, i, { session, actions, shell }) => {
    let dir = i.path ?? null;
    if (dir === null) {
      if (!actions.chooseFolder) throw BoucleError.of('validation', 'workspace.folder_required', undefined, 'path');
      dir = await actions.chooseFolder();
      if (dir === null) return session.health();
    }
    if (!path.isAbsolute(dir)) throw BoucleError.of('validation', 'import.full_path', undefined, 'path');
    // From a browser, a folder that exists: the web shell never creates folders where a page says.
    if (shell === 'web' && !fs.existsSync(dir)) throw BoucleError.of('not_found', 'workspace.no_folder', { dir }, 'path');
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw BoucleError.of('validation', 'workspace.not_folder', { dir }, 'path');
    return session.switchTo(path.resolve(dir));
  },
  'workspace.demo': (ws, i) => {
    const { counts, today } = createDemo(ws, { lang: i.lang });
    return { counts: { ...counts }, today };
  },
};
