import type { workspaceMethods } from '../../../src-shared/workspace/api';
import { workspaceInfo } from '../../services/workspace/info';
import { createDemo } from '../demo/generate';
import { APP_VERSION } from '../version';
import type { Handlers } from './types';

export const workspaceHandlers: Handlers<keyof typeof workspaceMethods> = {
  'workspace.info': (ws) => workspaceInfo(ws, APP_VERSION),
  'workspace.demo': (ws, i) => {
    const { counts, today } = createDemo(ws, { lang: i.lang });
    return { counts: { ...counts }, today };
  },
};
