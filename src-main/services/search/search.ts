import type { z } from 'zod';
import { SEARCH_ENTITIES, type SearchEntity, type SearchHit, type SearchResult, type searchQuery } from '../../../src-shared/search/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';

// Full-text search over the FTS5 index of migration 0003 (search_fts, kept up to date by triggers).
//
// What the user types is never FTS5 syntax: every word becomes a quoted string ("…", inner quotes
// doubled), so quotes, *, NEAR, AND/OR/NOT, -, ^, : and parentheses are plain text and cannot make a
// syntax error. Words are ANDed; the last one is a prefix ("fact" finds "facture") because the box
// searches as one types. Words without a letter or digit are dropped: the tokenizer would make them
// an empty phrase, which matches nothing and would empty the whole result.

const MAX_WORDS = 16;

/** The FTS5 query for what was typed, or null when nothing in it can be searched. */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * SQL condition "<idColumn> is a row of `entity` matching the FTS query" (bind the query, then the
 * entity), for the `text` filters of the lists. `entity` comes from a fixed list of the caller.
 */
export const FTS_IDS_SQL = `SELECT m.row_id FROM search_fts JOIN search_rows m ON m.fts_rowid = search_fts.rowid
  WHERE search_fts MATCH ? AND m.entity = ?`;

// Title matches weigh more than matches in the rest of the text.
const TITLE_WEIGHT = 5.0;
const BODY_WEIGHT = 1.0;
const START = '\u0001';
const END = '\u0002';

interface Row {
  entity: SearchEntity;
  row_id: string;
  title: string;
  snip: string;
  score: number;
}

interface Place {
  department_id: string;
  department_name: string | null;
  process_id: string | null;
  process_name: string | null;
  step_id: string | null;
}

// Where a hit lives, for navigation; one fixed query per entity.
const PLACE_SQL: Record<SearchEntity, string> = {
  processes: `SELECT x.department_id, d.name AS department_name, x.id AS process_id, x.name AS process_name, NULL AS step_id
    FROM processes x LEFT JOIN departments d ON d.id = x.department_id WHERE x.id = ?`,
  steps: `SELECT x.department_id, d.name AS department_name, x.process_id, p.name AS process_name, x.id AS step_id
    FROM steps x LEFT JOIN departments d ON d.id = x.department_id LEFT JOIN processes p ON p.id = x.process_id WHERE x.id = ?`,
  gaps: `SELECT x.department_id, d.name AS department_name, x.process_id, p.name AS process_name, x.step_id
    FROM gaps x LEFT JOIN departments d ON d.id = x.department_id LEFT JOIN processes p ON p.id = x.process_id WHERE x.id = ?`,
  interventions: `SELECT x.department_id, d.name AS department_name, NULL AS process_id, NULL AS process_name, NULL AS step_id
    FROM interventions x LEFT JOIN departments d ON d.id = x.department_id WHERE x.id = ?`,
  indicators: `SELECT x.department_id, d.name AS department_name, x.process_id, p.name AS process_name, NULL AS step_id
    FROM indicators x LEFT JOIN departments d ON d.id = x.department_id LEFT JOIN processes p ON p.id = x.process_id WHERE x.id = ?`,
};

/** Snippet text with FTS markers → parts; the fields of the body (one per line) joined by " · ". */
function snippetParts(snip: string): SearchHit['snippet'] {
  const flat = snip.replace(/\s*\n[\s\n]*/g, ' · ').replace(/^ · | · $/g, '').trim();
  const parts: SearchHit['snippet'] = [];
  let hit = false;
  for (const piece of flat.split(new RegExp(`[${START}${END}]`))) {
    if (piece) parts.push({ text: piece, hit });
    hit = !hit;
  }
  return parts;
}

export function search(ws: Workspace, q: z.output<typeof searchQuery>): SearchResult {
  const query = toFtsQuery(q.text);
  if (!query) return { query: null, hits: [] };
  const entities = q.entities ? SEARCH_ENTITIES.filter((e) => q.entities!.includes(e)) : null;
  const entityFilter = entities && entities.length < SEARCH_ENTITIES.length ? `AND m.entity IN (${entities.map(() => '?').join(', ')})` : '';
  const rows = prepared(
    ws.db,
    `SELECT m.entity, m.row_id, search_fts.title AS title,
              snippet(search_fts, -1, char(1), char(2), '…', 12) AS snip,
              bm25(search_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score
         FROM search_fts JOIN search_rows m ON m.fts_rowid = search_fts.rowid
        WHERE search_fts MATCH ? ${entityFilter}
        ORDER BY score, m.entity, m.row_id
        LIMIT ?`,
  ).all(query, ...(entityFilter ? entities! : []), q.limit) as Row[];
  const hits = rows.map((r): SearchHit => {
    const p = prepared(ws.db, PLACE_SQL[r.entity]).get(r.row_id) as Place;
    return {
      entity: r.entity,
      id: r.row_id,
      title: r.title,
      snippet: snippetParts(r.snip),
      score: r.score,
      departmentId: p.department_id,
      departmentName: p.department_name,
      processId: p.process_id,
      processName: p.process_name,
      stepId: p.step_id,
    };
  });
  return { query, hits };
}
