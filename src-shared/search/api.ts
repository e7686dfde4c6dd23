import { method } from '../api-method';
import * as s from './schemas';

export const searchMethods = {
  /** Full text across processes, steps, gaps, interventions and indicators, best match first. */
  'search.query': method<s.SearchResult>()(s.searchQuery),
};
