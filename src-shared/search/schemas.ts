import { z } from 'zod';
import { msg } from '../messages';
import { SEARCH_ENTITIES, type SearchEntity } from './entities';

// Full-text search across processes, steps, gaps, interventions and indicators.

export { SEARCH_ENTITIES, type SearchEntity } from './entities';

export const searchQuery = z
  .object({
    text: z.string(msg('search.text_required')).max(200, msg('common.max_chars', { max: 200 })),
    limit: z.number().int().min(1).max(100).default(20),
    entities: z.array(z.enum(SEARCH_ENTITIES, msg('search.unknown_entity'))).min(1).max(SEARCH_ENTITIES.length).optional(),
  })
  .strict();
export type SearchQueryInput = z.input<typeof searchQuery>;

export interface SearchHit {
  entity: SearchEntity;
  id: string;
  title: string;
  /** Text around the matches; `hit` parts are the matched words (no HTML: render as text). */
  snippet: { text: string; hit: boolean }[];
  /** bm25 score: lower is a better match (results are sorted by it). */
  score: number;
  /** For navigation. */
  departmentId: string;
  departmentName: string | null;
  processId: string | null;
  processName: string | null;
  stepId: string | null;
}

export interface SearchResult {
  /** The FTS5 query that ran (each word quoted, the last as a prefix); null when nothing searchable was typed. */
  query: string | null;
  hits: SearchHit[];
}
