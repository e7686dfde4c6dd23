import type { historyMethods } from '../../../src-shared/history/api';
import { listHistory } from '../../services/history/history';
import { historyNames } from '../../services/history/names';
import type { Handlers } from './types';

export const historyHandlers: Handlers<keyof typeof historyMethods> = {
  'history.list': (ws, i) => {
    const page = listHistory(ws, i);
    return { ...page, names: historyNames(ws, page) };
  },
};
