import type { searchMethods } from '../../../src-shared/search/api';
import { search } from '../../services/search/search';
import type { Handlers } from './types';

export const searchHandlers: Handlers<keyof typeof searchMethods> = {
  'search.query': search,
};
