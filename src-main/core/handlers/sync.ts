import type { syncMethods } from '../../../src-shared/sync/api';
import { listConflicts, resolveConflict } from '../../services/sync/conflicts';
import { runSync } from '../../services/sync/run';
import { configureSync, disconnectSync, shareDepartment, syncStatus } from '../../services/sync/status';
import type { Handlers } from './types';

export const syncHandlers: Handlers<keyof typeof syncMethods> = {
  'sync.status': (ws) => syncStatus(ws),
  'sync.configure': (ws, i) => configureSync(ws, i),
  'sync.disconnect': (ws) => disconnectSync(ws),
  'sync.run': (ws, i) => runSync(ws, { confirm: i.confirm }),
  'sync.share': (ws, i) => shareDepartment(ws, i),
  'sync.conflicts': (ws) => listConflicts(ws),
  'sync.resolve': (ws, i) => resolveConflict(ws, i),
};
