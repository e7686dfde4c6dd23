import { method } from '../api-method';
import * as h from './schemas';

export const historyMethods = {
  /** What changed, when, on which machine: one entry per transaction, newest first. */
  'history.list': method<h.HistoryPage>()(h.historyList),
};
