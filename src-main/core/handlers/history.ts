import type { historyMethods } from '../../../src-shared/history/api';
import { listHistory } from '../../services/history/history';
import type { Handlers } from './types';

export const historyHandlers: Handlers<keyof typeof historyMethods> = {
  'history.list': listHistory,
};
