import type { IndicatorAggregation, IndicatorFrequency } from '../../../src-shared/domain';
import { BoucleError } from '../../../src-shared/errors';
import { reasonOf, type KeyedReason } from '../../../src-shared/messages';
import type { Workspace } from '../../db/workspace';

// Which indicator a row is about. A single-indicator file names it once (the import's indicatorId);
// a multi-indicator file has a column holding each row's indicator, by id or by name. Names are
// compared trimmed, with runs of spaces collapsed, case-insensitively and in Unicode NFC (so an
// accent typed as one or two code points matches), but accents count: "Délai" is not "Delai".

export interface IndicatorInfo {
  id: string;
  name: string;
  departmentId: string;
  frequency: IndicatorFrequency;
  /** With a roll-up, where `frequency` is 'daily' (the rows keep their dates): the indicator's own. */
  ownFrequency?: IndicatorFrequency;
  /** How its rows roll up into a period (roll-up.ts); absent where no roll-up is asked. */
  aggregation?: IndicatorAggregation;
}

/** How many different indicators one file may hold (the duplicate check packs the index in 10 bits). */
export const MAX_INDICATORS_PER_FILE = 1024;

export type MatchProblem = { code: 'empty_indicator' | 'unknown_indicator' | 'ambiguous_indicator' | 'too_many_indicators' } & KeyedReason;

/**
 * A name as the matcher compares it: composed accents (a Mac writes é as e + ´), one space for any run
 * of spaces, case aside, and one apostrophe and one dash whatever an export or a keyboard made of
 * them — the app keeps "Taux d’erreur" while an ERP writes "Taux d'erreur".
 */
export const normalName = (s: string) =>
  s
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLocaleLowerCase('en');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadIndicators(ws: Workspace, departmentId?: string): IndicatorInfo[] {
  return ws.db
    .prepare(
      `SELECT id, name, department_id AS departmentId, frequency, aggregation FROM indicators
        WHERE deleted_at IS NULL AND (? IS NULL OR department_id = ?) ORDER BY name, id`,
    )
    .all(departmentId ?? null, departmentId ?? null) as IndicatorInfo[];
}

export class IndicatorMatcher {
  /** Indicators met in the file, in order of first use; a row refers to one by its index here. */
  readonly used: IndicatorInfo[] = [];
  private readonly usedIndex = new Map<string, number>();
  private readonly byId = new Map<string, IndicatorInfo>();
  private readonly byName = new Map<string, IndicatorInfo[]>();
  private readonly cache = new Map<string, number | MatchProblem>();

  constructor(all: IndicatorInfo[], readonly single: IndicatorInfo | null = null) {
    for (const i of all) {
      this.byId.set(i.id.toLowerCase(), i);
      const key = normalName(i.name);
      const list = this.byName.get(key);
      if (list) list.push(i);
      else this.byName.set(key, [i]);
    }
    if (single) this.indexOf(single);
  }

  private indexOf(i: IndicatorInfo): number | MatchProblem {
    let idx = this.usedIndex.get(i.id);
    if (idx === undefined) {
      if (this.used.length >= MAX_INDICATORS_PER_FILE) {
        return { code: 'too_many_indicators', ...reasonOf('row.too_many_indicators', { max: MAX_INDICATORS_PER_FILE }) };
      }
      idx = this.used.length;
      this.used.push(i);
      this.usedIndex.set(i.id, idx);
    }
    return idx;
  }

  /** The index (in `used`) of the indicator a cell names, or why none. */
  resolve(text: string): number | MatchProblem {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const result = this.lookup(text);
    if (this.cache.size < 10_000) this.cache.set(text, result);
    return result;
  }

  private lookup(text: string): number | MatchProblem {
    const t = text.trim();
    if (!t) return { code: 'empty_indicator', ...reasonOf('row.empty_indicator') };
    if (UUID.test(t)) {
      const i = this.byId.get(t.toLowerCase());
      if (i) return this.indexOf(i);
    }
    const found = this.byName.get(normalName(t)) ?? [];
    if (found.length === 1) return this.indexOf(found[0]!);
    if (found.length > 1) {
      return { code: 'ambiguous_indicator', ...reasonOf('row.ambiguous_indicator', { count: found.length, name: t }) };
    }
    return { code: 'unknown_indicator', ...reasonOf('row.unknown_indicator', { name: t.slice(0, 100) }) };
  }
}

/** The indicator a user names on the command line (id or name), or a clear error. */
export function findIndicator(ws: Workspace, nameOrId: string, departmentId?: string): IndicatorInfo {
  const m = new IndicatorMatcher(loadIndicators(ws, departmentId));
  const r = m.resolve(nameOrId);
  if (typeof r === 'number') return m.used[r]!;
  throw BoucleError.of(r.code === 'ambiguous_indicator' ? 'conflict' : 'not_found', r.key, r.params, 'indicatorId');
}
